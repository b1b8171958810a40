// A singleton (settings.json…): one lowdb document with defaults, validated on load and on put.
import { Low } from 'lowdb'
import { singletonCodec, validateInput } from './codec'
import type { StoreContext } from './context'
import { DurableAdapter } from './durable-adapter'
import { FileProblem } from './envelope'
import { singletonFile } from './layout'
import { quarantine, quarantineAndRestore } from './recovery'
import type { AnySingletonSpec, Singleton } from './types'

export class SingletonDoc<T> implements Singleton<T> {
  readonly #db: Low<T>
  readonly #adapter: DurableAdapter<T>

  private constructor(
    readonly ctx: StoreContext,
    readonly spec: AnySingletonSpec
  ) {
    this.#adapter = new DurableAdapter<T>(ctx.io, singletonFile(spec.name), singletonCodec<T>(spec), ctx.deviceId, ctx.validated ? { validated: ctx.validated } : {})
    this.#db = new Low<T>(this.#adapter, spec.defaults as T)
  }

  static async load<T>(ctx: StoreContext, spec: AnySingletonSpec): Promise<SingletonDoc<T>> {
    const doc = new SingletonDoc<T>(ctx, spec)
    await doc.#read()
    return doc
  }

  /** True when the file on disk is from an older version and must be rewritten (after a backup). */
  get outdated(): boolean {
    return this.#adapter.readVersion !== undefined && this.#adapter.readVersion < this.spec.version
  }

  async #read(): Promise<void> {
    const rel = this.#adapter.rel
    if (this.ctx.expected?.has(rel) && (await this.ctx.io.stamp(rel)) === null) {
      // Lost (the store never deletes it) while the newest backup holds it: bring it back.
      const { value, recovery } = await quarantineAndRestore(
        this.ctx.io,
        this.ctx.backups,
        rel,
        'the file is missing from the data folder although the newest backup holds it',
        (bytes) => this.#adapter.decodeBytes(bytes),
        `the default ${this.spec.name} are used until you save new ones`,
        true
      )
      this.ctx.report(recovery)
      if (value === null) return
    }
    try {
      await this.#db.read()
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e
      const { value, recovery } = await quarantineAndRestore(
        this.ctx.io,
        this.ctx.backups,
        this.#adapter.rel,
        e.message,
        (bytes) => this.#adapter.decodeBytes(bytes),
        `the default ${this.spec.name} are used until you save new ones`
      )
      this.ctx.report(recovery)
      if (value === null) this.#db.data = this.spec.defaults as T
      else await this.#db.read()
    }
  }

  /** Reads the file again after another computer's version arrived (skipped while our own write runs). */
  async reload(): Promise<void> {
    if (!this.#adapter.busy) await this.#read()
  }

  get(): T {
    return this.#db.data
  }

  async put(value: T): Promise<void> {
    const parsed = validateInput(this.spec.schema, value, this.spec.name) as T
    const previous = this.#db.data
    this.#db.data = parsed
    try {
      await this.ctx.track(this.#db.write())
    } catch (e) {
      if (this.#db.data === parsed) this.#db.data = previous
      throw e
    }
  }

  /** Why `raw` is not a good copy of this file, or null if it is. */
  problemWith(raw: Uint8Array): string | null {
    try {
      this.#adapter.decodeBytes(raw)
      return null
    } catch (e) {
      if (e instanceof FileProblem) return e.message
      throw e
    }
  }

  /** Quarantines the file found damaged after open (e.g. by a backup's check) and rewrites it from memory. */
  async repairFromMemory(problem: string): Promise<void> {
    const at = this.ctx.io.now()
    const aside = await quarantine(this.ctx.io, this.#adapter.rel, at)
    await this.rewrite()
    this.ctx.report({
      file: this.#adapter.rel,
      problem,
      action: `moved aside to ${aside}; rewrote it from the copy the app had loaded and validated`,
      at: at.toISOString(),
      quarantined: aside
    })
  }

  /** Rewrites the (already migrated in memory) value in the current version. */
  async rewrite(): Promise<void> {
    await this.ctx.track(this.#db.write())
  }
}
