// The filter's matches and the menus' counts (kept as codes and typed arrays, codes.ts) against a
// brute-force reading of every summary with plain Maps of strings, over random caseloads that
// change between queries: cases edited, added, trashed and removed, holders' states changed or
// taken away, so codes given out before a change must still count the right values after it.
import { describe, expect, it } from 'vitest'
import type { CaseSummary } from '../../core/cases/summary'
import { ChangeLoggingMap } from '../../store/change-log'
import type { CaseClock } from '../clock-service'
import type { ServiceContext } from '../context'
import type { CaseQueryFilter } from '#shared/channels/case-query'
import { CaseloadIndex, type Doc } from './caseload-index'
import { Codes, Tally, topChoices } from './codes'
import { filterDocs, statusCounts, statusOf, type QueryContext, type RowStatus } from './run-query'

const STATES = ['CA', 'NY', 'TX', 'WA']
const TAGS = ['oncology', 'pediatrics', 'second-opinion', 'disability']
const PEOPLE = ['ana', 'ben', 'cleo']
const OUTCOMES = ['overdue', 'awaiting', 'fulfilled-on-time', 'fulfilled-late', 'denied', 'withdrawn'] as const

function random(seed: number) {
  let x = seed
  const next = (n: number): number => (x = (x * 1103515245 + 12345) % 2 ** 31) % n
  return { next, pick: <T>(list: ReadonlyArray<T>): T => list[next(list.length)]!, chance: (p: number) => next(1000) < p * 1000 }
}

type Rand = ReturnType<typeof random>
type Org = { id: string; name: string; state?: string }

function summaryOf(r: Rand, orgs: ReadonlyArray<Org>, n: number): CaseSummary {
  return {
    patientId: `patient-${r.next(20)}`,
    organizationId: r.chance(0.05) ? 'organization-gone' : r.pick(orgs).id,
    requestKind: 'access-self',
    profile: 'hipaa',
    priority: r.pick(['urgent', 'high', 'normal', 'low'] as const),
    tags: r.chance(0.4) ? [...new Set([r.pick(TAGS), r.pick(TAGS)])] : [],
    references: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    ...(r.chance(0.1) && { deletedAt: '2026-02-01T00:00:00.000Z' }),
    ...(r.chance(0.6) && { assignee: r.pick(PEOPLE) }),
    ...(r.chance(0.3) && { state: r.pick(STATES) }),
    eventCount: 0,
    searchText: ''
  }
}

function clockFor(r: Rand): CaseClock | undefined {
  const k = r.next(10)
  if (k === 0) return undefined // not computed yet: clock-pending
  if (k === 1) return { state: 'not-sent' }
  if (k === 2) return { state: 'error', message: 'bad date' }
  return { state: 'ok', result: { status: r.pick(OUTCOMES) }, receiptAssumed: false } as unknown as CaseClock
}

/** The Map of value → count a tally holds, as the brute force counts it. */
function asMap(t: Tally, codes: Codes): Map<string | null, number> {
  const out = new Map<string | null, number>()
  for (let c = 0; c < t.a.length; c++) if (t.a[c]! > 0) out.set(codes.value(c), t.a[c]!)
  return out
}

const bump = <K>(m: Map<K, number>, k: K): void => void m.set(k, (m.get(k) ?? 0) + 1)

describe('the filter and its menus, counted by code', () => {
  it('match a brute-force count over random caseloads, through every kind of change', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = random(seed)
      let orgs: Org[] = Array.from({ length: 12 }, (_, i) => ({ id: `organization-${i}`, name: `Holder ${i}`, ...(r.chance(0.7) && { state: r.pick(STATES) }) }))
      const cases = new ChangeLoggingMap<CaseSummary>()
      const rev = new Map<string, number>()
      const clocks = new Map<string, CaseClock | undefined>()
      const put = (id: string): void => {
        rev.set(id, (rev.get(id) ?? 0) + 1)
        cases.set(id, { id, rev: rev.get(id)!, summary: summaryOf(r, orgs, rev.get(id)!) })
        clocks.set(id, clockFor(r))
      }
      for (let i = 0; i < 150; i++) put(`case-${i}`)
      const ctx = {
        store: {
          records: { cases: { summaries: () => cases.sorted(), entry: (id: string) => cases.get(id), changesSince: cases.changesSince.bind(cases) } },
          sharded: { patients: { all: () => [] }, organizations: { all: () => orgs } }
        }
      } as unknown as ServiceContext
      const index = new CaseloadIndex(ctx)
      for (let round = 0; round < 25; round++) {
        index.refresh()
        const key = `day-${round}`
        const q: QueryContext = {
          index,
          asOf: '2026-11-25',
          clockOf: (d: Doc) => {
            if (d.clockKey === key) return d.clock
            const c = clocks.get(d.id)
            if (c !== undefined) d.setClock(c, key)
            return c
          },
          stateOf: (d) => d.s.state ?? orgs.find((o) => o.id === d.s.organizationId)?.state ?? null
        }
        const filter: CaseQueryFilter = {
          ...(r.chance(0.5) && { status: [r.pick(OUTCOMES), r.pick(['not-sent', 'clock-error', 'overdue'] as const)] }),
          ...(r.chance(0.4) && { organizationIds: [r.pick(orgs).id, 'organization-gone'] }),
          ...(r.chance(0.4) && { states: [r.pick(STATES), ...(r.chance(0.5) ? [null] : []), 'ZZ'] }),
          ...(r.chance(0.4) && { assignees: [r.pick(PEOPLE), ...(r.chance(0.5) ? [null] : []), 'nobody'] }),
          ...(r.chance(0.4) && { tags: [r.pick(TAGS), 'no-such-tag'] }),
          ...(r.chance(0.2) && { trash: r.pick(['only', 'include'] as const) })
        }
        const ordered = [...index.docs.values()]
        const keep = r.chance(0.5) ? (d: Doc) => d.n % 3 !== 0 : undefined
        const got = filterDocs(q, ordered, filter, keep)

        // The brute force: every summary read as it is, counted into Maps of strings.
        const want = { matches: [] as string[], byStatus: new Map<RowStatus, number>(), organizations: new Map<string | null, number>(), states: new Map<string | null, number>(), assignees: new Map<string | null, number>(), tags: new Map<string | null, number>(), pending: 0 }
        for (const d of ordered) {
          if (keep && !keep(d)) continue
          const s = cases.get(d.id)!.summary
          if (filter.trash === 'only' ? !s.deletedAt : filter.trash !== 'include' && s.deletedAt) continue
          const clock = clocks.get(d.id)
          if (clock === undefined) want.pending++
          const status = statusOf(clock)
          const state = s.state ?? orgs.find((o) => o.id === s.organizationId)?.state ?? null
          const fails = {
            status: filter.status !== undefined && !filter.status.some((x) => x === status),
            org: filter.organizationIds !== undefined && !filter.organizationIds.includes(s.organizationId),
            state: filter.states !== undefined && !filter.states.includes(state),
            assignee: filter.assignees !== undefined && !filter.assignees.includes(s.assignee ?? null),
            tag: filter.tags !== undefined && !s.tags.some((t) => filter.tags!.includes(t))
          }
          const others = (but: keyof typeof fails) => Object.entries(fails).every(([k, v]) => k === but || !v)
          if (others('status') && !fails.status) want.matches.push(d.id)
          if (others('status')) bump(want.byStatus, status)
          if (others('org')) bump(want.organizations, s.organizationId)
          if (others('state')) bump(want.states, state)
          if (others('assignee')) bump(want.assignees, s.assignee ?? null)
          if (others('tag')) for (const t of s.tags) bump(want.tags, t)
        }
        const where = `seed ${seed}, round ${round}, filter ${JSON.stringify(filter)}`
        expect(got.matches.map((d) => d.id), where).toEqual(want.matches)
        expect(got.pending, where).toBe(want.pending)
        expect(statusCounts(got.facets.byStatus), where).toEqual(Object.fromEntries(want.byStatus))
        expect(asMap(got.facets.organizations, index.holderCodes), where).toEqual(want.organizations)
        expect(asMap(got.facets.states, index.stateCodes), where).toEqual(want.states)
        expect(asMap(got.facets.assignees, index.assigneeCodes), where).toEqual(want.assignees)
        expect(asMap(got.facets.tags, index.tagCodes), where).toEqual(want.tags)

        // Then the caseload changes: cases edited, added, removed; a holder's state changed, taken away, the holder gone.
        for (let k = 0; k < 15; k++) put(`case-${r.next(200)}`)
        for (let k = 0; k < 3; k++) {
          const id = `case-${r.next(200)}`
          if (cases.delete(id)) clocks.delete(id)
        }
        if (r.chance(0.6)) {
          const at = r.next(orgs.length)
          orgs = orgs.map((o, i) => (i !== at ? o : r.chance(0.3) ? { id: o.id, name: o.name } : { ...o, state: r.pick(STATES) }))
          if (r.chance(0.2)) orgs = orgs.filter((_, i) => i !== (at + 1) % orgs.length)
        }
      }
    }
  })
})

describe('topChoices', () => {
  it('gives what sorting every counted value would, then the chosen ones not among them', () => {
    const r = random(7)
    for (let trial = 0; trial < 200; trial++) {
      const codes = new Codes()
      const values = Array.from({ length: r.next(300) }, (_, i) => `v${String(r.next(1000)).padStart(4, '0')}-${i}`)
      const tally = new Tally(0)
      const counts = new Map<string | null, number>()
      for (let k = r.next(2000); k > 0; k--) {
        const v = r.chance(0.1) || values.length === 0 ? null : r.pick(values.slice(0, 1 + r.next(values.length)))
        tally.add(codes.code(v))
        bump(counts, v)
      }
      const max = 1 + r.next(120)
      const chosen = r.chance(0.5) ? [r.pick([...values, 'never-counted']), null] : undefined
      const all = [...counts].map(([value, count]) => ({ value, count }))
      all.sort((a, b) => b.count - a.count || (a.value === b.value ? 0 : a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : 1))
      const want = all.slice(0, max)
      for (const p of chosen ?? []) if (!want.some((f) => f.value === p)) want.push({ value: p, count: counts.get(p) ?? 0 })
      expect(topChoices(tally, codes, chosen, max)).toEqual(want)
    }
  })
})
