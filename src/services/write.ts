// The one write path of the services. Every change to a case, patient or organization goes
// through `commit`: it stamps the change time, appends the audit entry (or entries) that describe
// it, and hands the record to the store, which validates it against its schema, bumps its
// revision and writes it durably. Services say what changed; they never assemble history by hand.
import type { AuditEntry } from '../core/schemas'
import { auditEntry, nowIso, type ServiceContext } from './context'

/** What every audited record has. */
export type AuditedRecord = { id: string; updatedAt: string; history: AuditEntry[] }

/** One audit entry to append. Without `subject`, it describes the record itself (before → next). */
export type AuditNote = {
  action: AuditEntry['action']
  entity: AuditEntry['entity']
  /** The part of the record the entry is about (an event), with its id and its before/after. */
  subject?: { id: string; before: unknown; after: unknown }
  /** Replaces the computed diff (e.g. a new event is summed up by its type). */
  changes?: AuditEntry['changes']
  /** Why, in words (a bulk change, an undo), kept on the entry. */
  note?: string
}

/** Where a record goes: the store's collection, which validates, bumps the revision and writes. */
export type RecordSink<T> = { put: (record: T) => Promise<unknown> }

export type Change<T> = {
  /** The record as it was; undefined for a new one (whose createdAt/updatedAt the caller set). */
  before: T | undefined
  /** The record after the change, history and updatedAt not yet touched. */
  next: T
  /** The audit entries that describe the change. */
  audit: ReadonlyArray<AuditNote>
  /** When it happened, if the caller already stamped something else with it (a new event); default now. */
  at?: string
}

/** Where a batch goes: the store validates every record, then writes them in one durable write. */
export type BatchSink<T> = { putMany: (records: ReadonlyArray<T>) => Promise<unknown> }

/** Writes the change with its audit trail and returns the record as written. */
export async function commit<T extends AuditedRecord>(ctx: ServiceContext, sink: RecordSink<T>, change: Change<T>): Promise<T> {
  const written = audited(ctx, change)
  await sink.put(written)
  return written
}

/**
 * Many changes in one durable write (an import): each is stamped and audited exactly as `commit`
 * would, then the store validates them all (one bad record: nothing is written) and writes them at once.
 */
export async function commitMany<T extends AuditedRecord>(ctx: ServiceContext, sink: BatchSink<T>, changes: ReadonlyArray<Change<T>>): Promise<T[]> {
  const written = changes.map((change) => audited(ctx, change))
  await sink.putMany(written)
  return written
}

function audited<T extends AuditedRecord>(ctx: ServiceContext, change: Change<T>): T {
  const { before, next, audit: notes } = change
  const stamped: T = before === undefined ? next : { ...next, updatedAt: change.at ?? nowIso(ctx) }
  const entries = notes.map((note) => {
    const subject = note.subject ?? { id: stamped.id, before, after: stamped }
    const entry = auditEntry(ctx, note.action, note.entity, subject.id, subject.before, subject.after)
    const noted = note.note ? { ...entry, note: note.note } : entry
    return note.changes ? { ...noted, changes: note.changes } : noted
  })
  return { ...stamped, history: [...(before?.history ?? next.history), ...entries] }
}
