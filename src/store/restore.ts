// Replacing the live data with a backup's. Each file is written durably (temp, fsync, rename), then
// live files the backup does not hold are deleted. A marker in .local/ is written first and removed
// last: if the app dies half-way, the next open finishes the same restore before loading anything.
import { AppError } from '#shared/errors'
import { noteRestored, type BackupStore } from './backups'
import { mapLimit } from './context'
import { listDataFiles } from './data-files'
import type { FileIo } from './file-io'
import { LOCAL_DIR, META_FILE, RESTORE_MARKER } from './layout'
import { type Meta, decodeMeta } from './meta'

/** Reads and checks a backup before anything is changed; throws if it cannot be restored here. */
export async function loadRestorableBackup(
  io: FileIo,
  backups: BackupStore,
  id: string,
  current: Meta
): Promise<Map<string, Uint8Array>> {
  await backups.preview(id) // NOT_FOUND with a clear message
  const files = await backups.readAll(id)
  const metaBytes = files.get(META_FILE)
  if (metaBytes === undefined) throw new AppError('CORRUPT_DATA', `The backup "${id}" holds no ${META_FILE}; it cannot be restored.`)
  const { meta } = decodeMeta(metaBytes, io.dataDir)
  if ((meta.encryption?.salt ?? null) !== (current.encryption?.salt ?? null)) {
    throw new AppError(
      'CONFLICT',
      `The backup "${id}" was made with a different passphrase (or encryption setting) than the data folder ${io.dataDir} ` +
        'uses now, so it cannot be restored into it. Nothing was changed.'
    )
  }
  return files
}

export async function applyBackup(io: FileIo, id: string, files: Map<string, Uint8Array>): Promise<void> {
  await io.writeRaw(RESTORE_MARKER, Buffer.from(JSON.stringify({ backupId: id })))
  await mapLimit([...files.entries()], 8, ([rel, bytes]) => io.writeRaw(rel, bytes))
  const keep = new Set(files.keys())
  for (const rel of await listDataFiles(io)) if (!keep.has(rel)) await io.remove(rel)
  // The local indexes describe the data replaced: a case they list that the backup lacks was not
  // lost, it is simply not in the backup. Drop them (they are rebuilt) before the marker goes.
  for (const name of await io.list(LOCAL_DIR)) if (/^index-.*\.json$/.test(name)) await io.remove(`${LOCAL_DIR}/${name}`)
  // Before the marker goes, so an interrupted restore, finished at the next open, notes it too.
  await noteRestored(io, id)
  await io.remove(RESTORE_MARKER)
}

/** The backup id of an unfinished restore, if the last one was cut short. */
export async function unfinishedRestore(io: FileIo): Promise<string | null> {
  const raw = await io.readRaw(RESTORE_MARKER)
  if (raw === null) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw).toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null && 'backupId' in parsed && typeof parsed.backupId === 'string') {
      return parsed.backupId
    }
  } catch {
    // fall through: an unreadable marker names no backup
  }
  return null
}
