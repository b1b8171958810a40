// The caseload as a query (channel cases.query): filter, sort and the visible window computed here,
// so the window receives a screenful of rows and the counts it shows, never the caseload. Clocks
// come from the cache keyed by (revision, as-of date, rules version); those of a new day are
// computed in slices in the background (never one long block), announced by `caseload.clocks`.
import type { CaseQueryFilter, CaseQueryResult, CaseSort } from '#shared/channels/case-query'
import type { CaseListItemValue } from '#shared/channels/cases'
import type { EventHub } from '../event-hub'
import type { CaseClock, ClockService } from '../clock-service'
import { todayOf, type ServiceContext } from '../context'
import { holidaysInYear, prepareHolidayYear } from '../../core/clocks'
import { HOLIDAY_SET_IDS } from '../../core/rules/types'
import { CaseloadIndex, type Doc } from './caseload-index'
import { waitingOnOfSummary } from './waiting-on'
import { filterDocsSteps, sortDocsSteps, statusCounts, statusOf, textMatchesSteps, type ClockOf, type QueryContext } from './run-query'
import { topChoices } from './codes'
import { Job, STEP_EVERY, runNow, yieldToLoop, type Steps } from './slices'

const sortList = (s: CaseSort | ReadonlyArray<CaseSort>): ReadonlyArray<CaseSort> => {
  const list: ReadonlyArray<CaseSort> = Array.isArray(s) ? s : [s as CaseSort]
  return list.length > 0 ? list : [{ key: 'urgency', dir: 'asc' }]
}

export type CaseQueryRequest = {
  filter: CaseQueryFilter
  /** One key or keys in order (cases.query's parsed input is always a list). */
  sort: CaseSort | ReadonlyArray<CaseSort>
  window: { offset: number; limit: number }
  clocks: 'progressive' | 'complete'
  withIds?: boolean | undefined
}

/** How long one answer may spend computing clocks itself before leaving the rest to the sweep. */
const INLINE_CLOCK_MS = 15
/** The sweep's slices: short enough that a call arriving meanwhile waits at most this long. */
const SWEEP_SLICE_MS = 10
/**
 * An answer's own slices (loading the index, sorting and filtering the whole caseload): between two,
 * the event loop runs, so no other call waits behind a first list of the day for longer than this.
 */
const QUERY_SLICE_MS = 10
/** The sweep tells the window how far it got at most this often. */
const PROGRESS_EVERY_MS = 250
/** Filter menus list this many choices at most (the most used), plus any the filter already picked. */
const MAX_FACET_CHOICES = 100
/** Whole-caseload orders kept (one per sort the user switched between recently). */
const KEPT_ORDERS = 4

export type CaseloadQueryOptions = {
  inlineClockMs?: number
  /** An answer's slices (QUERY_SLICE_MS); 0 gives the event loop back at every pause point (tests). */
  sliceMs?: number
}

export function caseloadQuery(ctx: ServiceContext, clocks: ClockService, events?: EventHub, options: CaseloadQueryOptions = {}) {
  const inlineClockMs = options.inlineClockMs ?? INLINE_CLOCK_MS
  const sliceMs = options.sliceMs ?? QUERY_SLICE_MS
  /** How many times answers gave the event loop back (tests). */
  let pauses = 0
  const index = new CaseloadIndex(ctx)
  const orders = new Map<string, Doc[]>()
  /** Bumped whenever a case's clock for the day becomes known: orders that used it are stale. */
  let clockSeq = 0
  let sweep: { key: string; promise: Promise<void> } | null = null
  /** (clock key, generation, clockSeq) at which a pass over the caseload found every clock known. */
  let clocksKnown = ''
  /** The sort of the last answer read in a whole-caseload order: the sweep sorts it again once the clocks are in. */
  let lastSort: ReadonlyArray<CaseSort> = [{ key: 'urgency', dir: 'asc' }]
  /** Whole-caseload sorts done so far (tests). */
  let wholeSorts = 0
  /**
   * Answers under way, and the sweep's wait for them to end: the sweep gives way to an answer (its
   * slices between the answer's would double the answer's time, and the window waits on the answer).
   */
  let answering = 0
  let answersDone: Array<() => void> = []
  async function afterAnswers(): Promise<void> {
    while (answering > 0) await new Promise<void>((resolve) => answersDone.push(resolve))
  }
  function answerEnded(): void {
    if (--answering > 0) return
    const waiting = answersDone
    answersDone = []
    // One turn later: the answer's reply (a continuation of its promise) goes out first.
    setImmediate(() => {
      for (const resume of waiting) resume()
    })
  }

  function clockReader(asOf: string, mode: 'budget' | 'all' | 'cached'): { clockOf: ClockOf; key: string } {
    const key = `${asOf}|${clocks.rulesVersion()}`
    const deadline = mode === 'budget' ? performance.now() + inlineClockMs : mode === 'all' ? Infinity : -Infinity
    const clockOf: ClockOf = (d) => {
      if (d.clockKey === key) return d.clock
      let clock: CaseClock | undefined = clocks.peek(d.id, d.rev, d.s.clock, asOf)
      if (clock === undefined && (deadline === Infinity || performance.now() < deadline)) clock = clocks.forCase(d.id, d.rev, d.s.clock, asOf)
      if (clock === undefined) return undefined
      d.setClock(clock, key)
      clockSeq++
      return clock
    }
    return { clockOf, key }
  }

  function queryContext(clockOf: ClockOf, asOf: string): QueryContext {
    return {
      index,
      asOf,
      clockOf,
      stateOf: (d) => d.s.state ?? index.organizations.get(d.s.organizationId)?.state ?? null
    }
  }

  /** The whole caseload in `sort` order, kept until a case or a clock changes. */
  function* fullOrder(q: QueryContext, sort: ReadonlyArray<CaseSort>, clockKey: string): Steps<Doc[]> {
    const sortKey = sort.map((s) => `${s.key}:${s.dir}`).join(',')
    // The clocks are read (and the budgeted ones computed) before the key is final; once a pass
    // found every clock known, nothing is left to compute until a case or a clock changes.
    if (clocksKnown !== `${clockKey}|${index.generation}|${clockSeq}`) {
      let missing = false
      let i = 0
      for (const d of index.docs.values()) {
        if (q.clockOf(d) === undefined) missing = true
        if (++i % STEP_EVERY === 0) yield
      }
      if (!missing) clocksKnown = `${clockKey}|${index.generation}|${clockSeq}`
    }
    const stamped = `${sortKey}|${clockKey}|${index.generation}|${clockSeq}`
    let order = orders.get(stamped)
    if (order === undefined) {
      wholeSorts++
      order = yield* sortDocsSteps(q, [...index.docs.values()], sort)
      // Kept only if nothing changed while it was sorted in slices.
      if (`${sortKey}|${clockKey}|${index.generation}|${clockSeq}` === stamped) {
        if (orders.size >= KEPT_ORDERS) orders.delete(orders.keys().next().value as string)
        orders.set(stamped, order)
      }
    }
    return order
  }

  const warmYears = new Set<number>()
  /**
   * The holiday tables of the years around `asOf`, one (calendar, year) per step. The first
   * federal year costs the holiday library's first use (tens of milliseconds); inside a clock it
   * would be one block, here it is a slice of its own before any clock is computed.
   */
  function* warmHolidays(asOf: string): Steps<void> {
    const year = Number(asOf.slice(0, 4))
    const years = [year - 1, year, year + 1].filter((y) => !warmYears.has(y))
    if (years.length === 0) return
    // Each table reads the years on both sides: those first, one library year per step.
    for (const set of HOLIDAY_SET_IDS) {
      for (let y = years[0]! - 1; y <= years.at(-1)! + 1; y++) {
        prepareHolidayYear(set, y)
        yield
      }
      for (const y of years) {
        holidaysInYear(set, y)
        yield
      }
    }
    for (const y of years) warmYears.add(y)
  }

  /** Computes every clock of the day not yet known, in slices; the window hears as they arrive. */
  function sweepClocks(asOf: string): Promise<void> {
    const { clockOf, key } = clockReader(asOf, 'all')
    if (sweep?.key === key) return sweep.promise
    const run = async (): Promise<void> => {
      await new Job(warmHolidays(asOf)).inSlices(0)
      await afterAnswers()
      const todo = [...index.docs.values()].filter((d) => d.clockKey !== key)
      const total = todo.length
      let slice = performance.now()
      let told = slice
      for (const [i, d] of todo.entries()) {
        // A newer revision of this case replaced it; the next answer computes that one.
        if (index.docs.get(d.id) === d) clockOf(d)
        const now = performance.now()
        if (now - slice < SWEEP_SLICE_MS) continue
        if (now - told >= PROGRESS_EVERY_MS) {
          events?.emit('caseload.clocks', { asOf, done: i + 1, total })
          told = now
        }
        await yieldToLoop()
        await afterAnswers()
        slice = performance.now()
        // Saved profiles changed meanwhile: this sweep's results would be stale.
        if (`${asOf}|${clocks.rulesVersion()}` !== key) return
      }
      events?.emit('caseload.clocks', { asOf, done: total, total })
      // Every clock arriving made the order stale; sorted again now, in slices, the next answer
      // (the window asking again as the clocks came in) finds it ready instead of sorting 30,000 cases.
      await new Job(fullOrder(queryContext(clockOf, asOf), lastSort, key)).inSlices(SWEEP_SLICE_MS)
    }
    const promise = run().finally(() => {
      if (sweep?.promise === promise) sweep = null
    })
    sweep = { key, promise }
    return promise
  }

  function toRow(q: QueryContext, d: Doc, clock: CaseClock | undefined): CaseListItemValue {
    const s = d.s
    const r = clock?.state === 'ok' ? clock.result : undefined
    return {
      id: d.id,
      patientId: s.patientId,
      patientName: index.patients.get(s.patientId)?.name ?? `(missing patient ${s.patientId})`,
      organizationId: s.organizationId,
      organizationName: index.organizations.get(s.organizationId)?.name ?? `(missing organization ${s.organizationId})`,
      requestKind: s.requestKind,
      priority: s.priority,
      tags: s.tags,
      references: s.references.map((ref) => ref.slice(ref.indexOf(':') + 1)),
      status: statusOf(clock),
      assignee: s.assignee ?? null,
      state: q.stateOf(d),
      sent: s.sent ?? null,
      received: s.clock?.received ?? null,
      due: r?.due ?? null,
      daysLate: r?.daysLate ?? null,
      daysRemaining: r?.daysRemaining ?? null,
      nextStep: r?.nextStep ?? null,
      findings: r ? r.findingCodes : [],
      lastEventDate: s.lastEventDate ?? null,
      eventCount: s.eventCount,
      deletedAt: s.deletedAt ?? null,
      waitingOn: waitingOnOfSummary(s, clock, q.asOf)
    }
  }

  /**
   * The ordered matches, as steps (slices.ts): `query` runs them in slices, `listAll` at once for
   * the callers that need every row now. The index is refreshed before (refreshInSlices / refresh).
   */
  function* select(request: CaseQueryRequest, mode: 'budget' | 'all') {
    const asOf = request.filter.asOf ?? todayOf(ctx)
    yield* warmHolidays(asOf)
    const { clockOf, key } = clockReader(asOf, mode)
    const q = queryContext(clockOf, asOf)
    const text = yield* textMatchesSteps(index, request.filter.text, index.indexed)
    const sort = sortList(request.sort)
    let ordered: ReadonlyArray<Doc>
    let keep: ((d: Doc) => boolean) | undefined
    if (text !== null && text.docs.length * 8 < index.docs.size) ordered = yield* sortDocsSteps(q, text.docs, sort)
    else if (request.filter.patientId !== undefined && text === null) {
      const ids = index.byPatient.get(request.filter.patientId) ?? new Set<string>()
      ordered = yield* sortDocsSteps(q, [...ids].map((id) => index.docs.get(id)).filter((d): d is Doc => d !== undefined), sort)
    } else {
      lastSort = sort
      ordered = yield* fullOrder(q, sort, key)
      keep = text?.has
    }
    return { asOf, q, ...(yield* filterDocsSteps(q, ordered, request.filter, keep)) }
  }

  return {
    index,

    async query(request: CaseQueryRequest): Promise<CaseQueryResult> {
      // An answer that waits for every clock waits on the sweep itself: the sweep must not wait on it.
      if (request.clocks === 'complete') return answer(request)
      answering++
      try {
        return await answer(request)
      } finally {
        answerEnded()
      }
    },

    /** Every matching row at once, every clock computed (the letters, the exports, the legacy cases.list). */
    listAll(filter: CaseQueryFilter, sort: CaseSort | ReadonlyArray<CaseSort> = { key: 'urgency', dir: 'asc' }): CaseListItemValue[] {
      index.refresh()
      const { q, matches } = runNow(select({ filter, sort, window: { offset: 0, limit: 0 }, clocks: 'complete' }, 'all'))
      return matches.map((d) => toRow(q, d, q.clockOf(d)))
    },

    /**
     * What the first answers of a window will need, made while its page loads (the host starts it
     * after open): the index, then today's clocks (the sweep, which gives way to answers), then the
     * words of every case (the first keystroke of a search waited for them).
     */
    async warm(asOf?: string): Promise<void> {
      await index.refreshInSlices(sliceMs)
      await sweepClocks(asOf ?? todayOf(ctx))
      await afterAnswers()
      await index.ready()
    },

    /** How many times answers gave the event loop back so far (tests). */
    pauses: (): number => pauses,

    /** How many times the whole caseload was sorted so far (tests). */
    wholeSorts: (): number => wholeSorts,

    /** The clocks sweep in progress, if any (tests, benchmarks). */
    sweeping: (): Promise<void> | null => sweep?.promise ?? null
  }

  async function answer(request: CaseQueryRequest): Promise<CaseQueryResult> {
    await index.refreshInSlices(sliceMs)
    if (request.filter.text?.trim()) await index.ready()
    if (request.clocks === 'complete') await sweepClocks(request.filter.asOf ?? todayOf(ctx))
    // Changes that came in while this waited are taken in (cheap: the store logs changed ids).
    await index.refreshInSlices(sliceMs)
    const job = new Job(select(request, request.clocks === 'complete' ? 'all' : 'budget'))
    const { asOf, q, matches, facets, pending } = await job.inSlices(sliceMs)
    pauses += job.pauses
    const total = matches.length
    const { limit } = request.window
    // A filter that left fewer cases than the asked offset: the last page there is.
    const offset = request.window.offset < total || total === 0 ? request.window.offset : limit === 0 ? total : Math.floor((total - 1) / limit) * limit
    const rows = matches.slice(total === 0 ? 0 : offset, offset + limit).map((d) => toRow(q, d, q.clockOf(d)))
    // The sweep starts once the rows are built: its first slice runs before it yields, and must not
    // fill in (and so delay) the clocks this answer said were pending.
    // A sweep that fails (the folder closed under it) leaves clocks pending: the next answer starts another.
    if (pending > 0) void sweepClocks(asOf).catch(() => undefined)
    const f = request.filter
    // Holders and tags are never "none" (code 0 is never counted for them): the values are strings.
    const organizations = topChoices(facets.organizations, index.holderCodes, f.organizationIds, MAX_FACET_CHOICES).map(({ value, count }) => {
      const id = value ?? ''
      return { id, name: index.organizations.get(id)?.name ?? `(missing organization ${id})`, count }
    })
    return {
      rows,
      total,
      offset: total === 0 ? 0 : offset,
      asOf,
      counts: { byStatus: statusCounts(facets.byStatus) },
      facets: {
        assignees: topChoices(facets.assignees, index.assigneeCodes, f.assignees, MAX_FACET_CHOICES),
        tags: topChoices(facets.tags, index.tagCodes, f.tags, MAX_FACET_CHOICES).map(({ value, count }) => ({ value: value ?? '', count })),
        states: topChoices(facets.states, index.stateCodes, f.states, MAX_FACET_CHOICES),
        organizations
      },
      clocksPending: pending > 0,
      ...(request.withIds && { ids: matches.map((d) => d.id) }),
      generation: index.generation
    }
  }
}

export type CaseloadQuery = ReturnType<typeof caseloadQuery>
