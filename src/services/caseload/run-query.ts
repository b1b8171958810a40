// One caseload query over the index: the text narrows the cases through the word indexes, every
// other filter is a check on a case's summary or cached clock, the matches are put in order (a
// cached order of the whole caseload, or a sort of the few matches), and only the window's rows are
// built. Counts by status and the filter menus' choices come from the same pass.
import type { CaseQueryFilter, CaseSort, CaseSortKey } from '#shared/channels/case-query'
import type { CaseClock } from '../clock-service'
import type { Doc, CaseloadIndex } from './caseload-index'
import { wordsOf } from './word-index'
import { waitingOnOfSummary } from './waiting-on'
import { STEP_EVERY, runNow, sortInSteps, type Steps } from './slices'
import { Tally, picked } from './codes'
import { PENDING_CODE, ROW_STATUSES, STATUS_CODE, statusOf, type RowStatus } from './row-status'

export { statusOf, type RowStatus } from './row-status'

/** A case's clock for the query's day, or undefined while it waits to be computed. */
export type ClockOf = (doc: Doc) => CaseClock | undefined

/** The morning order: most overdue first, then what falls due soonest, then cases not yet sent, then closed ones. */
const RANK: Record<RowStatus, number> = {
  overdue: 0,
  'clock-error': 1,
  awaiting: 2,
  // Unknown for a moment: after what is known to be open, before what is not sent or closed.
  'clock-pending': 3,
  'not-sent': 4,
  'fulfilled-late': 5,
  denied: 5,
  'fulfilled-on-time': 6,
  withdrawn: 6
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 }

/** Sort keys whose value comes from the clock (their order is provisional while clocks are pending). */
export const CLOCK_SORT_KEYS: ReadonlySet<CaseSortKey> = new Set(['urgency', 'status', 'due', 'daysLate'])

type Keyed = {
  d: Doc
  v: string | number | null
  rank: number
  late: number
  due: string
  last: string
  /** The values of the second and later sort keys (none for one key: an array less per case). */
  more?: Array<string | number | null>
}

// ISO dates and ids compare correctly as plain strings; localeCompare would be slower and no better.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const byUrgency = (a: Keyed, b: Keyed): number =>
  a.rank - b.rank || b.late - a.late || cmp(a.due, b.due) || cmp(b.last, a.last) || cmp(a.d.id, b.d.id)

export type QueryContext = {
  index: CaseloadIndex
  /** The day the clocks are counted to (who a case waits on depends on it). */
  asOf: string
  clockOf: ClockOf
  /** The case's US state: its own, else its holder's. */
  stateOf: (doc: Doc) => string | null
}

function keyOf(q: QueryContext, key: CaseSortKey, d: Doc, clock: CaseClock | undefined): Keyed {
  const r = clock?.state === 'ok' ? clock.result : undefined
  const status = statusOf(clock)
  const k: Keyed = { d, v: null, rank: RANK[status], late: r?.daysLate ?? 0, due: r?.due ?? '9999', last: d.s.lastEventDate ?? '' }
  switch (key) {
    case 'urgency':
      break
    case 'patient':
      k.v = q.index.patients.lower.get(d.s.patientId) ?? null
      break
    case 'organization':
      k.v = q.index.organizations.lower.get(d.s.organizationId) ?? null
      break
    case 'status':
      k.v = RANK[status]
      break
    case 'received':
      k.v = d.s.clock?.received ?? null
      break
    case 'sent':
      k.v = d.s.sent ?? null
      break
    case 'due':
      k.v = r?.due ?? null
      break
    case 'daysLate':
      k.v = r?.daysLate ?? null
      break
    case 'lastEvent':
      k.v = d.s.lastEventDate ?? null
      break
    case 'priority':
      k.v = PRIORITY_RANK[d.s.priority] ?? 9
      break
    case 'assignee':
      k.v = d.s.assignee?.toLowerCase() ?? null
      break
    case 'state':
      k.v = q.stateOf(d)
      break
    case 'requestKind':
      k.v = d.s.requestKind
      break
    case 'created':
      k.v = d.s.createdAt
      break
    case 'updated':
      k.v = d.s.updatedAt
      break
  }
  return k
}

/**
 * Orders docs by `sort` (one key, or several: each next key breaks the ties of those before); a
 * case without the value (no due date, no assignee) comes last either way. Ties left are broken by
 * urgency, so the order is always the same.
 */
export const sortDocs = (q: QueryContext, docs: Iterable<Doc>, sort: CaseSort | ReadonlyArray<CaseSort>): Doc[] => runNow(sortDocsSteps(q, docs, sort))

/** sortDocs, pausing every few hundred cases (slices.ts). */
export function* sortDocsSteps(q: QueryContext, docs: Iterable<Doc>, sort: CaseSort | ReadonlyArray<CaseSort>): Steps<Doc[]> {
  const keys: ReadonlyArray<CaseSort> = isSortList(sort) ? (sort.length > 0 ? sort : [{ key: 'urgency', dir: 'asc' }]) : [sort]
  const keyed: Keyed[] = []
  for (const d of docs) {
    const clock = q.clockOf(d)
    const first = keyOf(q, keys[0]!.key, d, clock)
    if (keys.length > 1) first.more = keys.slice(1).map((k) => keyOf(q, k.key, d, clock).v)
    keyed.push(first)
    if (keyed.length % STEP_EVERY === 0) yield
  }
  const last = keys.length - 1
  const sorted = yield* sortInSteps(keyed, (a, b) => {
    for (let i = 0; i <= last; i++) {
      const { key, dir } = keys[i]!
      const sign = dir === 'desc' ? -1 : 1
      // Urgency last (or alone) is a full order; before other keys it groups by status only.
      if (key === 'urgency') {
        const c = i === last ? byUrgency(a, b) : a.rank - b.rank
        if (c !== 0) return sign * c
        continue
      }
      const x = (i === 0 ? a.v : a.more?.[i - 1]) ?? null
      const y = (i === 0 ? b.v : b.more?.[i - 1]) ?? null
      if (x === null || y === null) {
        if (x === y) continue
        return x === null ? 1 : -1
      }
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y))
      if (c !== 0) return sign * c
    }
    return byUrgency(a, b)
  })
  return sorted.map((k) => k.d)
}

const isSortList = (s: CaseSort | ReadonlyArray<CaseSort>): s is ReadonlyArray<CaseSort> => Array.isArray(s)

export type TextMatches = { docs: Doc[]; has: (d: Doc) => boolean }

/**
 * The cases whose text has every word of `text` (in names, reference numbers, tags, summaries,
 * ids), each word anywhere in a word there ("smi" finds Smith); null: no text filter. Without
 * `useIndex` (its words not all indexed yet) each case's text is looked at instead.
 */
export const textMatches = (index: CaseloadIndex, text: string | undefined, useIndex = true): TextMatches | null => runNow(textMatchesSteps(index, text, useIndex))

/** textMatches, pausing every few hundred cases where it looks at each one (slices.ts). */
export function* textMatchesSteps(index: CaseloadIndex, text: string | undefined, useIndex = true): Steps<TextMatches | null> {
  const tokens = [...new Set(wordsOf(text ?? ''))].slice(0, 12)
  if (tokens.length === 0) return null
  const size = index.byNumber.length
  // marks[n] === i: case n matched the first i words. Typing narrows a caseload word by word.
  const marks = new Uint8Array(size)
  const costs = tokens.map((t) => ({ t, cost: useIndex ? costOf(index, t) : Infinity })).sort((a, b) => a.cost - b.cost)
  for (const [i, { t, cost }] of costs.entries()) {
    const step = (n: number): void => {
      if (marks[n] === i) marks[n] = i + 1
    }
    // A fragment found in most cases ("e") costs more through the index than a look at each
    // remaining case's text: the answer is most of the caseload either way.
    if (!useIndex || cost > index.docs.size) {
      let seen = 0
      for (const d of [...index.docs.values()]) {
        if (marks[d.n] === i && scanMatches(index, d, t)) marks[d.n] = i + 1
        if (++seen % STEP_EVERY === 0) yield
      }
      continue
    }
    index.caseWords.visit(t, step)
    index.patients.words.visit(t, (pid) => {
      for (const id of index.byPatient.get(pid) ?? []) step(index.docs.get(id)?.n ?? -1)
    })
    index.organizations.words.visit(t, (oid) => {
      for (const id of index.byOrganization.get(oid) ?? []) step(index.docs.get(id)?.n ?? -1)
    })
  }
  const out: Doc[] = []
  for (let n = 0; n < size; n++) {
    if (marks[n] !== tokens.length) continue
    const d = index.byNumber[n]
    if (d !== undefined) out.push(d)
  }
  const all = tokens.length
  return { docs: out, has: (d) => marks[d.n] === all && index.byNumber[d.n] === d }
}

function costOf(index: CaseloadIndex, t: string): number {
  let cost = index.caseWords.postings(t)
  index.patients.words.visit(t, (pid) => (cost += index.byPatient.get(pid)?.size ?? 0))
  index.organizations.words.visit(t, (oid) => (cost += index.byOrganization.get(oid)?.size ?? 0))
  return cost
}

function scanMatches(index: CaseloadIndex, d: Doc, t: string): boolean {
  return (
    d.s.searchText.includes(t) ||
    d.id.toLowerCase().includes(t) ||
    (index.patients.lower.get(d.s.patientId)?.includes(t) ?? false) ||
    (index.organizations.lower.get(d.s.organizationId)?.includes(t) ?? false)
  )
}

const inRange = (value: string | null | undefined, range: { from?: string | undefined; to?: string | undefined } | undefined): boolean =>
  range === undefined || (range.from === undefined && range.to === undefined) || (value != null && (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to))

// The filters the menus offer choices for: a case failing only one of them still counts toward that menu.
const F_STATUS = 1
const F_ORG = 2
const F_STATE = 4
const F_ASSIGNEE = 8
const F_TAG = 16

/** Counts by code (codes.ts): statuses by their place in ROW_STATUSES, the rest by the index's codes. */
export type Facets = {
  byStatus: Tally
  assignees: Tally
  tags: Tally
  states: Tally
  organizations: Tally
}

/** The counts by status, as the answer gives them (statuses no case has left out). */
export function statusCounts(t: Tally): Partial<Record<RowStatus, number>> {
  const out: Partial<Record<RowStatus, number>> = {}
  for (const [i, s] of ROW_STATUSES.entries()) if (t.get(i) > 0) out[s] = t.get(i)
  return out
}

/** The matches of `filter` among `ordered` (kept in order), with the counts for the menus. */
export type Filtered = { matches: Doc[]; facets: Facets; pending: number }

export const filterDocs = (q: QueryContext, ordered: ReadonlyArray<Doc>, filter: CaseQueryFilter, keep?: (d: Doc) => boolean): Filtered =>
  runNow(filterDocsSteps(q, ordered, filter, keep))

/**
 * filterDocs, pausing every few hundred cases (slices.ts). `keep`: a first check (the text's
 * matches among the whole caseload's order), so that order is not copied to be filtered.
 */
export function* filterDocsSteps(q: QueryContext, ordered: ReadonlyArray<Doc>, filter: CaseQueryFilter, keep?: (d: Doc) => boolean): Steps<Filtered> {
  const ix = q.index
  const statuses = filter.status && filter.status.length > 0 ? new Uint8Array(ROW_STATUSES.length) : undefined
  for (const st of statuses ? (filter.status ?? []) : []) statuses![STATUS_CODE[st]] = 1
  const orgs = picked(ix.holderCodes, filter.organizationIds)
  const states = picked(ix.stateCodes, filter.states)
  const assignees = picked(ix.assigneeCodes, filter.assignees)
  const tags = picked(ix.tagCodes, filter.tags)
  const priorities = filter.priorities && filter.priorities.length > 0 ? new Set<string>(filter.priorities) : undefined
  const only = filter.ids ? new Set(filter.ids) : undefined
  const kinds = filter.requestKinds && filter.requestKinds.length > 0 ? new Set<string>(filter.requestKinds) : undefined
  const waiting = filter.waitingOn && filter.waitingOn.length > 0 ? new Set<string | null>(filter.waitingOn) : undefined
  const dated = filter.received !== undefined || filter.sent !== undefined || filter.lastEvent !== undefined
  const facets: Facets = {
    byStatus: new Tally(ROW_STATUSES.length),
    assignees: new Tally(ix.assigneeCodes.size),
    tags: new Tally(ix.tagCodes.size),
    states: new Tally(ix.stateCodes.size),
    organizations: new Tally(ix.holderCodes.size)
  }
  const matches: Doc[] = []
  let pending = 0
  let seen = 0
  for (const d of ordered) {
    if (++seen % STEP_EVERY === 0) yield
    if (keep !== undefined && !keep(d)) continue
    const s = d.s
    if (filter.trash === 'only' ? !d.deleted : filter.trash !== 'include' && d.deleted) continue
    if (filter.patientId !== undefined && s.patientId !== filter.patientId) continue
    if (only && !only.has(d.id)) continue
    if (priorities && !priorities.has(s.priority)) continue
    if (kinds && !kinds.has(s.requestKind)) continue
    if (dated && (!inRange(s.clock?.received, filter.received) || !inRange(s.sent, filter.sent) || !inRange(s.lastEventDate, filter.lastEvent))) continue
    const clock = q.clockOf(d)
    if (clock === undefined) pending++
    if (filter.due !== undefined || filter.minDaysLate !== undefined) {
      const r = clock?.state === 'ok' ? clock.result : undefined
      if (filter.due !== undefined && !inRange(r?.due, filter.due)) continue
      if (filter.minDaysLate !== undefined && (r?.daysLate ?? -1) < filter.minDaysLate) continue
    }
    if (waiting && !waiting.has(waitingOnOfSummary(s, clock, q.asOf))) continue
    const n = d.n
    const status = clock === undefined ? PENDING_CODE : d.status
    const holder = ix.holderOf.a[n]!
    const state = ix.stateCodeOf(n)
    const assignee = ix.assigneeOf.a[n]!
    let failed = 0
    if (statuses && statuses[status] !== 1) failed |= F_STATUS
    if (orgs && orgs[holder] !== 1) failed |= F_ORG
    if (states && states[state] !== 1) failed |= F_STATE
    if (assignees && assignees[assignee] !== 1) failed |= F_ASSIGNEE
    if (tags && !d.tags.some((t) => tags[t] === 1)) failed |= F_TAG
    if (failed === 0) matches.push(d)
    // Each menu counts the cases that every other filter lets through.
    if ((failed & ~F_STATUS) === 0) facets.byStatus.add(status)
    if ((failed & ~F_ORG) === 0) facets.organizations.add(holder)
    if ((failed & ~F_STATE) === 0) facets.states.add(state)
    if ((failed & ~F_ASSIGNEE) === 0) facets.assignees.add(assignee)
    if ((failed & ~F_TAG) === 0) for (const t of d.tags) facets.tags.add(t)
  }
  return { matches, facets, pending }
}
