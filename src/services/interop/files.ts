// Files in and out of the interop channels: read by path (bounded, with a message naming the
// file; the window's picked-file tokens are turned into their paths by the handler); written to a path the user chose, through a temporary
// file and a rename so a half-written export never sits under the final name.
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../shared/errors'

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
