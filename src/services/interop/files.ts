// Files in and out of the interop channels: read by path (bounded, with a message naming the
// file; the window's picked-file tokens are turned into their paths by the handler); written to a path the user chose, through a temporary
// file and a rename so a half-written export never sits under the final name.
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '#shared/errors'

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

/** `what` names the reader in the message, e.g. "a CSV import". */
export async function readSource(source: { path: string }, maxBytes: number, what: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = basename(source.path)
  let size: number
  try {
    const info = await stat(source.path)
    if (!info.isFile()) throw new AppError('INVALID_INPUT', `${source.path} is not a file`)
    size = info.size
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('INVALID_INPUT', `cannot read ${source.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (size > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `${name} is ${mb(size)}; ${what} reads at most ${mb(maxBytes)}. Nothing was changed.`)
  return { name, bytes: new Uint8Array(await readFile(source.path)) }
}

export type Written = { path: string | null; base64: string | null; bytes: number }

/** Where an export's bytes go: a path, or back as base64 when there is none. */
export type OutTarget = { out: string | undefined }

/**
 * Resolves an export's destination before the work starts, so a user who closes the dialog waits for
 * nothing: `saveAs` asks the front door's "Save as" dialog (closing it is CANCELLED, and nothing is
 * made); otherwise `out` as given.
 */
export async function resolveOut(
  input: { out?: string | undefined; saveAs?: boolean | undefined },
  ask: ((options: { title: string; defaultName: string }) => Promise<string | null>) | undefined,
  dialog: { title: string; defaultName: string }
): Promise<OutTarget> {
  if (!input.saveAs) return { out: input.out }
  if (!ask) throw new AppError('UNAVAILABLE', 'Saving through a "Save as" dialog needs the app window; on the command line, give --out FILE.')
  const chosen = await ask(dialog)
  if (chosen === null) throw new AppError('CANCELLED', `Nothing was saved: the "Save as" dialog for ${dialog.defaultName} was closed.`)
  return { out: chosen }
}

export async function writeOut(bytes: Uint8Array, out: string | undefined): Promise<Written> {
  if (!out) return { path: null, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength }
  const tmp = `${out}.partial-${process.pid}`
  try {
    await writeFile(tmp, bytes)
    await rename(tmp, out)
  } catch (error) {
    throw new AppError('INVALID_INPUT', `cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  return { path: out, base64: null, bytes: bytes.byteLength }
}
