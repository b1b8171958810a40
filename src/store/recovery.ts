// What happens to a file that fails to parse or validate: it is never overwritten. It is moved
// aside to quarantine/ (with a timestamp), the newest backup holding a copy of it that decodes and
// validates is written back in its place, and a Recovery says which file, what was wrong, and
// what was restored, for the UI and the CLI to show.
import { dirname } from 'node:path'
import type { BackupStore } from './backups'
import type { FileIo } from './file-io'
import { fsyncDir } from './durable-write'
import { quarantineFile } from './layout'
import type { Recovery } from './types'

export type Recovered<T> = { value: T | null; recovery: Recovery }

/**
 * @param decode validates bytes meant for `rel` (throws FileProblem when they are not good)
 * @param ifNothing what happens when no backup held a good copy, e.g. "the case is no longer listed"
 */
export async function quarantineAndRestore<T>(
  io: FileIo,
  backups: BackupStore,
  rel: string,
  problem: string,
  decode: (bytes: Uint8Array) => T,
  ifNothing: string
): Promise<Recovered<T>> {
  const at = io.now()
  const aside = quarantineFile(rel, at)
  await io.ensureDirOf(aside)
  try {
    await io.fs.rename(io.abs(rel), io.abs(aside))
    await fsyncDir(io.fs, dirname(io.abs(rel)))
    await fsyncDir(io.fs, dirname(io.abs(aside)))
  } catch (e) {
    throw io.error(e, 'move aside the damaged file', rel)
  }

  for (const backup of await backups.list()) {
    let bytes: Uint8Array | null
    try {
      bytes = await backups.readEntry(backup.id, rel)
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
    await io.writeRaw(rel, bytes)
    return {
      value,
      recovery: {
        file: rel,
        problem,
        action: `moved aside to ${aside}; restored the copy from the ${backup.reason} backup of ${backup.createdAt} (${backup.id})`,
        at: at.toISOString(),
        quarantined: aside,
        restoredFrom: backup.id
      }
    }
  }
  return {
    value: null,
    recovery: {
      file: rel,
      problem,
      action: `moved aside to ${aside}; no backup held a good copy: ${ifNothing}`,
      at: at.toISOString(),
      quarantined: aside
    }
  }
}
