// The merge rules of each collection, for the store's sync engine: the pure merges of src/core/sync
// applied to the app's records, and a line for each thing done, for the merge record and the window.
import { mergeCases, mergeShards, type Added, type Settled } from '../core/sync'
import type { AuditEntry, Case } from '../core/schemas'
import type { RecordMerger, ShardMerger, SyncOptions } from '../store'

const list = (ids: readonly string[]): string => (ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`)

function describe(added: readonly Added[], settled: readonly (Settled & { id?: string })[]): string[] {
  const lines: string[] = []
  const byField = new Map<string, string[]>()
  for (const a of added) byField.set(a.field, [...(byField.get(a.field) ?? []), a.id])
  for (const [field, ids] of byField) lines.push(`${field} kept from both versions: ${list(ids)}`)
  for (const s of settled) {
    const where = s.id === undefined ? s.path : `${s.id}: ${s.path}`
    lines.push(`${where}: both versions differ; kept ${s.why === 'the later edit' ? 'the later edit' : 'the only edit'} (the other value is in the audit trail)`)
  }
  return lines
}

// The store hands over records it has validated against the collection's schema.
const mergeCaseFiles: RecordMerger = (current, copy) => {
  const m = mergeCases({ record: current.record as Case, device: current.device }, { record: copy.record as Case, device: copy.device })
  const lines = describe(m.added, m.settled)
  for (const v of m.versions) lines.push(`event ${v.eventId} was edited on both computers: both versions are kept (the other as event ${v.secondId})`)
  return { merged: m.merged, identical: m.identical, notes: lines }
}

type Shardable = { id: string; updatedAt: string; history?: AuditEntry[] }

const shardMerger =
  (entity: AuditEntry['entity']): ShardMerger =>
  (current, copy) => {
    const m = mergeShards(
      { records: current.records as Shardable[], device: current.device },
      { records: copy.records as Shardable[], device: copy.device },
      entity
    )
    return { records: m.records, changed: m.changed, notes: describe(m.added.filter((a) => m.changed.includes(a.id) || a.field !== entity), m.settled) }
  }

export const syncMergers: Pick<SyncOptions, 'records' | 'shards'> = {
  records: { cases: mergeCaseFiles },
  shards: { patients: shardMerger('patient'), organizations: shardMerger('organization') }
}
