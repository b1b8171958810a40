// The store's public surface. Services depend on these types only; everything behind them
// (file layout, durability, locking, encryption, backups, recovery) is the store's business.
import type * as fsp from 'node:fs/promises'
import type { z } from 'zod'
import type { SyncHandle, SyncOptions } from './sync/types'
import type { ChangeCursor, Changes } from './change-log'

/** Every stored record has a stable string id. */
export type StoredRecord = { id: string }

/**
 * How a collection is laid out on disk.
 * - `file-per-record`: `<dir>/<id>.json`, read on demand; a summary of each record is kept in memory
 *   and in a rebuildable local index so the collection opens without reading every file (cases).
 *   Ids become file names, so they must match {@link FILE_RECORD_ID}.
 * - `sharded`: records spread over `shards` files by a hash of the id, all loaded at open
 *   (patients, organizations: thousands of small records, edited one at a time).
 */
export type Layout = { kind: 'file-per-record' } | { kind: 'sharded'; shards: number }

/**
 * Ids of file-per-record collections are file names: lower case only (macOS and Windows folders
 * ignore case, so `A1` and `a1` would be one file), no dots or slashes, at most 128 characters.
 */
export const FILE_RECORD_ID = /^[a-z0-9][a-z0-9_-]{0,127}$/

/** Upgrades one stored record from version `from` to `from + 1`. Pure; throws on data it cannot read. */
export type Migration = { from: number; migrate: (record: unknown) => unknown }

export type CollectionSpec<T extends StoredRecord, S = undefined> = {
  /** Folder name under the data folder; also the collection's name in messages. */
  name: string
  schema: z.ZodType<T>
  layout: Layout
  /** Version written now. Older files are migrated (after a backup) once, at open. */
  version: number
  migrations: readonly Migration[]
  /**
   * file-per-record only: the part of a record kept in memory for listing and search.
   * (Method syntax on purpose: it keeps a `CollectionSpec<Case, CaseSummary>` assignable to the
   * generic {@link StoreSchema} constraint.) Change `version` or the function's code and the local
   * index is rebuilt from the files at next open.
   */
  summarize?(record: T): S
  /**
   * What shapes the summaries: the local index is keyed by this version and a hash of this schema
   * (src/store/cache-key.ts), so every build of the code shares one index. Bump the version when
   * `summarize` computes anything differently.
   */
  summary?: { version: number; schema: z.ZodType }
}

export type SingletonSpec<T> = {
  /** File name (without .json) under the data folder, e.g. `settings`. */
  name: string
  schema: z.ZodType<T>
  defaults: T
  version: number
  migrations: readonly Migration[]
}

/** What the store found wrong when reading a file, and what it did about it. Shown to the user. */
export type Recovery = {
  /** Path relative to the data folder, e.g. `cases/c-12.json`. */
  file: string
  problem: string
  /** e.g. "moved aside to quarantine/…; restored from backup 2026-11-24T…" or "no backup held it: started empty" */
  action: string
  at: string
  /** Where the damaged file was moved, relative to the data folder (absent when nothing was moved). */
  quarantined?: string
  /** The backup a good copy came from, if any. */
  restoredFrom?: string
  /** 'notice': nothing was damaged (a lock left by a process that exited, a restore finished). */
  kind?: 'notice'
}

export type { ChangeCursor, Changes } from './change-log'

export type SummaryEntry<S> = {
  id: string
  rev: number
  summary: S
  /** The record's file is damaged or missing and no backup held a good copy: what was wrong and done. Its summary is the last one the index knew. */
  damaged?: string
}

export type RecordCollection<T extends StoredRecord, S> = {
  /** In-memory summaries of every record (no file read). Sorted by id. */
  summaries: () => ReadonlyArray<SummaryEntry<S>>
  /** One record's summary entry (no sorting, no file read). */
  entry: (id: string) => SummaryEntry<S> | undefined
  /**
   * The ids whose summary changed or went since `cursor` (null: since ever), whatever changed them:
   * a save, a sync, a repair. `ids: null` means read everything again (first call, a restore, or
   * too long away). Pass the returned cursor next time.
   */
  changesSince: (cursor: ChangeCursor | null) => Changes
  /** Reads and validates the record's file (the latest put, if one is still being written). */
  get: (id: string) => Promise<T | undefined>
  has: (id: string) => boolean
  /** Validates, then writes durably; resolves once the write is on disk. */
  put: (record: T) => Promise<void>
  /** Validates every record, then writes them all in one durable write (batch-journal.ts). */
  putMany: (records: ReadonlyArray<T>) => Promise<void>
  /** Deletes the record's file durably; NOT_FOUND if there is none. */
  remove: (id: string) => Promise<void>
}

export type ShardedCollection<T extends StoredRecord> = {
  all: () => ReadonlyArray<T>
  get: (id: string) => T | undefined
  /** Validates, then writes the record's shard durably; resolves once the write is on disk. */
  put: (record: T) => Promise<void>
  /** Validates every record, then writes each shard they touch once, durably. */
  putMany: (records: ReadonlyArray<T>) => Promise<void>
  /** NOT_FOUND if there is no such record. */
  remove: (id: string) => Promise<void>
}

export type Singleton<T> = {
  get: () => T
  put: (value: T) => Promise<void>
}

export type AttachmentInfo = { sha256: string; size: number }

export type Attachments = {
  /** Copies bytes into the data folder under their sha-256; a second copy of the same bytes is not stored again. */
  add: (bytes: Uint8Array) => Promise<AttachmentInfo>
  /** The same for a file on disk, streaming: never more than a chunk of it in memory. */
  addFile: (path: string, options: { maxBytes: number; tooLarge: () => Error }) => Promise<AttachmentInfo>
  read: (sha256: string) => Promise<Uint8Array>
  /** A stored file as a stream of its content; the stream fails if the file was altered. */
  openStream: (sha256: string) => Promise<{ stream: import('node:stream').Readable; size: number }>
  has: (sha256: string) => Promise<boolean>
  /**
   * Removes content no longer referenced; `inUse` is the set of hashes some record still names
   * (include attachments added for edits not saved yet). Returns how many files were removed.
   */
  prune: (inUse: ReadonlySet<string>) => Promise<number>
  /** Checks every stored file against its hash; damaged ones are quarantined and restored from a backup where one holds them. */
  verify: () => Promise<AttachmentCheck>
}

export type DataCheck = {
  attachments: AttachmentCheck
  /** Records listed as damaged or lost after the check (no backup held a good copy), by collection. */
  damagedRecords: Record<string, string[]>
  backups: { checked: number; damaged: Array<{ id: string; damaged: string }> }
  /** What the check repaired, restored or found lost (also in the journal). */
  recoveries: Recovery[]
}

export type AttachmentCheck = {
  checked: number
  /** Hashes still damaged or missing after repair (no backup held a good copy). */
  damaged: string[]
}

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-import' | 'pre-restore'

export type BackupInfo = {
  id: string
  createdAt: string
  reason: BackupReason
  /** Size of the backup file. */
  bytes: number
  /** Record counts per collection (and `attachments`), for the "what does this backup hold" preview. */
  counts: Record<string, number>
  /** Number of files in the backup. */
  files: number
  encrypted: boolean
  /** Set when the backup failed its check (unreadable zip, an entry whose SHA-256 does not match its manifest, an unsafe entry name): never used to restore. */
  damaged?: string
}

/** An automatic backup that could not be made. Only the daily one runs unattended; the others fail the action that asked for them. */
export type BackupFailure = {
  reason: 'daily'
  /** When it failed (ISO instant). */
  at: string
  /** Names the file and what to do, e.g. "Access Advocate cannot list …/backups: part of the path is a file…". */
  message: string
}

export type BackupStatus = {
  /** The last automatic backup that failed; cleared once any later backup succeeds. */
  lastFailure: BackupFailure | null
  /** The daily backup started at open is still running (it may yet fail): worth asking again soon. */
  dailyInProgress: boolean
}

export type Backups = {
  create: (reason: BackupReason) => Promise<BackupInfo>
  /** Newest first. */
  list: () => Promise<BackupInfo[]>
  preview: (id: string) => Promise<BackupInfo>
  /** Replaces the live data with the backup's, after taking a `pre-restore` backup of the live data; reloads. */
  restore: (id: string) => Promise<void>
  /**
   * Whether the unattended daily backup failed. Held in memory and readable after close(), so a
   * front door can report what the background backup did once close() has waited for it.
   */
  status: () => BackupStatus
  /** Hears every change of status(): the daily backup starting, failing, a later backup clearing it. */
  onStatus: (listener: (status: BackupStatus) => void) => () => void
}

export type AnyCollectionSpec = CollectionSpec<StoredRecord, unknown>
export type AnySingletonSpec = SingletonSpec<unknown>

export type StoreSchema = {
  records: Record<string, AnyCollectionSpec & { layout: { kind: 'file-per-record' } }>
  sharded: Record<string, AnyCollectionSpec & { layout: { kind: 'sharded'; shards: number } }>
  singletons: Record<string, AnySingletonSpec>
}

/** The record type of a collection spec. */
export type RecordOf<C> = C extends { schema: z.ZodType<infer T> } ? T : never
/** The summary type of a file-per-record collection spec (`undefined` without `summarize`). */
export type SummaryOf<C> = C extends { summarize?: (record: never) => infer S } ? (unknown extends S ? undefined : S) : undefined
/** The value type of a singleton spec. */
export type ValueOf<C> = C extends { schema: z.ZodType<infer T> } ? T : never

/** The node:fs/promises API the store uses; tests inject a failing one to simulate full or read-only disks. */
export type StoreFs = typeof fsp

export type OpenStoreOptions = {
  dataDir: string
  /** Who is opening, written into the lock so a second instance can say who holds it (e.g. "app", "cli"). */
  holder: string
  passphrase?: string
  /** Injected for tests and backups' timestamps; defaults to the system clock. */
  now?: () => Date
  /**
   * Open without the lock and without writing anything (no lock, temp sweep, device id, index,
   * journal, quarantine or backup): for reading commands and read-only disks. The reason is shown
   * in every refused write. Damaged files are reported, not repaired.
   */
  readOnly?: string
  /**
   * Take the daily backup at open if today has none (default true). Runs in the background and
   * close() waits for it; 'abandon-on-close': close() gives it up instead (cleanly: nothing half
   * written is left) unless it is already done, so a short command never waits for it.
   */
  dailyBackup?: boolean | 'abandon-on-close'
  /**
   * Start the background work of open (the check of every record file, then the daily backup)
   * only when {@link Store.startBackground} is called, or `fallbackMs` after open if it never is.
   * A window's front door sets it: that work shares the event loop and the thread pool with the
   * first answers the window waits for. A close before it started starts it (and waits for it)
   * when the daily backup is on, so a short session still gets its backup; otherwise it is skipped
   * (the next open checks every file again). Without it, the work starts as open returns.
   */
  deferBackground?: { fallbackMs: number }
  /** How long after the last edit the local case index is rewritten (ms, default 1000). */
  indexDebounceMs?: number
  /**
   * The version of the code opening the store (the app's version). Contents validated once by this
   * code, and unchanged since, are not validated again at the next open (see validated-cache.ts).
   */
  codeVersion?: string
  /** Tests only: a node:fs/promises stand-in, to simulate read-only or full disks honestly. */
  fs?: StoreFs
  /** A synced folder: watching it while open, and how to merge each collection's conflict copies (store/sync). */
  sync?: SyncOptions
}

export type Store<S extends StoreSchema> = {
  readonly dataDir: string
  readonly deviceId: string
  readonly encrypted: boolean
  /** Why the folder was opened read-only, or null when it takes writes. */
  readonly readOnly: string | null
  /** Everything found wrong at open and on later reads; listeners of {@link Store.onRecovery} hear each new one. */
  readonly recoveries: ReadonlyArray<Recovery>
  records: { [K in keyof S['records']]: RecordCollection<RecordOf<S['records'][K]>, SummaryOf<S['records'][K]>> }
  sharded: { [K in keyof S['sharded']]: ShardedCollection<RecordOf<S['sharded'][K]>> }
  singletons: { [K in keyof S['singletons']]: Singleton<ValueOf<S['singletons'][K]>> }
  attachments: Attachments
  backups: Backups
  onRecovery: (listener: (r: Recovery) => void) => () => void
  /** Files other computers wrote, conflict copies merged or waiting for a choice (store/sync). */
  sync: SyncHandle
  /** The recovery journal of the folder (every repair, restore and loss so far), oldest first. */
  journal: () => Promise<Recovery[]>
  /** "Check data": every case file against its stamp, every attachment against its hash, every backup against its manifest; repairs what it can. */
  check: () => Promise<DataCheck>
  /**
   * Starts the background work of open now, if deferred and not started yet (see
   * OpenStoreOptions.deferBackground); otherwise does nothing.
   */
  startBackground: () => void
  /** Waits for every pending write, including the background backup and the local index. */
  flush: () => Promise<void>
  /** flush, then release the lock. The store must not be used afterwards. */
  close: () => Promise<void>
}
