// Serializes and coalesces the writes of one file. At most one write runs at a time; while it runs,
// any number of further requests share ONE follow-up write, which starts when the current one ends
// and serializes the state as it is then. So a burst of edits costs two writes, never interleaves,
// and every caller's promise resolves after a write that contains its change.

type Deferred = { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void }

const deferred = (): Deferred => {
  let resolve: () => void = () => undefined
  let reject: (e: unknown) => void = () => undefined
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export class SerialWriter {
  #running: Promise<void> | null = null
  #next: Deferred | null = null
  readonly #job: () => Promise<void>

  /** `job` writes the file's current desired state; it reads that state when it starts, not before. */
  constructor(job: () => Promise<void>) {
    this.#job = job
  }

  /** Requests a write of the current state; resolves once a write that started after this call is done. */
  run(): Promise<void> {
    if (this.#running === null) return this.#start()
    if (this.#next === null) this.#next = deferred()
    return this.#next.promise
  }

  get busy(): boolean {
    return this.#running !== null
  }

  /** Resolves when nothing is running or queued (failures are the callers' to handle). */
  async idle(): Promise<void> {
    while (this.#running !== null) await this.#running.catch(() => undefined)
  }

  #start(): Promise<void> {
    const run = (async () => {
      try {
        await this.#job()
      } finally {
        const next = this.#next
        this.#next = null
        if (next === null) {
          this.#running = null
        } else {
          // Start the follow-up on the next turn, not now: callers of a failed write get to undo
          // their in-memory change first, so the follow-up never writes a change that was refused.
          // #running stays set meanwhile, so new requests join `next` instead of starting a write.
          this.#running = new Promise<void>((resolve) =>
            setImmediate(() => {
              this.#running = null
              this.#start().then(next.resolve, next.reject)
              resolve()
            })
          )
        }
      }
    })()
    this.#running = run
    return run
  }
}
