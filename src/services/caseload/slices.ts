// Work over the whole caseload (loading the index, sorting 30,000 cases, filtering them) written
// once as a generator, whose `yield`s mark where it may pause, and run either to the end at once
// (a caller that needs every row now: the command line, the letters) or in slices between which the
// event loop runs, so no call of the window waits behind it for longer than a slice.
export type Steps<T> = Generator<void, T, void>

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A run of steps that any number of callers may drive, at once or in slices; they share its progress. */
export class Job<T> {
  readonly #steps: Steps<T>
  #state: { done: false } | { done: true; value: T } | { done: true; error: unknown } = { done: false }
  /** How many times a sliced run gave the event loop back (tests). */
  pauses = 0

  constructor(steps: Steps<T>) {
    this.#steps = steps
  }

  get done(): boolean {
    return this.#state.done
  }

  /** Runs what is left now, in one go. */
  finish(): T {
    while (!this.#state.done) this.#step()
    return this.#result()
  }

  /** Runs what is left in slices of about `sliceMs`, letting the event loop run between them. */
  async inSlices(sliceMs: number): Promise<T> {
    let start = performance.now()
    while (!this.#state.done) {
      this.#step()
      if (!this.#state.done && performance.now() - start >= sliceMs) {
        this.pauses++
        await yieldToLoop()
        start = performance.now()
      }
    }
    return this.#result()
  }

  #step(): void {
    try {
      const r = this.#steps.next()
      if (r.done) this.#state = { done: true, value: r.value }
    } catch (error) {
      this.#state = { done: true, error }
    }
  }

  #result(): T {
    const s = this.#state
    if (!s.done) throw new Error('unreachable: the job is not done')
    if ('error' in s) throw s.error
    return s.value
  }
}

/** Runs steps to the end at once. */
export const runNow = <T>(steps: Steps<T>): T => new Job(steps).finish()

/** Items visited between two pause points of a loop: a few hundred microseconds of work at most. */
export const STEP_EVERY = 128

/**
 * A stable merge sort that can pause: runs of `run` items are sorted natively, then merged pass by
 * pass, with a pause point every few thousand items moved. Sorts `items` in place and returns it.
 */
export function* sortInSteps<T>(items: T[], cmp: (a: T, b: T) => number, run = 512): Steps<T[]> {
  const n = items.length
  if (n <= run) return items.sort(cmp)
  for (let lo = 0; lo < n; lo += run) {
    const part = items.slice(lo, lo + run).sort(cmp)
    for (let i = 0; i < part.length; i++) items[lo + i] = part[i]!
    yield
  }
  let src = items
  let dst = new Array<T>(n)
  for (let width = run; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n)
      const hi = Math.min(lo + 2 * width, n)
      let i = lo
      let j = mid
      let k = lo
      // Ties take the left run's item first: the sort stays stable.
      while (i < mid && j < hi) {
        dst[k++] = cmp(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!
        if ((k & 2047) === 0) yield
      }
      while (i < mid) dst[k++] = src[i++]!
      while (j < hi) dst[k++] = src[j++]!
      yield
    }
    const t = src
    src = dst
    dst = t
  }
  if (src !== items) for (let i = 0; i < n; i++) items[i] = src[i]!
  return items
}
