// The store's public surface. Services depend on these types only; everything behind them
// (file layout, durability, locking, encryption, backups, recovery) is the store's business.
import type { z } from 'zod'

/** Every stored record has a stable string id. */
export type StoredRecord = { id: string }

/**
 * How a collection is laid out on disk.
 * - `file-per-record`: `<dir>/<id>.json`, read on demand; a summary of each record is kept in memory
 *   and in a rebuildable local index so the collection opens without reading every file (cases).
 * - `sharded`: records spread over `shards` files by a hash of the id, all loaded at open
 *   (patients, organizations: thousands of small records, edited one at a time).
 */
export type Layout = { kind: 'file-per-record' } | { kind: 'sharded'; shards: number }

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
  /** file-per-record only: the part of a record kept in memory for listing and search. */
  summarize?: (record: T) => S
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
  file: string
  problem: string
  /** e.g. "moved aside to quarantine/…; restored from backup 2026-11-24T…" or "no backup held it: started empty" */
  action: string
  at: string
}

export type RecordCollection<T extends StoredRecord, S> = {
  /** In-memory summaries of every record (no file read). */
  summaries: () => ReadonlyArray<{ id: string; rev: number; summary: S }>
  get: (id: string) => Promise<T | undefined>
  /** Validates, then writes durably; resolves once the write is on disk. */
  put: (record: T) => Promise<void>
  remove: (id: string) => Promise<void>
}

export type ShardedCollection<T extends StoredRecord> = {
  all: () => ReadonlyArray<T>
  get: (id: string) => T | undefined
  put: (record: T) => Promise<void>
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
  read: (sha256: string) => Promise<Uint8Array>
  has: (sha256: string) => Promise<boolean>
  /** Removes content no longer referenced; `inUse` is the set of hashes some record still names. */
  prune: (inUse: ReadonlySet<string>) => Promise<number>
}

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-import' | 'pre-restore'

export type BackupInfo = {
  id: string
  createdAt: string
  reason: BackupReason
  bytes: number
  /** Record counts per collection, for the "what does this backup hold" preview. */
  counts: Record<string, number>
}

export type Backups = {
  create: (reason: BackupReason) => Promise<BackupInfo>
  list: () => Promise<BackupInfo[]>
  preview: (id: string) => Promise<BackupInfo>
  /** Replaces the live data with the backup's, after taking a `pre-restore` backup of the live data. */
  restore: (id: string) => Promise<void>
}

export type StoreSchema = {
  records: Record<string, CollectionSpec<StoredRecord, unknown>>
  sharded: Record<string, CollectionSpec<StoredRecord, unknown>>
  singletons: Record<string, SingletonSpec<unknown>>
}

export type OpenStoreOptions = {
  dataDir: string
  /** Who is opening, written into the lock so a second instance can say who holds it. */
  holder: string
  passphrase?: string
  /** Injected for tests and backups' timestamps; defaults to the system clock. */
  now?: () => Date
}
