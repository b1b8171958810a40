// What the store tells the app about a synced folder: files another computer wrote, conflict copies
// merged (and what was merged), conflicts it could not merge (both versions, for a person to choose).

/** Who last wrote a file, from its envelope. */
export type FileOrigin = {
  deviceId: string
  /** The name that computer gave itself (devices/<id>.json), or null when unknown. */
  deviceName: string | null
  thisDevice: boolean
  updatedAt: string
  rev: number
}

/** A file that changed on disk while the folder was open, written by another computer (or removed). */
export type SyncChange = {
  file: string
  kind: 'record' | 'shard' | 'singleton' | 'other'
  collection: string | null
  /** The record id, for file-per-record collections. */
  id: string | null
  origin: FileOrigin | null
}

/** A conflict copy merged into its file and set aside. */
export type SyncMerge = {
  at: string
  file: string
  copy: string
  /** Where the copy now is, under quarantine/. */
  quarantined: string
  /** The devices whose versions were merged (current, copy). */
  devices: [string, string]
  /** What was done, one line each, for a person (ids and field names only: no record contents). */
  notes: string[]
  /** 'merged' automatically, or a person chose a side. */
  how: 'merged' | 'identical' | 'kept-current' | 'kept-copy'
}

/** One version of a file in an unresolved conflict. */
export type ConflictSide = {
  file: string
  origin: FileOrigin | null
  /** The payload as readable JSON (decrypted), or what is wrong with it. */
  text: string
  readable: boolean
}

export type SyncConflict = {
  /** The conflict copy's path: the id to resolve it by. */
  id: string
  file: string
  madeAt: string
  reason: string
  current: ConflictSide
  copy: ConflictSide
  /** Whether the copy can be taken instead of the current file (it must decode and validate). */
  canKeepCopy: boolean
}

export type SyncEvent =
  | { type: 'changed'; changes: SyncChange[] }
  | { type: 'merged'; merge: SyncMerge }
  | { type: 'conflict'; conflict: SyncConflict }

/** Merges two versions of a record of a file-per-record collection (pure; see src/core/sync). */
export type RecordMerger = (
  current: { record: unknown; device: string },
  copy: { record: unknown; device: string }
) => { merged: unknown; identical: boolean; notes: string[] }

/** Merges two versions of one shard's records. */
export type ShardMerger = (
  current: { records: readonly unknown[]; device: string },
  copy: { records: readonly unknown[]; device: string }
) => { records: unknown[]; changed: string[]; notes: string[] }

export type SyncOptions = {
  /** Watch the folder while open (the app); the command line only merges at open (default false). */
  watch?: boolean
  debounceMs?: number
  rescanMs?: number
  /** This computer's display name, written to devices/<id>.json (default: the host name). */
  deviceName?: string
  records?: Record<string, RecordMerger>
  shards?: Record<string, ShardMerger>
}

export type SyncHandle = {
  /** This computer's name as other computers see it. */
  deviceName: () => string
  setDeviceName: (name: string) => Promise<void>
  /** Who last wrote `file` (relative path, e.g. cases/case-1.json); null if it does not exist or cannot be read. */
  origin: (file: string) => Promise<FileOrigin | null>
  conflicts: () => ReadonlyArray<SyncConflict>
  merges: () => ReadonlyArray<SyncMerge>
  /** Keeps one side of an unresolved conflict; the other is set aside in quarantine/, never deleted. */
  resolve: (id: string, keep: 'current' | 'copy') => Promise<void>
  /** Looks at the whole folder now (what the periodic rescan does). */
  rescan: () => Promise<void>
  subscribe: (listener: (event: SyncEvent) => void) => () => void
  /** Grows by one with every event: a window can poll it cheaply. */
  version: () => number
}
