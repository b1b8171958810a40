// A sharded collection (patients, organizations): records spread over N files by a hash of the id,
// all loaded and validated at open, edited one record at a time. A put rewrites one shard (a few
// hundred records at most), never the whole collection. Each shard is a lowdb document.
// If the shard count changes between versions, records stay readable wherever they are and move to
// their new shard when next written.
import { Low } from 'lowdb'
import { AppError } from '#shared/errors'
import { type ShardData, shardCodec, validateInput } from './codec'
import type { StoreContext } from './context'
import { DurableAdapter } from './durable-adapter'
import { isTempName } from './durable-write'
import { FileProblem } from './envelope'
import { shardFile, shardNumberOf, shardOf } from './layout'
import { quarantine, quarantineAndRestore } from './recovery'
import type { AnyCollectionSpec, ShardedCollection, StoredRecord } from './types'

type Shard<T> = { db: Low<ShardData<T>>; adapter: DurableAdapter<ShardData<T>> }

export class ShardedStore<T extends StoredRecord> implements ShardedCollection<T> {
  readonly #shards = new Map<number, Shard<T>>()
  /** Which shard holds each id. */
  readonly #where = new Map<string, number>()
  /** How each shard file looked when we last read or wrote it (see #freshen). */
  readonly #stamps = new Map<number, string>()
  /** Our own writes of each shard not yet stamped: never mistaken for another computer's. */
  readonly #writing = new Map<number, number>()
  #all: T[] | null = null
  readonly #count: number

  private constructor(
    readonly ctx: StoreContext,
    readonly spec: AnyCollectionSpec
  ) {
    if (spec.layout.kind !== 'sharded') throw new Error(`${spec.name} is not a sharded collection`)
    this.#count = spec.layout.shards
  }

  static async load<T extends StoredRecord>(ctx: StoreContext, spec: AnyCollectionSpec): Promise<ShardedStore<T>> {
    const store = new ShardedStore<T>(ctx, spec)
    const names = await ctx.io.list(spec.name)
    const numbers = new Set<number>()
    for (const name of names) {
      if (isTempName(name)) await ctx.io.fs.rm(ctx.io.abs(`${spec.name}/${name}`), { force: true })
      const n = shardNumberOf(name)
      if (n !== undefined) numbers.add(n)
    }
    // A shard file the newest backup holds but the folder lacks was lost (shards are never deleted).
    for (let n = 0; n < store.#count; n++) {
      if (!numbers.has(n) && ctx.expected?.has(shardFile(spec.name, n))) {
        if (await store.#recoverMissing(n)) numbers.add(n)
      }
    }
    const sorted = [...numbers].sort((a, b) => a - b)
    await Promise.all(sorted.map((n) => store.#loadShard(n)))
    // Index ids; a record found twice (a move between shards cut short) is taken from its home shard.
    for (const n of sorted) {
      for (const id of store.#shard(n).db.data.keys()) {
        const seen = store.#where.get(id)
        if (seen === undefined || n === shardOf(id, store.#count)) store.#where.set(id, n)
      }
    }
    return store
  }

  async #recoverMissing(n: number): Promise<boolean> {
    const shard = this.#shard(n)
    const { value, recovery } = await quarantineAndRestore(
      this.ctx.io,
      this.ctx.backups,
      shard.adapter.rel,
      'the file is missing from the data folder although the newest backup holds it',
      (bytes) => shard.adapter.decodeBytes(bytes),
      `the ${this.spec.name} stored in it are missing until a backup is restored`,
      true
    )
    this.ctx.report(recovery)
    return value !== null
  }

  /** Why `raw` is not a good copy of shard `n`, or null if it is. */
  problemWith(n: number, raw: Uint8Array): string | null {
    try {
      this.#shard(n).adapter.decodeBytes(raw)
      return null
    } catch (e) {
      if (e instanceof FileProblem) return e.message
      throw e
    }
  }

  /** Quarantines a shard file found damaged after open (e.g. by a backup's check) and rewrites it from memory. */
  async repairFromMemory(n: number, problem: string): Promise<void> {
    const shard = this.#shard(n)
    const at = this.ctx.io.now()
    const aside = await quarantine(this.ctx.io, shard.adapter.rel, at)
    await this.rewrite(n)
    this.ctx.report({
      file: shard.adapter.rel,
      problem,
      action: `moved aside to ${aside}; rewrote it from the copy the app had loaded and validated`,
      at: at.toISOString(),
      quarantined: aside
    })
  }

  async #loadShard(n: number): Promise<void> {
    const shard = this.#shard(n)
    try {
      await shard.db.read()
      await this.#stampOf(n)
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e
      const { value, recovery } = await quarantineAndRestore(
        this.ctx.io,
        this.ctx.backups,
        shard.adapter.rel,
        e.message,
        (bytes) => shard.adapter.decodeBytes(bytes),
        `the ${this.spec.name} stored in it are missing until a backup is restored (the damaged file is kept)`
      )
      this.ctx.report(recovery)
      if (value === null) shard.db.data = new Map()
      else await shard.db.read()
    }
  }

  #shard(n: number): Shard<T> {
    let shard = this.#shards.get(n)
    if (shard === undefined) {
      const adapter = new DurableAdapter<ShardData<T>>(
        this.ctx.io,
        shardFile(this.spec.name, n),
        shardCodec<T>(this.spec),
        this.ctx.deviceId,
        this.ctx.validated ? { validated: this.ctx.validated } : {}
      )
      shard = { adapter, db: new Low<ShardData<T>>(adapter, new Map()) }
      this.#shards.set(n, shard)
    }
    return shard
  }

  /** Shards whose file is from an older version (to rewrite after the pre-migration backup). */
  outdatedShards(): number[] {
    return [...this.#shards.entries()]
      .filter(([, s]) => s.adapter.readVersion !== undefined && s.adapter.readVersion < this.spec.version)
      .map(([n]) => n)
  }

  async rewrite(n: number): Promise<void> {
    await this.#ownWrite(n)
  }

  get size(): number {
    return this.#where.size
  }

  all(): ReadonlyArray<T> {
    if (this.#all === null) {
      const out: T[] = []
      for (const [id, n] of this.#where) {
        const record = this.#shards.get(n)?.db.data.get(id)
        if (record !== undefined) out.push(record)
      }
      this.#all = out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    }
    return this.#all
  }

  get(id: string): T | undefined {
    const n = this.#where.get(id)
    return n === undefined ? undefined : this.#shards.get(n)?.db.data.get(id)
  }

  async put(record: T): Promise<void> {
    const parsed = validateInput(this.spec.schema, record, this.spec.name) as T
    const home = shardOf(parsed.id, this.#count)
    await this.#freshen(home)
    const from = this.#where.get(parsed.id)
    const shard = this.#shard(home)
    const previous = shard.db.data.get(parsed.id)
    shard.db.data.set(parsed.id, parsed)
    this.#where.set(parsed.id, home)
    this.#all = null
    try {
      await this.#ownWrite(home)
    } catch (e) {
      // Undo in memory unless a later put already replaced it: memory must match the disk.
      if (shard.db.data.get(parsed.id) === parsed) {
        if (previous === undefined) shard.db.data.delete(parsed.id)
        else shard.db.data.set(parsed.id, previous)
        if (from === undefined) this.#where.delete(parsed.id)
        else this.#where.set(parsed.id, from)
        this.#all = null
      }
      throw e
    }
    if (from !== undefined && from !== home) {
      // Written to its home first, so a crash in between leaves two copies, never none.
      const old = this.#shard(from)
      old.db.data.delete(parsed.id)
      await this.#ownWrite(from)
    }
  }

  /**
   * Many records at once: all validated first (one bad record: nothing changes), then each shard
   * they touch is written once, durably. A failed shard write puts memory back for every record.
   */
  async putMany(records: ReadonlyArray<T>): Promise<void> {
    const parsed = records.map((record) => validateInput(this.spec.schema, record, this.spec.name) as T)
    const homes = new Set(parsed.map((p) => shardOf(p.id, this.#count)))
    for (const n of homes) await this.#freshen(n)
    const undo: Array<() => void> = []
    const left = new Set<number>()
    for (const p of parsed) {
      const home = shardOf(p.id, this.#count)
      const from = this.#where.get(p.id)
      const shard = this.#shard(home)
      const previous = shard.db.data.get(p.id)
      shard.db.data.set(p.id, p)
      this.#where.set(p.id, home)
      if (from !== undefined && from !== home) left.add(from)
      undo.push(() => {
        if (shard.db.data.get(p.id) !== p) return
        if (previous === undefined) shard.db.data.delete(p.id)
        else shard.db.data.set(p.id, previous)
        if (from === undefined) this.#where.delete(p.id)
        else this.#where.set(p.id, from)
      })
    }
    this.#all = null
    try {
      await Promise.all([...homes].map((n) => this.#ownWrite(n)))
    } catch (e) {
      for (const u of undo) u()
      this.#all = null
      throw e
    }
    // Written to their home first, so a crash in between leaves two copies, never none.
    for (const n of left) {
      const old = this.#shard(n)
      for (const p of parsed) if (this.#where.get(p.id) !== n) old.db.data.delete(p.id)
      await this.#ownWrite(n)
    }
  }

  async remove(id: string): Promise<void> {
    const n = this.#where.get(id)
    if (n === undefined) throw new AppError('NOT_FOUND', `There is no ${this.spec.name} record with id "${id}".`)
    await this.#freshen(n)
    const shard = this.#shard(n)
    const previous = shard.db.data.get(id)
    shard.db.data.delete(id)
    this.#where.delete(id)
    this.#all = null
    try {
      await this.#ownWrite(n)
    } catch (e) {
      if (previous !== undefined && !shard.db.data.has(id) && !this.#where.has(id)) {
        shard.db.data.set(id, previous)
        this.#where.set(id, n)
        this.#all = null
      }
      throw e
    }
  }

  // ---- a sync tool replaced a shard (see store/sync) ------------------------------------------

  /** The records shard `n` holds in memory (as last read or written). */
  shardRecords(n: number): T[] {
    return [...(this.#shards.get(n)?.db.data.values() ?? [])]
  }

  /** The rev of shard `n` as last read or written here (0: none). */
  shardRev(n: number): number {
    return this.#shards.get(n)?.adapter.rev ?? 0
  }

  /**
   * Before an edit: if a sync tool replaced shard `n` since we last read or wrote it (its rev on disk
   * is not ours), read it again first, so the edit is made to that version instead of saving over it.
   */
  async #freshen(n: number): Promise<void> {
    const known = this.#stamps.get(n)
    if (known === undefined || this.#isWriting(n)) return
    // A stat, not a read: an edit must stay cheap. The stamp changes only when the file was replaced.
    const now = await this.ctx.io.stamp(shardFile(this.spec.name, n))
    if (now !== null && now !== known) await this.reloadShard(n)
  }

  #isWriting(n: number): boolean {
    return (this.#shards.get(n)?.adapter.busy ?? false) || (this.#writing.get(n) ?? 0) > 0
  }

  /** Writes shard `n` and notes how it looks on disk afterwards, counting it as ours until then. */
  async #ownWrite(n: number): Promise<void> {
    this.#writing.set(n, (this.#writing.get(n) ?? 0) + 1)
    try {
      await this.ctx.track(this.#shard(n).db.write())
      await this.#stampOf(n)
    } finally {
      const left = (this.#writing.get(n) ?? 1) - 1
      if (left === 0) this.#writing.delete(n)
      else this.#writing.set(n, left)
    }
  }

  /** Notes how shard `n` looks on disk now that we read or wrote it. */
  async #stampOf(n: number): Promise<void> {
    const stamp = await this.ctx.io.stamp(shardFile(this.spec.name, n))
    if (stamp === null) this.#stamps.delete(n)
    else this.#stamps.set(n, stamp)
  }

  /**
   * Reads shard `n` again after another computer's version arrived. False, and nothing changed, while
   * one of our own writes to it runs or starts meanwhile: that edit wins, and the sync engine looks again.
   */
  async reloadShard(n: number): Promise<boolean> {
    const shard = this.#shard(n)
    if (this.#isWriting(n)) return false
    // Stamp first: a change during the read only makes the next edit read it once more.
    const stamp = await this.ctx.io.stamp(shard.adapter.rel)
    let value: ShardData<T> | null
    try {
      value = await shard.adapter.read()
    } catch (e) {
      if (!(e instanceof FileProblem) || this.#isWriting(n)) throw e
      await this.#loadShard(n) // damaged: quarantined and restored as at open
      value = shard.db.data
    }
    if (this.#isWriting(n)) return false
    const before = [...shard.db.data.keys()]
    shard.db.data = value ?? new Map()
    if (stamp === null) this.#stamps.delete(n)
    else this.#stamps.set(n, stamp)
    for (const id of before) if (this.#where.get(id) === n && !shard.db.data.has(id)) this.#where.delete(id)
    for (const id of shard.db.data.keys()) {
      const seen = this.#where.get(id)
      if (seen === undefined || n === shardOf(id, this.#count)) this.#where.set(id, n)
    }
    this.#all = null
    return true
  }

  async idle(): Promise<void> {
    await Promise.all([...this.#shards.values()].map((s) => s.adapter.idle()))
  }
}
