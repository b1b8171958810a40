// Writes a zip whose bytes depend only on its contents: entries in the order given, one fixed
// modification time, so the same data always makes the same file (and a round trip can prove it).
import { createHash } from 'node:crypto'
import { zipSync, type Zippable } from 'fflate'

/** DOS time cannot say "no time"; 1980-01-01 is its earliest, and says "not a real timestamp". */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0)

export type ZipEntry = { path: string; bytes: Uint8Array }

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export function writeZip(entries: ReadonlyArray<ZipEntry>): Uint8Array {
  const files: Zippable = {}
  for (const e of entries) files[e.path] = [e.bytes, { mtime: FIXED_MTIME, level: 6 }]
  return zipSync(files)
}
