// Which records' summaries changed since a reader last looked: lets an index over the summaries
// (the caseload's search index, its sort orders) stay current by updating only what changed,
// whatever changed it (a save, a sync tool's file, a repair), instead of rescanning every record.
import type { SummaryEntry } from './types'

/** Where a reader got to. `epoch` names one loaded collection: a restore or reopen starts another. */
export type ChangeCursor = { readonly epoch: number; readonly seq: number }

/** `ids: null`: too much changed (or another collection was loaded) to say; read everything again. */
export type Changes = { cursor: ChangeCursor; ids: string[] | null }

/** Changes remembered; a reader further behind rebuilds (it has been away for thousands of writes). */
const KEEP = 4096

let epochs = 0

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Where `id` is, or would go, in entries sorted by id. */
function positionOf<S>(sorted: ReadonlyArray<SummaryEntry<S>>, id: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]!.id < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A Map of summaries that logs the id of every set and delete, and keeps them sorted by id once
 * asked to: one save patches a copy of the sorted array (a copy, because callers may still be
 * iterating the one they were given) instead of sorting 30,000 summaries again.
 */
export class ChangeLoggingMap<S> extends Map<string, SummaryEntry<S>> {
  readonly epoch = ++epochs
  #sorted: SummaryEntry<S>[] | null = null
  #seq = 0
  #log: string[] = []
  /** The seq of #log[0]. */
  #first = 1

  override set(id: string, entry: SummaryEntry<S>): this {
    super.set(id, entry)
    // Map's constructor calls set before the fields exist; nothing has read the log yet then.
    if (this.#log === undefined) return this
    this.#note(id)
    if (this.#sorted !== null) {
      const next = this.#sorted.slice()
      const at = positionOf(next, id)
      if (next[at]?.id === id) next[at] = entry
      else next.splice(at, 0, entry)
      this.#sorted = next
    }
    return this
  }

  /**
   * Many sets at once (a batch write): logged as single sets would be, but the sorted array is
   * merged once, not copied once per entry (10,000 copies of a 30,000-entry array otherwise).
   */
  setMany(entries: ReadonlyArray<SummaryEntry<S>>): void {
    const sorted = this.#sorted
    this.#sorted = null
    // An id set twice in the batch: its last entry wins, as with single sets.
    const last = new Map(entries.map((e) => [e.id, e]))
    const added = [...last.values()].filter((e) => !this.has(e.id)).sort(byId)
    for (const entry of entries) this.set(entry.id, entry)
    if (sorted === null) return
    const merged = new Array<SummaryEntry<S>>(sorted.length + added.length)
    let i = 0
    let j = 0
    for (let k = 0; k < merged.length; k++) {
      const old = sorted[i]
      const add = added[j]
      if (add === undefined || (old !== undefined && old.id < add.id)) {
        merged[k] = last.get(old!.id) ?? old!
        i++
      } else {
        merged[k] = add
        j++
      }
    }
    this.#sorted = merged
  }

  override delete(id: string): boolean {
    const had = super.delete(id)
    if (!had) return had
    this.#note(id)
    if (this.#sorted !== null) {
      const at = positionOf(this.#sorted, id)
      if (this.#sorted[at]?.id === id) this.#sorted = [...this.#sorted.slice(0, at), ...this.#sorted.slice(at + 1)]
    }
    return had
  }

  override clear(): void {
    super.clear()
    this.#sorted = null
    this.#log = []
    this.#first = ++this.#seq + 1
  }

  /** Every entry, sorted by id: the same array until the next change. */
  sorted(): ReadonlyArray<SummaryEntry<S>> {
    this.#sorted ??= [...this.values()].sort(byId)
    return this.#sorted
  }

  #note(id: string): void {
    this.#seq++
    this.#log.push(id)
    if (this.#log.length > KEEP) {
      const drop = this.#log.length - KEEP / 2
      this.#log.splice(0, drop)
      this.#first += drop
    }
  }

  changesSince(cursor: ChangeCursor | null): Changes {
    const now: ChangeCursor = { epoch: this.epoch, seq: this.#seq }
    if (cursor === null || cursor.epoch !== this.epoch || cursor.seq + 1 < this.#first || cursor.seq > this.#seq) return { cursor: now, ids: null }
    return { cursor: now, ids: [...new Set(this.#log.slice(cursor.seq + 1 - this.#first))] }
  }
}
