// The store's public entry point: services import from here (and from ./types) only.
export { openStore, defineSchema } from './open-store'
export { FILE_RECORD_ID } from './types'
export { recordFile } from './layout'
export type { FileOrigin, RecordMerger, ShardMerger, SyncChange, SyncConflict, SyncEvent, SyncHandle, SyncMerge, SyncOptions } from './sync/types'
export type {
  AnyCollectionSpec,
  AnySingletonSpec,
  AttachmentInfo,
  Attachments,
  BackupFailure,
  BackupInfo,
  BackupReason,
  BackupStatus,
  Backups,
  CollectionSpec,
  Layout,
  Migration,
  OpenStoreOptions,
  RecordCollection,
  RecordOf,
  Recovery,
  ShardedCollection,
  Singleton,
  SingletonSpec,
  Store,
  StoreFs,
  StoreSchema,
  StoredRecord,
  SummaryEntry,
  SummaryOf,
  ValueOf
} from './types'
