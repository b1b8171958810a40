// Reading the caseload: the morning list (filtered, with each case's clock as of today), one case
// in full, and a deep search that also reads the bodies of every event.
import type { ClockStatus } from '../core/clocks'
import { completenessOf, type Completeness } from '../core/cases/completeness'
import type { CaseSummary } from '../core/cases/summary'
import type { Case } from '../core/schemas'
import type { WaitingOn } from '../core/escalation'
import { todayOf, type ServiceContext } from './context'
import type { ClockService, FullCaseClock } from './clock-service'
import type { CaseService } from './cases'
import type { Task, TaskRegistry } from './tasks'
import type { EventHub } from './event-hub'
import type { CaseQueryResult } from '#shared/channels/case-query'
import { caseloadQuery, type CaseQueryRequest } from './caseload/caseload-query'
import { waitingOnOfSummary } from './caseload/waiting-on'

/** A long loop in the main process gives way this often, so the window's calls (and a cancel) get through. */
const YIELD_EVERY_MS = 8
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export type CaseListStatus = ClockStatus | 'not-sent' | 'clock-error'

export type CaseFilter = {
  asOf?: string
  status?: ReadonlyArray<CaseListStatus>
  /** Only cases at least this many days late. */
  minDaysLate?: number
  text?: string
  patientId?: string
  organizationId?: string
  tag?: string
  waitingOn?: ReadonlyArray<WaitingOn>
  /** `only`: the trash; `include`: everything; default: live cases only. */
  trash?: 'only' | 'include'
  /** Only these cases (a selection, e.g. to export it). */
  ids?: ReadonlyArray<string>
  limit?: number
}

export type CaseListItem = {
  id: string
  patientId: string
  patientName: string
  organizationId: string
  organizationName: string
  requestKind: Case['requestKind']
  priority: Case['priority']
  tags: string[]
  references: string[]
  status: CaseListStatus | 'clock-pending'
  assignee: string | null
  state: string | null
  sent: string | null
  received: string | null
  due: string | null
  daysLate: number | null
  daysRemaining: number | null
  nextStep: { step: string; due: string; letter: string } | null
  findings: string[]
  lastEventDate: string | null
  eventCount: number
  deletedAt: string | null
  waitingOn: WaitingOn | null
}

export type CaseView = {
  case: Case
  patientName: string
  organizationName: string
  asOf: string
  clock: FullCaseClock
  completeness: Completeness
}

/** Who a case waits on (moved to caseload/waiting-on.ts, where the caseload query uses it too). */
export { waitingOnOfSummary }

export function caseQueries(ctx: ServiceContext, clocks: ClockService, cases: CaseService, tasks: TaskRegistry, events?: EventHub) {
  const store = ctx.store
  const caseload = caseloadQuery(ctx, clocks, events)

  function nameOf(kind: 'patients' | 'organizations', id: string): string {
    return store.sharded[kind].get(id)?.name ?? `(missing ${kind === 'patients' ? 'patient' : 'organization'} ${id})`
  }

  /** Lower-cased names by id, built once per search rather than once per case. */
  function lowerNames(): LowerNames {
    const map = new Map<string, string>()
    for (const p of store.sharded.patients.all()) map.set(p.id, p.name.toLowerCase())
    for (const o of store.sharded.organizations.all()) map.set(o.id, o.name.toLowerCase())
    return map
  }

  return {
    /** The caseload as a query: only the window's rows, with counts and filter choices (see caseload/). */
    query: (request: CaseQueryRequest): Promise<CaseQueryResult> => caseload.query(request),

    /** Every matching case at once, every clock computed: for callers that need them all (letters, exports, cases.list). */
    list(filter: CaseFilter = {}): CaseListItem[] {
      const { organizationId, tag, limit, status, ids, waitingOn, ...rest } = filter
      const rows = caseload.listAll({
        ...rest,
        ...(status && { status: [...status] }),
        ...(waitingOn && { waitingOn: [...waitingOn] }),
        ...(organizationId !== undefined && { organizationIds: [organizationId] }),
        ...(tag !== undefined && { tags: [tag] })
      })
      const only = ids ? new Set(ids) : undefined
      const picked = only ? rows.filter((r) => only.has(r.id)) : rows
      return limit ? picked.slice(0, limit) : picked
    },

    /** Starts computing today's clocks in the background (after open). */
    warm: (asOf?: string): Promise<void> => caseload.warm(asOf),
    caseload,

    async view(id: string, asOf?: string): Promise<CaseView> {
      const c = await cases.load(id, { allowTrashed: true })
      const day = asOf ?? todayOf(ctx)
      const summary = store.records.cases.entry(id)
      // The page shows how the clock was counted: computed in full, not the caseload's remembered figures.
      const clock: FullCaseClock = summary ? clocks.compute(summary.summary.clock, day) : { state: 'not-sent' as const }
      return {
        case: c,
        patientName: nameOf('patients', c.patientId),
        organizationName: nameOf('organizations', c.organizationId),
        asOf: day,
        clock,
        completeness: completenessOf(c)
      }
    },

    /** Also reads every event's body: slower, so it reports progress and can be limited. */
    /**
     * Also reads the full text of every event. A task: with `taskId` the window follows its progress
     * and may cancel it (then it throws CANCELLED). It yields to the event loop every few ms, so other
     * calls, and the cancel itself, are answered while it runs.
     */
    async deepSearch(
      text: string,
      options: { onProgress?: (done: number, total: number) => void; limit?: number; taskId?: string } = {}
    ): Promise<string[]> {
      const needle = text.trim().toLowerCase()
      if (!needle) return []
      const all = store.records.cases.summaries()
      const label = `Searching the full text of ${all.length.toLocaleString('en-US')} cases`
      const run = async (task: Task): Promise<string[]> => {
        const names = lowerNames()
        const hits: string[] = []
        let slice = performance.now()
        for (const [i, { id, summary }] of all.entries()) {
          if (matchesText(summary, id, needle, names)) hits.push(id)
          else {
            const c = await store.records.cases.get(id)
            if (c && c.events.some((e) => (e.body ?? '').toLowerCase().includes(needle) || e.summary.toLowerCase().includes(needle))) hits.push(id)
          }
          if (i % 200 === 0) options.onProgress?.(i, all.length)
          task.progress(i + 1, all.length)
          if (options.limit && hits.length >= options.limit) break
          if (performance.now() - slice > YIELD_EVERY_MS) {
            await yieldToEventLoop()
            slice = performance.now()
          }
          task.throwIfCancelled()
        }
        options.onProgress?.(all.length, all.length)
        task.progress(all.length, all.length)
        return hits
      }
      return tasks.run(label, run, { total: all.length, ...(options.taskId !== undefined && { taskId: options.taskId }) })
    }
  }
}

type LowerNames = ReadonlyMap<string, string>

function matchesText(s: CaseSummary, id: string, needle: string, names: LowerNames): boolean {
  return (
    (names.get(s.patientId)?.includes(needle) ?? false) ||
    (names.get(s.organizationId)?.includes(needle) ?? false) ||
    s.searchText.includes(needle) ||
    id.includes(needle)
  )
}

export type CaseQueries = ReturnType<typeof caseQueries>
