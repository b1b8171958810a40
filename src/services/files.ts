// Files between the window and the services, without bytes on IPC. A front door picks files (the
// native dialog in Electron's main process; the test itself in the e2e harness) and the services
// keep each path behind a one-time token: the window never names a path, so a compromised page
// cannot have the services copy a file the user did not choose. Stored files are served by hash
// as web Responses, for Electron's protocol.handle and for the harness's page.route alike.
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { AppError, isAppError } from '#shared/errors'
import { parseStoredFileUrl, type PickedFile } from '#shared/files'
import { typeOfName } from './attachments'
import type { AppServices } from './app-services'

/** How a front door asks the user for files: absolute paths, or [] when they cancelled. */
export type PickFiles = (options: { multiple: boolean }) => Promise<string[]>

export type FilePicks = {
  /** Asks the front door to pick; remembers each path behind a token. */
  pick: (options: { multiple: boolean }) => Promise<PickedFile[]>
  /** The path behind a token (once: a token is spent when its file is attached). */
  take: (token: string) => { path: string; name: string }
  /** The same without spending it: a CSV is read again at each step of the import wizard. */
  peek: (token: string) => { path: string; name: string }
  /** Remembers paths chosen some other way by the front door (e.g. dropped on the window). */
  register: (paths: ReadonlyArray<string>) => Promise<PickedFile[]>
}

/** Tokens not used within this time are forgotten (a picked file is attached at once, or not at all). */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000

export function createFilePicks(pickFiles: PickFiles | undefined, now: () => number = Date.now): FilePicks {
  const picked = new Map<string, { path: string; name: string; at: number }>()
  const register = async (paths: ReadonlyArray<string>): Promise<PickedFile[]> => {
    for (const [token, p] of picked) if (now() - p.at > TOKEN_LIFETIME_MS) picked.delete(token)
    const out: PickedFile[] = []
    for (const path of paths) {
      const info = await stat(path).catch(() => null)
      if (!info?.isFile()) continue
      const token = `pick-${randomUUID()}`
      const name = basename(path)
      picked.set(token, { path, name, at: now() })
      out.push({ token, name, size: info.size })
    }
    return out
  }
  return {
    async pick(options) {
      if (!pickFiles) throw new AppError('CONFLICT', 'Picking a file needs the app’s window; on the command line, give the file’s path.')
      return register(await pickFiles(options))
    },
    peek(token) {
      const p = picked.get(token)
      if (!p) throw new AppError('NOT_FOUND', 'That file is no longer at hand; pick it again.')
      return { path: p.path, name: p.name }
    },
    take(token) {
      const p = picked.get(token)
      if (!p) throw new AppError('NOT_FOUND', 'That file is no longer at hand; pick it again.')
      picked.delete(token)
      return { path: p.path, name: p.name }
    },
    register
  }
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })

/**
 * The stored file a URL names (`<base><sha256>/<name>[?download=1]`), as a streamed Response with its
 * type (from the name), its length, and, for "Save a copy…", a download disposition. The response
 * may not run scripts or load anything, whatever the file holds.
 */
export async function storedFileResponse(services: AppServices, base: string, url: string): Promise<Response> {
  const target = parseStoredFileUrl(base, url)
  if (!target) return plain(404, 'Not a stored file.')
  try {
    const { stream, size } = await services.attachments.openStream(target.sha256)
    const headers: Record<string, string> = {
      'Content-Type': typeOfName(target.name),
      'Content-Length': String(size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store'
    }
    if (target.download) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(target.name)}`
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers })
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return plain(404, error.message)
    if (isAppError(error)) return plain(error.code === 'CORRUPT_DATA' ? 500 : 400, error.message)
    return plain(500, 'The file could not be read from the data folder.')
  }
}
