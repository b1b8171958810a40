// The window's own page is served from app://bundle/, a custom privileged scheme, instead of file://.
// Loading from file:// needs the grantFileProtocolExtraPrivileges fuse, which lets any file:// page
// read other local files; with our own scheme that fuse is off and the page can reach only the
// built renderer folder. Requests are mapped to files by path (never by string), so an encoded
// "%2e%2e" or a second slash cannot climb out of the folder.
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** Privileges of app://: a standard secure origin, so 'self' in the CSP, relative URLs and module scripts work. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** The renderer's largest asset is a few MB; anything bigger is not ours. */
const MAX_ASSET_BYTES = 64 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

/** The file inside `rendererDir` that an app:// URL names, or null if it names none (another host, a query, outside). */
export function appFileFor(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.search !== '' || parsed.username || parsed.password) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const root = resolve(rendererDir)
  const file = resolve(root, `.${path.split('/').join(sep)}`)
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}

/** The protocol handler: the named file with its content type, 404 for anything else (never a listing, never outside). */
export async function serveAppFile(rendererDir: string, url: string): Promise<Response> {
  const file = appFileFor(rendererDir, url)
  const type = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined
  if (!file || !type) return new Response('Not found', { status: 404 })
  try {
    const info = await stat(file)
    if (!info.isFile() || info.size > MAX_ASSET_BYTES) return new Response('Not found', { status: 404 })
    const body = await readFile(file)
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type, 'x-content-type-options': 'nosniff' } })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
