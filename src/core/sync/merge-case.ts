// Merges two versions of one case file left by a sync conflict. Everything but the correspondence
// log goes through mergeRecord (reminders and letters are sets by id; scalars are settled by who
// edited them, then by time). Events are a set by id too, with two refinements:
// - one event whose versions differ only in their attachments gets the union of both (by sha-256);
// - one event edited differently on both sides keeps BOTH versions: the later one under its id, the
//   other as a second event (a derived id, its summary marked), with an audit entry that says so,
//   because which of two edits of a fact is right is for the advocate to decide, not a timestamp.
import type { AuditEntry, Case, CaseEvent } from '../schemas'
import { canonical, compareText, sameValue, shortHash } from './keys'
import { MERGE_AUTHOR, laterOf, mergeRecord, type Added, type Settled, type Side } from './merge-record'

export const SECOND_VERSION_PREFIX = 'Second version (edited on two computers at once): '
const MAX_SUMMARY = 500

/** One event both sides edited differently: where each version is now. */
export type KeptVersions = { eventId: string; secondId: string; keptFrom: string; secondFrom: string }

export type CaseMerge = {
  merged: Case
  identical: boolean
  settled: Settled[]
  added: Added[]
  versions: KeptVersions[]
}

/** The id the other version of event `id` is kept under: stable, so merging again finds it. */
export const secondVersionId = (id: string, version: CaseEvent): string => `${id.slice(0, 52)}-v${shortHash(canonical(version))}`

const byDate = (a: CaseEvent, b: CaseEvent): number =>
  compareText(a.date, b.date) || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)

function laterEvent(a: CaseEvent, b: CaseEvent): CaseEvent {
  const t = compareText(a.updatedAt, b.updatedAt)
  if (t !== 0) return t > 0 ? a : b
  return compareText(canonical(a), canonical(b)) >= 0 ? a : b
}

/** The two versions differ in their attachments (and updatedAt) only. */
function onlyAttachmentsDiffer(a: CaseEvent, b: CaseEvent): boolean {
  const strip = (e: CaseEvent): unknown => ({ ...e, attachments: [], updatedAt: '' })
  return sameValue(strip(a), strip(b))
}

function unionAttachments(a: CaseEvent, b: CaseEvent): CaseEvent {
  const kept = laterEvent(a, b)
  const bySha = new Map(kept.attachments.map((x) => [x.sha256, x]))
  const other = kept === a ? b : a
  for (const x of other.attachments) if (!bySha.has(x.sha256)) bySha.set(x.sha256, x)
  return { ...kept, attachments: [...bySha.values()] }
}

function markSecond(version: CaseEvent, secondId: string): CaseEvent {
  const summary = version.summary.startsWith(SECOND_VERSION_PREFIX) ? version.summary : `${SECOND_VERSION_PREFIX}${version.summary}`
  return { ...version, id: secondId, summary: summary.slice(0, MAX_SUMMARY) }
}

export function mergeCases(a: Side<Case>, b: Side<Case>): CaseMerge {
  if (sameValue(a.record, b.record)) return { merged: a.record, identical: true, settled: [], added: [], versions: [] }
  const base = mergeRecord(a, b, { entity: 'case', skip: new Set(['events']) })
  const later = laterOf(a, b)
  const byId = new Map<string, CaseEvent>()
  const fromA = new Map(a.record.events.map((e) => [e.id, e]))
  const fromB = new Map(b.record.events.map((e) => [e.id, e]))
  const added: Added[] = []
  const versions: KeptVersions[] = []
  const notes: AuditEntry[] = []
  for (const id of [...new Set([...fromA.keys(), ...fromB.keys()])].sort()) {
    const ea = fromA.get(id)
    const eb = fromB.get(id)
    if (ea === undefined || eb === undefined) {
      const only = (ea ?? eb) as CaseEvent
      byId.set(id, only)
      added.push({ field: 'events', id, from: ea ? a.device : b.device })
      continue
    }
    if (sameValue(ea, eb)) {
      byId.set(id, ea)
      continue
    }
    if (onlyAttachmentsDiffer(ea, eb)) {
      byId.set(id, unionAttachments(ea, eb))
      continue
    }
    const kept = laterEvent(ea, eb)
    const other = kept === ea ? eb : ea
    const secondId = secondVersionId(id, other)
    byId.set(id, kept)
    versions.push({ eventId: id, secondId, keptFrom: kept === ea ? a.device : b.device, secondFrom: kept === ea ? b.device : a.device })
    notes.push({
      at: later.record.updatedAt,
      action: 'edit-event',
      entity: 'event',
      entityId: id,
      by: MERGE_AUTHOR,
      changes: [{ path: 'both versions kept', before: `the other version is kept as event ${secondId}`, after: `this version (edited last)` }]
    })
    // A second version already kept by an earlier merge is found again under the same id.
    if (!byId.has(secondId)) byId.set(secondId, markSecond(other, secondId))
  }
  // A second version may also arrive as a plain event of the other side (merged there already).
  const events = [...byId.values()].sort(byDate)
  const history = notes.length === 0 ? base.merged.history : dedupe([...base.merged.history, ...notes])
  const merged: Case = { ...base.merged, events, history }
  return { merged, identical: false, settled: base.settled, added: [...base.added, ...added], versions }
}

function dedupe(entries: AuditEntry[]): AuditEntry[] {
  const seen = new Map<string, AuditEntry>()
  for (const e of entries) seen.set(canonical(e), e)
  return [...seen.entries()].sort(([ka, ea], [kb, eb]) => compareText(ea.at, eb.at) || compareText(ka, kb)).map(([, e]) => e)
}
