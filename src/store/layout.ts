// Where every file lives, relative to the data folder (always with '/' separators):
//
//   meta.json                     store format, collection versions, encryption parameters (never encrypted)
//   <singleton>.json              e.g. settings.json
//   <collection>/<id>.json        file-per-record collections (cases): one file per record
//   <collection>/shard-NN.json    sharded collections (patients, organizations)
//   attachments/<aa>/<sha256>     content-addressed attachments
//   backups/<id>.zip + <id>.json  backups and their manifests (never inside a backup)
//   quarantine/<stamp>__<path>    files that failed to parse or validate, kept aside, never overwritten
//   recovery-journal.jsonl        every repair, restore and loss, one JSON line each (never in a backup)
//   .local/                       this computer only; a sync tool must ignore it:
//     device.json                 this device's id (written into every file's envelope)
//     lock.json                   who has the folder open
//     index-<collection>.json     cache of record summaries, rebuilt from the files when stale
//     restore.json                marker of an unfinished restore, finished at next open
//     batch-<collection>.json     journal of a batch write not yet checkpointed, replayed at next open (batch-journal.ts)
import { AppError } from '#shared/errors'
import { FILE_RECORD_ID } from './types'

export const META_FILE = 'meta.json'
export const LOCAL_DIR = '.local'
export const LOCK_FILE = `${LOCAL_DIR}/lock.json`
export const DEVICE_FILE = `${LOCAL_DIR}/device.json`
export const RESTORE_MARKER = `${LOCAL_DIR}/restore.json`
/** The last restore: which backup the folder was replaced with, and when (see BackupStore.newestEntries). */
export const RESTORED_FROM = `${LOCAL_DIR}/restored-from.json`
export const BACKUPS_DIR = 'backups'
export const QUARANTINE_DIR = 'quarantine'
export const ATTACHMENTS_DIR = 'attachments'
export const JOURNAL_FILE = 'recovery-journal.jsonl'

/** Display names of the computers sharing a synced folder (store/sync/devices.ts). */
export const DEVICES_DIR = 'devices'
/** What a sync tool keeps in the folder for itself (Syncthing's ignore file, marker and versions). */
export const SYNC_TOOL_FILES = ['.stignore', '.stfolder', '.stversions']

/** Top-level names no collection or singleton may take. */
export const RESERVED_NAMES = new Set(['meta', 'recovery-journal', LOCAL_DIR, BACKUPS_DIR, QUARANTINE_DIR, ATTACHMENTS_DIR, DEVICES_DIR])

/** Never copied into a backup, nor replaced by a restore (the journal outlives restores). */
export const NOT_BACKED_UP = new Set([LOCAL_DIR, BACKUPS_DIR, QUARANTINE_DIR, DEVICES_DIR, JOURNAL_FILE, ...SYNC_TOOL_FILES])

/**
 * A path relative to the data folder that stays inside it: '/'-separated, no empty, '.' or '..'
 * segment, not absolute, no backslash or NUL, no drive letter. Every path built from outside input
 * (a backup's entry names) must pass this before it is joined to the folder.
 */
export function isSafeRelPath(rel: string): boolean {
  if (rel === '' || rel.length > 1024 || rel.startsWith('/') || /[\\\0]/.test(rel) || /^[a-zA-Z]:/.test(rel)) return false
  return rel.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/

export function assertValidName(kind: string, name: string): void {
  if (!NAME.test(name) || RESERVED_NAMES.has(name)) {
    throw new AppError('INVALID_INPUT', `The ${kind} name "${name}" cannot be used as a file name in the data folder.`)
  }
}

export const recordFile = (collection: string, id: string): string => `${collection}/${id}.json`
export const singletonFile = (name: string): string => `${name}.json`
export const indexFile = (collection: string): string => `${LOCAL_DIR}/index-${collection}.json`
export const attachmentFile = (sha256: string): string => `${ATTACHMENTS_DIR}/${sha256.slice(0, 2)}/${sha256}`

const SHARD_NAME = /^shard-(\d{2,4})\.json$/
export const shardFile = (collection: string, shard: number): string =>
  `${collection}/shard-${String(shard).padStart(2, '0')}.json`
export const shardNumberOf = (fileName: string): number | undefined => {
  const m = SHARD_NAME.exec(fileName)
  return m?.[1] === undefined ? undefined : Number(m[1])
}

/** FNV-1a: stable across runs and platforms, so a record always lands in the same shard. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % shards
}

export function assertFileRecordId(collection: string, id: unknown): asserts id is string {
  if (typeof id !== 'string' || !FILE_RECORD_ID.test(id)) {
    throw new AppError(
      'INVALID_INPUT',
      `id: ${JSON.stringify(id)} is not a valid ${collection} id (lower-case letters, digits, "-" and "_", at most 128).`,
      { path: ['id'] }
    )
  }
}

/** A file name for `rel` inside quarantine/, unique by time, that keeps the original path readable. */
export const quarantineFile = (rel: string, at: Date): string =>
  `${QUARANTINE_DIR}/${at.toISOString().replace(/[:.]/g, '-')}__${rel.replace(/\//g, '__')}`
