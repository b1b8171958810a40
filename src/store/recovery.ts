// What the store does with a file that fails to read or validate, or that is missing although the
// index (or a backup) says it should be there: the damaged file is moved to quarantine/ (never
// overwritten or deleted), the newest backup holding a copy that passes its manifest's SHA-256
// and decodes and validates is written back in its place, and a Recovery says which file, what
// was wrong, and what was done, for the journal, the UI and the CLI.
// A restore that cannot be written (disk full) is not an error thrown at the reader: the file
// stays missing, the caller keeps it listed as damaged, and the next open finds it missing and
// tries again.
import { dirname } from 'node:path'
import type { BackupStore } from './backups'
import type { FileIo } from './file-io'
import { fsyncDir } from './durable-write'
import { quarantineFile } from './layout'
import type { Recovery } from './types'

/** Where good copies come from (a BackupStore; or nothing, when the caller has the original). */
export type BackupSource = Pick<BackupStore, 'list' | 'readEntry'>
export const NO_BACKUPS: BackupSource = { list: async () => [], readEntry: async () => null }

export type Recovered<T> = { value: T | null; recovery: Recovery }

/** Moves `rel` aside into quarantine/; returns where it went. */
export async function quarantine(io: FileIo, rel: string, at: Date): Promise<string> {
  io.assertWritable(rel)
  const aside = quarantineFile(rel, at)
  await io.ensureDirOf(aside)
  try {
    await io.fs.rename(io.abs(rel), io.abs(aside))
    await fsyncDir(io.fs, dirname(io.abs(rel)))
    await fsyncDir(io.fs, dirname(io.abs(aside)))
  } catch (e) {
    throw io.error(e, 'move aside the damaged file', rel)
  }
  return aside
}

type Restored<T> =
  | { ok: true; value: T; from: { id: string; reason: string; createdAt: string } }
  | { ok: false; writeFailed: string | null }

/** Writes back the newest checked copy of `rel` from any backup. */
export async function restoreFromBackups<T>(io: FileIo, backups: BackupSource, rel: string, decode: (bytes: Uint8Array) => T): Promise<Restored<T>> {
  for (const backup of await backups.list()) {
    if (backup.damaged !== undefined) continue
    let bytes: Uint8Array | null
    try {
      bytes = await backups.readEntry(backup.id, rel) // checked against the manifest's SHA-256
    } catch {
      continue // an unreadable backup: try the next one
    }
    if (bytes === null) continue
    let value: T
    try {
      value = decode(bytes)
    } catch {
      continue // damaged there too, or from a newer version: not a copy we can use
    }
    try {
      await io.writeRaw(rel, bytes)
    } catch (e) {
      return { ok: false, writeFailed: e instanceof Error ? e.message : String(e) }
    }
    return { ok: true, value, from: backup }
  }
  return { ok: false, writeFailed: null }
}

/**
 * @param decode validates bytes meant for `rel` (throws FileProblem when they are not good)
 * @param ifNothing what happens when no backup held a good copy, e.g. "the case is listed as damaged"
 * @param missing the file is not there at all (nothing to move aside)
 */
export async function quarantineAndRestore<T>(
  io: FileIo,
  backups: BackupSource,
  rel: string,
  problem: string,
  decode: (bytes: Uint8Array) => T,
  ifNothing: string,
  missing = false
): Promise<Recovered<T>> {
  const at = io.now()
  if (io.readOnly !== null) {
    // Nothing may be moved or written: say what is wrong; it is repaired the next time the folder opens writable.
    return { value: null, recovery: { file: rel, problem, at: at.toISOString(), action: `not repaired, because the folder was opened read-only (${io.readOnly}): ${ifNothing}` } }
  }
  const aside = missing ? null : await quarantine(io, rel, at)
  const moved = aside === null ? '' : `moved aside to ${aside}; `
  const base = { file: rel, problem, at: at.toISOString(), ...(aside !== null && { quarantined: aside }) }
  const restored = await restoreFromBackups(io, backups, rel, decode)
  if (restored.ok) {
    const { from } = restored
    return {
      value: restored.value,
      recovery: {
        ...base,
        action: `${moved}restored the copy from the ${from.reason} backup of ${from.createdAt} (${from.id})`,
        restoredFrom: from.id
      }
    }
  }
  const action = restored.writeFailed !== null
    ? `${moved}a good copy is in a backup but could not be written back (${restored.writeFailed}); it is tried again the next time the folder opens: ${ifNothing}`
    : `${moved}no backup held a good copy: ${ifNothing}`
  return { value: null, recovery: { ...base, action } }
}
