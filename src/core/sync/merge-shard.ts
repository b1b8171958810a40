// Merges two versions of a shard (patients, organizations): per record. A record only one side
// holds is kept (one side added it; a deletion is a deletedAt, so it is an edit, not an absence);
// a record both hold differently goes through mergeRecord.
import type { AuditEntry } from '../schemas'
import { compareText } from './keys'
import { mergeRecord, type Added, type Settled } from './merge-record'

export type ShardRecord = { id: string; updatedAt: string; history?: AuditEntry[] }

export type ShardMerge<T> = {
  records: T[]
  /** Ids whose merged record differs from what the `current` side holds (to write). */
  changed: string[]
  settled: (Settled & { id: string })[]
  added: Added[]
}

export function mergeShards<T extends ShardRecord>(
  current: { records: readonly T[]; device: string },
  copy: { records: readonly T[]; device: string },
  entity: AuditEntry['entity']
): ShardMerge<T> {
  const mine = new Map(current.records.map((r) => [r.id, r]))
  const theirs = new Map(copy.records.map((r) => [r.id, r]))
  const out: T[] = []
  const changed: string[] = []
  const settled: (Settled & { id: string })[] = []
  const added: Added[] = []
  for (const id of [...new Set([...mine.keys(), ...theirs.keys()])].sort(compareText)) {
    const a = mine.get(id)
    const b = theirs.get(id)
    if (a === undefined || b === undefined) {
      out.push((a ?? b) as T)
      if (a === undefined) changed.push(id)
      added.push({ field: entity, id, from: a ? current.device : copy.device })
      continue
    }
    const m = mergeRecord({ record: a, device: current.device }, { record: b, device: copy.device }, { entity })
    out.push(m.merged)
    if (!m.identical) changed.push(id)
    settled.push(...m.settled.map((s) => ({ ...s, id })))
    added.push(...m.added)
  }
  return { records: out, changed, settled, added }
}
