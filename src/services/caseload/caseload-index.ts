// What the caseload query reads instead of the cases: one small entry per case (its summary, a
// number for the marks arrays, its clock for the day once computed), the cases of each patient and
// holder, and word indexes over the cases' searchable text and over patient and holder names.
// Kept current from the store's change log (store/change-log.ts): a save, a sync tool's file or a
// repair updates only the cases it touched; a restore (a new epoch) rebuilds, in slices.
import type { CaseSummary } from '../../core/cases/summary'
import type { ChangeCursor } from '../../store/types'
import type { CaseClock } from '../clock-service'
import type { ServiceContext } from '../context'
import { WordIndex, wordsOf } from './word-index'
import { Job, STEP_EVERY, yieldToLoop, type Steps } from './slices'
import { Codes, IntColumn } from './codes'
import { PENDING_CODE, STATUS_CODE, statusOf } from './row-status'

/**
 * One case as the query reads it. A class, so every doc has one shape: the filter's loop over
 * 30,000 of them reads its fields through one hidden class, not the many shapes summaries take.
 */
export class Doc {
  /** The clock for `clockKey` (as-of date and rules version), once computed. */
  clock: CaseClock | undefined = undefined
  clockKey: string | undefined = undefined
  /** The code of the clock's status (row-status.ts), valid with `clock`. */
  status = PENDING_CODE
  /** In the trash. */
  readonly deleted: boolean

  constructor(
    readonly id: string,
    readonly rev: number,
    readonly s: CaseSummary,
    /** Index into the marks arrays of a query; reused after a case leaves. */
    readonly n: number,
    /** Codes of its tags (tagCodes), for counting the tag menu. */
    readonly tags: ReadonlyArray<number>
  ) {
    this.deleted = Boolean(s.deletedAt)
  }

  setClock(clock: CaseClock, key: string): void {
    this.clock = clock
    this.clockKey = key
    this.status = STATUS_CODE[statusOf(clock)]
  }
}

type Named = { readonly id: string; readonly name: string; readonly state?: string | undefined }

/** Patients or holders: lower-cased names for sorting and searching, diffed by record identity. */
class Names {
  readonly words = new WordIndex<string>()
  readonly lower = new Map<string, string>()
  readonly #seen = new Map<string, Named>()
  #all: ReadonlyArray<Named> | null = null

  get(id: string): Named | undefined {
    return this.#seen.get(id)
  }

  /** True when something changed. Records are immutable values: a new object is an edit. */
  *refresh(all: ReadonlyArray<Named>): Steps<boolean> {
    if (all === this.#all) return false
    this.#all = all
    let changed = false
    const ids = new Set<string>()
    for (const r of all) {
      ids.add(r.id)
      if (ids.size % STEP_EVERY === 0) yield
      const before = this.#seen.get(r.id)
      if (before === r) continue
      this.#seen.set(r.id, r)
      this.lower.set(r.id, r.name.toLowerCase())
      this.words.set(r.id, wordsOf(r.name), before && wordsOf(before.name))
      changed = true
    }
    if (this.#seen.size !== ids.size) {
      for (const id of [...this.#seen.keys()]) {
        if (ids.has(id)) continue
        this.words.remove(id, wordsOf(this.#seen.get(id)?.name ?? ''))
        this.#seen.delete(id)
        this.lower.delete(id)
        changed = true
      }
    }
    return changed
  }
}

const NO_TAGS: ReadonlyArray<number> = []

/** A rebuild gives way to the event loop this often, so the window's other calls are answered. */
const SLICE_MS = 10

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key)
  if (set === undefined) {
    set = new Set()
    map.set(key, set)
  }
  set.add(id)
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key)
  if (set === undefined) return
  set.delete(id)
  if (set.size === 0) map.delete(key)
}

export class CaseloadIndex {
  readonly docs = new Map<string, Doc>()
  /** Doc by number (holes where a case left). */
  readonly byNumber: Array<Doc | undefined> = []
  readonly byPatient = new Map<string, Set<string>>()
  readonly byOrganization = new Map<string, Set<string>>()
  /** Words of each case's searchable text (reference numbers, tags, event summaries) and its id. */
  readonly caseWords = new WordIndex<number>()
  readonly patients = new Names()
  readonly organizations = new Names()
  // What the filter menus count, as codes (codes.ts): each case's holder, own state (-1: none, its
  // holder's counts) and assignee by case number, and each holder's state by holder code.
  readonly holderCodes = new Codes()
  readonly stateCodes = new Codes()
  readonly assigneeCodes = new Codes()
  readonly tagCodes = new Codes()
  readonly holderOf = new IntColumn()
  readonly ownStateOf = new IntColumn(-1)
  readonly assigneeOf = new IntColumn()
  readonly holderState = new IntColumn()
  /** Bumped by every change the index takes in: sort orders and answers are keyed by it. */
  generation = 0
  /** Words not yet indexed (a rebuild in progress): text search waits for `ready`. */
  #unindexed = new Set<string>()
  #free: number[] = []
  #cursor: ChangeCursor | null = null
  #building: Promise<void> | null = null
  /** The refresh in progress (or the last one): callers that need it done drive it (slices.ts). */
  #job: Job<void> | null = null

  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Takes in what changed since the last call: cheap (the store logs changed ids). After a restore
   * or at first use, every case is read again from the summaries; their words are indexed by
   * `ready()` in slices.
   */
  refresh(): void {
    this.#job?.finish()
    this.#job = new Job(this.#refreshSteps())
    this.#job.finish()
  }

  /** refresh(), giving the event loop back every `sliceMs` (the first load of 30,000 summaries). */
  async refreshInSlices(sliceMs = SLICE_MS): Promise<void> {
    if (this.#job !== null && !this.#job.done) await this.#job.inSlices(sliceMs)
    this.#job = new Job(this.#refreshSteps())
    await this.#job.inSlices(sliceMs)
  }

  *#refreshSteps(): Steps<void> {
    const store = this.ctx.store
    if (yield* this.patients.refresh(store.sharded.patients.all())) this.generation++
    const holders = store.sharded.organizations.all()
    if (yield* this.organizations.refresh(holders)) {
      this.generation++
      // A holder gone has no state (as stateOf says), one edited may have a new one.
      this.holderState.clear()
      for (const [i, o] of holders.entries()) {
        this.holderState.set(this.holderCodes.code(o.id), this.stateCodes.code(o.state))
        if (i % STEP_EVERY === STEP_EVERY - 1) yield
      }
    }
    const cases = store.records.cases
    const { cursor, ids } = cases.changesSince(this.#cursor)
    this.#cursor = cursor
    if (ids === null) {
      yield* this.#reload()
      return
    }
    if (ids.length === 0) return
    this.generation++
    for (const [i, id] of ids.entries()) {
      if (i % STEP_EVERY === STEP_EVERY - 1) yield
      const entry = cases.entry(id)
      if (entry === undefined) this.#drop(id)
      else {
        const before = this.docs.get(id)
        if (before !== undefined && before.rev === entry.rev && before.s === entry.summary) continue
        this.#put(id, entry.rev, entry.summary, true)
      }
    }
  }

  /** Resolves once every case's words are indexed (at once, except after a reload). */
  ready(): Promise<void> | null {
    if (this.#unindexed.size === 0) return null
    this.#building ??= this.#indexInSlices().finally(() => {
      this.#building = null
    })
    return this.#building
  }

  get indexed(): boolean {
    return this.#unindexed.size === 0
  }

  *#reload(): Steps<void> {
    this.generation++
    // Everything goes at once (taking 30,000 cases out one by one would cost each common word's
    // list a search per case); their words are indexed again by ready().
    this.docs.clear()
    this.byNumber.length = 0
    this.#free = []
    this.#unindexed.clear()
    this.caseWords.clear()
    this.byPatient.clear()
    this.byOrganization.clear()
    for (const [i, { id, rev, summary }] of this.ctx.store.records.cases.summaries().entries()) {
      this.#put(id, rev, summary, false)
      if (i % STEP_EVERY === STEP_EVERY - 1) yield
    }
    // Bumped again once whole: an order sorted from a half-loaded index is never reused.
    this.generation++
  }

  async #indexInSlices(): Promise<void> {
    let slice = performance.now()
    for (const id of [...this.#unindexed]) {
      // Indexed meanwhile by a refresh (a save), or gone: nothing to do.
      if (!this.#unindexed.delete(id)) continue
      const doc = this.docs.get(id)
      if (doc !== undefined) this.caseWords.set(doc.n, this.#wordsOfCase(doc))
      if (performance.now() - slice > SLICE_MS) {
        await yieldToLoop()
        slice = performance.now()
      }
    }
  }

  #wordsOfCase(doc: Doc): string[] {
    return [...wordsOf(doc.s.searchText), ...wordsOf(doc.id)]
  }

  #put(id: string, rev: number, s: CaseSummary, indexNow: boolean): void {
    const before = this.docs.get(id)
    if (before !== undefined) {
      removeFrom(this.byPatient, before.s.patientId, id)
      removeFrom(this.byOrganization, before.s.organizationId, id)
    }
    const n = before?.n ?? this.#free.pop() ?? this.byNumber.length
    // A new revision keeps no clock: the cache is keyed by revision (clock-service.ts).
    const doc = new Doc(id, rev, s, n, s.tags.length === 0 ? NO_TAGS : s.tags.map((t) => this.tagCodes.code(t)))
    this.holderOf.set(n, this.holderCodes.code(s.organizationId))
    this.ownStateOf.set(n, s.state === undefined ? -1 : this.stateCodes.code(s.state))
    this.assigneeOf.set(n, this.assigneeCodes.code(s.assignee))
    if (before !== undefined && before.rev === rev && before.s.clock === s.clock && before.clockKey !== undefined && before.clock !== undefined) {
      doc.setClock(before.clock, before.clockKey)
    }
    this.docs.set(id, doc)
    this.byNumber[n] = doc
    addTo(this.byPatient, s.patientId, id)
    addTo(this.byOrganization, s.organizationId, id)
    // The words it was indexed by, if it was: what the index takes out.
    const previous = before !== undefined && !this.#unindexed.has(id) ? this.#wordsOfCase(before) : undefined
    if (indexNow) {
      this.#unindexed.delete(id)
      this.caseWords.set(n, this.#wordsOfCase(doc), previous)
    } else {
      if (previous !== undefined) this.caseWords.remove(n, previous)
      this.#unindexed.add(id)
    }
  }

  /** The code of case `n`'s state: its own, else its holder's (as stateOf in caseload-query.ts). */
  stateCodeOf(n: number): number {
    const own = this.ownStateOf.a[n]!
    return own >= 0 ? own : this.holderState.get(this.holderOf.a[n]!)
  }

  #drop(id: string): void {
    const doc = this.docs.get(id)
    if (doc === undefined) return
    this.generation++
    this.docs.delete(id)
    this.byNumber[doc.n] = undefined
    this.#free.push(doc.n)
    if (!this.#unindexed.delete(id)) this.caseWords.remove(doc.n, this.#wordsOfCase(doc))
    removeFrom(this.byPatient, doc.s.patientId, id)
    removeFrom(this.byOrganization, doc.s.organizationId, id)
  }
}
