// Files never cross IPC as bytes. The window asks the main process to pick a file (the native
// dialog), gets back an opaque token for each, and hands the token to a channel; the services
// read the file by its path, streaming. Stored files come back to the window through a URL keyed
// by their hash: the aa-file:// protocol in the app, a route of the test process in the e2e harness.
import { z } from 'zod'

/** The largest file the window and the command line accept: one limit for both front doors. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024

/** The custom protocol the app serves stored files on. */
export const FILE_SCHEME = 'aa-file'
/** Where stored files are served in the app; front doors may serve them elsewhere (see app.info's filesUrl). */
export const DEFAULT_FILES_URL = `${FILE_SCHEME}://`

/** A file the user picked in the native dialog: the window sees its name and size, never its path. */
export const PickedFileSchema = z.object({
  token: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative()
})
export type PickedFile = z.infer<typeof PickedFileSchema>

export const PickTokenSchema = z.string().regex(/^pick-[0-9a-f-]{36}$/, 'is not a file picked in this window; pick the file again')

const SHA256 = /^[0-9a-f]{64}$/

/** The URL of a stored file: `<base><sha256>/<name>`, with `?download=1` for "Save a copy…". */
export function storedFileUrl(base: string, sha256: string, name: string, options: { download?: boolean } = {}): string {
  return `${base}${sha256}/${encodeURIComponent(name)}${options.download ? '?download=1' : ''}`
}

/** The hash, name and download flag of a stored-file URL under `base`, or null if it is not one. */
export function parseStoredFileUrl(base: string, url: string): { sha256: string; name: string; download: boolean } | null {
  if (!url.startsWith(base)) return null
  const rest = url.slice(base.length)
  const [pathPart = '', query = ''] = rest.split('?', 2)
  const slash = pathPart.indexOf('/')
  const sha256 = (slash < 0 ? pathPart : pathPart.slice(0, slash)).toLowerCase()
  if (!SHA256.test(sha256)) return null
  let name = 'file'
  try {
    name = slash < 0 ? 'file' : decodeURIComponent(pathPart.slice(slash + 1)) || 'file'
  } catch {
    return null
  }
  return { sha256, name, download: new URLSearchParams(query).get('download') === '1' }
}
