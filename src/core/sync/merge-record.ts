// Merges two versions of one record (a case, a patient, an organization) that were edited at the
// same time on two computers, without a common ancestor file: the audit trail each version carries
// tells which side changed what.
// - Arrays of items with ids (reminders, letters, representatives…) are sets keyed by id: union.
// - Any other field that differs is a scalar: the side that edited it wins; if both did, the later
//   edit (by the audit trail's time, then the record's updatedAt); the losing value goes into the
//   audit trail, so nothing is lost.
// - The audit trail is the union of both (entries have no id: an entry is its own key).
// Pure and symmetric: merge(a, b) equals merge(b, a), so two machines merging the same conflict agree.
import type { AuditEntry } from '../schemas'
import { canonical, compareText, sameValue } from './keys'

/** One version: the record, and who wrote its file (the envelope's device id). */
export type Side<T> = { record: T; device: string }

/** A scalar field both versions hold differently, and which value was kept. */
export type Settled = {
  path: string
  kept: unknown
  keptFrom: string
  other: unknown
  otherFrom: string
  why: 'edited on one side only' | 'the later edit'
}

/** Items one side had and the other did not (ids), by field. */
export type Added = { field: string; id: string; from: string }

export type RecordMerge<T> = {
  merged: T
  settled: Settled[]
  added: Added[]
  /** Nothing to merge: both versions hold the same record. */
  identical: boolean
}

export type Mergeable = { id: string; updatedAt: string; history?: AuditEntry[] }

/** Who merges, in the audit trail. */
export const MERGE_AUTHOR = 'sync merge'
const MAX_AUDIT_VALUE = 200

const ALWAYS = new Set(['id', 'createdAt', 'updatedAt', 'history'])

/** Ordering of two versions: positive when `a` is the later edit (ties broken by content). */
export function laterOf<T extends Mergeable>(a: Side<T>, b: Side<T>): Side<T> {
  const byTime = compareText(a.record.updatedAt, b.record.updatedAt)
  if (byTime !== 0) return byTime > 0 ? a : b
  const byDevice = compareText(a.device, b.device)
  if (byDevice !== 0) return byDevice > 0 ? a : b
  return compareText(canonical(a.record), canonical(b.record)) >= 0 ? a : b
}

const topField = (path: string): string => path.split(/[.[]/, 1)[0] ?? path

/** The latest time each top-level field was changed by an entry only this side has. */
function ownTouches(own: readonly AuditEntry[], entity: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of own) {
    if (entry.entity !== entity) continue
    for (const change of entry.changes) {
      const field = topField(change.path)
      const seen = out.get(field)
      if (seen === undefined || entry.at > seen) out.set(field, entry.at)
    }
  }
  return out
}

export function unionHistory(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  const byKey = new Map<string, AuditEntry>()
  for (const e of [...a, ...b]) byKey.set(canonical(e), e)
  return [...byKey.entries()].sort(([ka, ea], [kb, eb]) => compareText(ea.at, eb.at) || compareText(ka, kb)).map(([, e]) => e)
}

export function ownEntries(mine: readonly AuditEntry[], theirs: readonly AuditEntry[]): AuditEntry[] {
  const known = new Set(theirs.map(canonical))
  return mine.filter((e) => !known.has(canonical(e)))
}

const hasIds = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string')

export const shorten = (v: unknown): unknown => {
  if (v === undefined) return null
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  if (text.length <= MAX_AUDIT_VALUE) return v
  return `${text.slice(0, MAX_AUDIT_VALUE)}…`
}

export type MergeOptions = {
  /** The audit trail's name for this kind of record ('case', 'patient', 'organization'). */
  entity: AuditEntry['entity']
  /** Fields the caller merges itself (a case's events). */
  skip?: ReadonlySet<string>
}

/**
 * Merges every field but the skipped ones. The result's history is the union plus, when a value was
 * settled, one `update` entry by {@link MERGE_AUTHOR} listing each losing value (`before`) and the
 * kept one (`after`), stamped with the later version's updatedAt (never the clock).
 */
export function mergeRecord<T extends Mergeable>(a: Side<T>, b: Side<T>, options: MergeOptions): RecordMerge<T> {
  if (sameValue(a.record, b.record)) return { merged: a.record, settled: [], added: [], identical: true }
  const later = laterOf(a, b)
  const histA = a.record.history ?? []
  const histB = b.record.history ?? []
  const touchA = ownTouches(ownEntries(histA, histB), options.entity)
  const touchB = ownTouches(ownEntries(histB, histA), options.entity)
  const ra = a.record as unknown as Record<string, unknown>
  const rb = b.record as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const settled: Settled[] = []
  const added: Added[] = []
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()
  for (const key of keys) {
    if (ALWAYS.has(key) || options.skip?.has(key)) continue
    const va = ra[key]
    const vb = rb[key]
    if (sameValue(va, vb)) {
      if (va !== undefined) out[key] = va
      continue
    }
    if ((hasIds(va) || va === undefined || (Array.isArray(va) && va.length === 0)) && (hasIds(vb) || vb === undefined || (Array.isArray(vb) && vb.length === 0)) && (hasIds(va) || hasIds(vb))) {
      const u = unionById(key, { items: (va ?? []) as { id: string }[], device: a.device }, { items: (vb ?? []) as { id: string }[], device: b.device }, later === a ? 'a' : 'b')
      out[key] = u.items
      added.push(...u.added)
      settled.push(...u.settled)
      continue
    }
    const ta = touchA.get(key)
    const tb = touchB.get(key)
    let winner: Side<T>
    let why: Settled['why'] = 'the later edit'
    if (ta !== undefined && tb === undefined) {
      winner = a
      why = 'edited on one side only'
    } else if (tb !== undefined && ta === undefined) {
      winner = b
      why = 'edited on one side only'
    } else if (ta !== undefined && tb !== undefined && ta !== tb) winner = ta > tb ? a : b
    else winner = later
    const loser = winner === a ? b : a
    const kept = (winner.record as unknown as Record<string, unknown>)[key]
    const other = (loser.record as unknown as Record<string, unknown>)[key]
    if (kept !== undefined) out[key] = kept
    settled.push({ path: key, kept, keptFrom: winner.device, other, otherFrom: loser.device, why })
  }
  const history = unionHistory(histA, histB)
  const updatedAt = later.record.updatedAt
  if (settled.length > 0) {
    history.push({
      at: updatedAt,
      action: 'update',
      entity: options.entity,
      entityId: a.record.id,
      by: MERGE_AUTHOR,
      changes: settled.map((s) => ({ path: s.path, before: shorten(s.other), after: shorten(s.kept) }))
    })
  }
  const createdA = (ra['createdAt'] as string | undefined) ?? ''
  const createdB = (rb['createdAt'] as string | undefined) ?? ''
  const merged = {
    ...out,
    id: a.record.id,
    ...(createdA || createdB ? { createdAt: createdA && createdB ? (createdA < createdB ? createdA : createdB) : createdA || createdB } : {}),
    updatedAt,
    ...(a.record.history !== undefined || b.record.history !== undefined ? { history: unionHistory(history, []) } : {})
  } as unknown as T
  return { merged, settled, added, identical: false }
}

/**
 * Union of two lists keyed by id, in a stable order (the later side's order, then the other's extras).
 * An id both hold differently keeps the later side's item and records the other as settled.
 */
export function unionById<I extends { id: string }>(
  field: string,
  a: { items: readonly I[]; device: string },
  b: { items: readonly I[]; device: string },
  later: 'a' | 'b'
): { items: I[]; added: Added[]; settled: Settled[] } {
  const [first, second] = later === 'a' ? [a, b] : [b, a]
  const out = new Map<string, I>()
  const added: Added[] = []
  const settled: Settled[] = []
  const inA = new Set(a.items.map((i) => i.id))
  const inB = new Set(b.items.map((i) => i.id))
  for (const item of first.items) out.set(item.id, item)
  for (const item of second.items) {
    const have = out.get(item.id)
    if (have === undefined) out.set(item.id, item)
    else if (!sameValue(have, item)) {
      settled.push({ path: `${field}[${item.id}]`, kept: have, keptFrom: first.device, other: item, otherFrom: second.device, why: 'the later edit' })
    }
  }
  for (const id of out.keys()) {
    if (inA.has(id) && !inB.has(id)) added.push({ field, id, from: a.device })
    if (inB.has(id) && !inA.has(id)) added.push({ field, id, from: b.device })
  }
  return { items: [...out.values()], added, settled }
}
