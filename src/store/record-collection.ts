// A file-per-record collection (cases): `<name>/<id>.json`, one lowdb document per record, read on
// demand. Saving a case writes that case's file only (durably, before the promise resolves); the
// summaries that listing and search need live in memory and in the local index (summary-index.ts),
// whose rewrite is debounced and off the acknowledged path.
import { Low } from 'lowdb'
import { AppError } from '#shared/errors'
import { writeBatch, replayBatch, type BatchEntry } from './batch-journal'
import { recordCodec, validateInput } from './codec'
import { type StoreContext, mapLimit } from './context'
import { ChangeLoggingMap, type ChangeCursor, type Changes } from './change-log'
import { DurableAdapter } from './durable-adapter'
import { isTempName } from './durable-write'
import { FileProblem, encodeEnvelope } from './envelope'
import { assertFileRecordId, recordFile } from './layout'
import { quarantineAndRestore } from './recovery'
import { SerialWriter } from './serial-writer'
import { type IndexData, type IndexEntry, dirMtimeMs, readIndex, summarizerId, writeIndex } from './summary-index'
import { FILE_RECORD_ID, type AnyCollectionSpec, type RecordCollection, type StoredRecord, type SummaryEntry } from './types'

/** How many recently used records stay in memory (a few MB at most). */
const RECENT_RECORDS = 256

type Slot<T> = { db: Low<T | null>; adapter: DurableAdapter<T> }

export type LoadResult = {
  /** Why the index was rebuilt, or null if it was fresh. */
  rebuilt: string | null
  /** Ids whose file is from an older version (found during a rebuild). */
  outdated: string[]
}

/** Stats the background check keeps in flight: libuv's default thread pool has 4 threads. */
const VERIFY_IN_FLIGHT = 4
/** The longest the check's synchronous stats hold the event loop at a time (see #changedInSlices). */
const VERIFY_SLICE_MS = 2

/** Records validated and encoded per turn of the event loop in a batch write. */
const ENCODE_SLICE = 250

export class FileRecordStore<T extends StoredRecord, S> implements RecordCollection<T, S> {
  readonly #entries = new ChangeLoggingMap<S>()
  readonly #slots = new Map<string, Slot<T>>()
  /** Puts and removes not yet on disk: get() returns them (null: being removed). */
  readonly #pending = new Map<string, T | null>()
  /**
   * The records read or written most recently, newest last: a case is almost always read just
   * before it is edited, and re-reading and re-validating it would double the cost of the edit.
   * Records are immutable values, so sharing them is safe.
   */
  readonly #recent = new Map<string, { record: T; stamp: string }>()
  /** Each file's stamp (size, mtime, inode) when it was last validated or written: see summary-index.ts. */
  readonly #stamps = new Map<string, string>()
  readonly #indexWriter: SerialWriter
  /** The background end of the last batch write (see batch-journal.ts); a remove waits for it. */
  #checkpoint: Promise<void> = Promise.resolve()
  /** Records of a batch whose files the checkpoint has not written yet (they are in #pending meanwhile). */
  readonly #unwritten = new Set<string>()
  #indexTimer: NodeJS.Timeout | null = null
  #closed = false
  /** The store is closing and nothing waits for the background check: it stops (see abandonCheck). */
  #checkAbandoned = false

  constructor(
    readonly ctx: StoreContext,
    readonly spec: AnyCollectionSpec
  ) {
    this.#indexWriter = new SerialWriter(() => this.#writeIndexNow())
  }

  get size(): number {
    return this.#entries.size
  }

  // ---- open -------------------------------------------------------------------------------

  /** Loads summaries from a fresh index, or rebuilds them by reading (and validating) every file. */
  async load(forceRebuild: string | null): Promise<LoadResult> {
    const { io } = this.ctx
    // A batch write a crash interrupted is finished first (its files then count as changed).
    await replayBatch(io, this.spec.name)
    // All three at once (we hold the lock: nothing else changes the folder meanwhile).
    const [names, mtimeBefore, index] = await Promise.all([
      io.list(this.spec.name),
      dirMtimeMs(io, this.spec.name),
      readIndex(io, this.spec.name)
    ])
    const ids = new Set<string>()
    let swept = false
    for (const name of names) {
      if (isTempName(name)) {
        await io.fs.rm(io.abs(`${this.spec.name}/${name}`), { force: true })
        swept = true
      } else if (name.endsWith('.json') && FILE_RECORD_ID.test(name.slice(0, -5))) ids.add(name.slice(0, -5))
    }
    // Sweeping leftovers moves the mtime; they only exist after a crash, which rebuilds anyway.
    const mtime = swept ? await dirMtimeMs(io, this.spec.name) : mtimeBefore
    const why = forceRebuild ?? this.#staleness(index, mtime, ids)
    if (why === null && index !== null) {
      for (const entry of index.entries) this.#adopt(entry)
      return { rebuilt: null, outdated: [] }
    }
    // Entries of the old index whose file is gone: a loss to report and repair, not a deletion.
    // (A record removed through the store leaves the index at once, see remove().)
    const lost = index === null || index.collectionVersion !== this.spec.version ? [] : index.entries.filter(([id]) => !ids.has(id))
    for (const entry of lost) this.#adopt(entry)
    const outdated = await this.#rebuild([...ids].sort())
    for (const [id] of lost) await this.#recoverMissing(id)
    this.#scheduleIndex(0)
    return { rebuilt: why, outdated }
  }

  #adopt([id, rev, summary, stamp, damaged]: IndexEntry): void {
    const entry: SummaryEntry<S> = { id, rev, summary: (this.spec.summarize === undefined ? undefined : summary) as S }
    if (typeof damaged === 'string') entry.damaged = damaged
    this.#entries.set(id, entry)
    if (typeof stamp === 'string') this.#stamps.set(id, stamp)
  }

  /**
   * Detection the index cannot do by itself: every listed file is stat'ed, and one whose size,
   * mtime or inode differ from when it was last validated (damaged in place, replaced, deleted)
   * is validated again, and repaired if need be, before anything else uses it. Runs in the
   * background after open (and before every backup); 10,000 stats take about 0.3 s.
   * It gives way to writes: no stat starts while a write is in flight, and only VERIFY_IN_FLIGHT are
   * ever queued, so a save waits behind at most that many stats, not behind the whole check.
   */
  async verify(): Promise<void> {
    const { io } = this.ctx
    const ids = [...this.#entries.keys()]
    // On the real file system, the stats are made at once in slices of the event loop, and only
    // the files they find changed go through the asynchronous path (which stats them again).
    const suspects = io.native ? await this.#changedInSlices(ids) : ids
    await mapLimit(suspects, VERIFY_IN_FLIGHT, async (id) => {
      await this.#afterWrites()
      if (this.#closed || this.#checkAbandoned || this.#pending.has(id)) return
      const stamp = await io.stamp(recordFile(this.spec.name, id))
      if (stamp !== null && stamp === this.#stamps.get(id)) return
      if (this.#pending.has(id) || !this.#entries.has(id)) return
      await this.#readSlot(id, this.#slot(id))
    })
  }

  /**
   * The ids whose file's stamp is not the one last validated, by synchronous stats in slices of at
   * most VERIFY_SLICE_MS, none while a write is in flight. 30,000 stats through fs.promises took
   * 1.2 s of wall time and 0.6 s of the event loop; this way they take about 0.2 s of it.
   */
  async #changedInSlices(ids: readonly string[]): Promise<string[]> {
    const { io } = this.ctx
    const changed: string[] = []
    let i = 0
    while (i < ids.length) {
      await this.#afterWrites()
      if (this.#closed || this.#checkAbandoned) return []
      const end = performance.now() + VERIFY_SLICE_MS
      do {
        const id = ids[i++]!
        if (this.#pending.has(id) || !this.#entries.has(id)) continue
        const stamp = io.stampNow(recordFile(this.spec.name, id))
        if (stamp === null || stamp !== this.#stamps.get(id)) changed.push(id)
      } while (i < ids.length && (i % 64 !== 0 || performance.now() < end))
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    return changed
  }

  /**
   * Stops the check under way at its next file (a repair already started finishes). For a close
   * that no backup waits on: the next open checks every file again, so nothing goes unseen, and a
   * short command at 30,000 cases no longer waits for 30,000 stats before it exits.
   */
  abandonCheck(): void {
    this.#checkAbandoned = true
  }

  /** Resolves once no write is in flight, then one turn later: the writer's next call (its stamp) goes first. */
  async #afterWrites(): Promise<void> {
    const { io } = this.ctx
    for (let idle = io.writesIdle(); idle !== null; idle = io.writesIdle()) {
      await idle
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  #staleness(index: IndexData | null, mtime: number, ids: Set<string>): string | null {
    if (index === null) return 'the index is missing or unreadable'
    if (index.collectionVersion !== this.spec.version || index.summarizer !== summarizerId(this.spec)) {
      return 'the index was built by another version of the app'
    }
    if (index.dirMtimeMs !== mtime) return `files in ${this.spec.name}/ changed since the index was written`
    // A record listed as damaged may have no file (it was lost, and no backup had it): expected.
    const present = index.entries.filter(([id, , , , damaged]) => ids.has(id) || typeof damaged !== 'string')
    if (present.length !== ids.size || present.some(([id]) => !ids.has(id))) {
      return `the files in ${this.spec.name}/ do not match the index`
    }
    return null
  }

  async #rebuild(ids: string[]): Promise<string[]> {
    const outdated: string[] = []
    // 16 reads in flight: enough to overlap file-system latency, small enough not to starve the loop.
    await mapLimit(ids, 16, async (id) => {
      const slot = this.#slot(id)
      const record = await this.#readSlot(id, slot)
      if (record === undefined) return
      if (slot.adapter.readVersion !== undefined && slot.adapter.readVersion < this.spec.version) outdated.push(id)
    })
    return outdated
  }

  /** Rewrites a record read from an older version in the current one (after the pre-migration backup). */
  async rewrite(id: string): Promise<void> {
    const record = await this.#readSlot(id, this.#slot(id))
    if (record === undefined) return
    const slot = this.#slot(id)
    slot.db.data = record
    try {
      await this.ctx.track(slot.db.write())
    } finally {
      this.#release(id, slot)
    }
  }

  // ---- reads ------------------------------------------------------------------------------

  summaries(): ReadonlyArray<SummaryEntry<S>> {
    return this.#entries.sorted()
  }

  /** One record's summary entry, without sorting or copying the others. */
  entry(id: string): SummaryEntry<S> | undefined {
    return this.#entries.get(id)
  }

  /** The ids whose summary changed (or went) since `cursor`: see change-log.ts. */
  changesSince(cursor: ChangeCursor | null): Changes {
    return this.#entries.changesSince(cursor)
  }

  has(id: string): boolean {
    const pending = this.#pending.get(id)
    return pending === undefined ? this.#entries.has(id) : pending !== null
  }

  async get(id: string): Promise<T | undefined> {
    if (typeof id !== 'string' || !FILE_RECORD_ID.test(id)) return undefined
    const pending = this.#pending.get(id)
    if (pending !== undefined) return pending ?? undefined
    const rel = recordFile(this.spec.name, id)
    const stamp = await this.ctx.io.stamp(rel)
    const recent = this.#recent.get(id)
    if (recent !== undefined && stamp !== null && recent.stamp === stamp && !this.#pending.has(id)) {
      this.#remember(recent.record, stamp)
      return recent.record
    }
    // The stamp is taken before the read: a change in between only makes the next get read again.
    const record = await this.#readSlot(id, this.#slot(id))
    if (record !== undefined && stamp !== null && !this.#pending.has(id)) this.#remember(record, stamp)
    else this.#recent.delete(id)
    if (record === undefined) {
      const damaged = this.#damagedError(id)
      if (damaged !== null) throw damaged
    }
    return record
  }

  #remember(record: T, stamp: string): void {
    this.#recent.delete(record.id)
    this.#recent.set(record.id, { record, stamp })
    if (this.#recent.size > RECENT_RECORDS) this.#recent.delete(this.#recent.keys().next().value as string)
  }

  /** Reads in flight by id: the background check and a get() of the same file share one read (and one repair). */
  readonly #reading = new Map<string, Promise<T | undefined>>()

  #readSlot(id: string, slot: Slot<T>): Promise<T | undefined> {
    const inFlight = this.#reading.get(id)
    if (inFlight !== undefined) return inFlight
    const work = this.#readSlotNow(id, slot).finally(() => this.#reading.delete(id))
    this.#reading.set(id, work)
    return work
  }

  /** Reads one file through its lowdb document; quarantines and restores it if it is damaged or lost. */
  async #readSlotNow(id: string, slot: Slot<T>): Promise<T | undefined> {
    slot.db.data = null // lowdb keeps the old data when the file is missing
    const rel = slot.adapter.rel
    const stamp = await this.ctx.io.stamp(rel)
    try {
      await slot.db.read()
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e
      const known = this.#entries.get(id)
      const { value, recovery } = await quarantineAndRestore(
        this.ctx.io,
        this.ctx.backups,
        rel,
        e.message,
        (bytes) => slot.adapter.decodeBytes(bytes),
        known === undefined
          ? `the ${this.spec.name} record "${id}" is no longer listed (the damaged file is kept)`
          : `the ${this.spec.name} record "${id}" stays listed as damaged, from its last known summary`
      )
      this.ctx.report(recovery)
      if (value === null) {
        this.#release(id, slot)
        this.#markDamaged(id, `${recovery.problem}; ${recovery.action}`)
        return undefined
      }
      await slot.db.read()
      this.#stamps.delete(id)
    }
    const record = slot.db.data
    this.#release(id, slot)
    if (record === null) {
      // Gone although listed (and not being removed by us): a loss.
      if (this.#entries.has(id) && !this.#pending.has(id)) return this.#recoverMissing(id)
      return undefined
    }
    const fresh = this.#stamps.has(id) ? stamp : await this.ctx.io.stamp(rel)
    if (fresh !== null) this.#stamps.set(id, fresh)
    const entry = this.#entries.get(id)
    if (entry === undefined || entry.rev !== slot.adapter.rev || entry.damaged !== undefined) this.#setEntry(record, slot.adapter.rev)
    return record
  }

  /** A listed record whose file is missing: restored from the newest good backup copy, else kept listed as damaged. */
  async #recoverMissing(id: string): Promise<T | undefined> {
    const slot = this.#slot(id)
    const wasDamaged = this.#entries.get(id)?.damaged !== undefined
    const { value, recovery } = await quarantineAndRestore(
      this.ctx.io,
      this.ctx.backups,
      slot.adapter.rel,
      'the file is missing from the data folder although the index lists it',
      (bytes) => slot.adapter.decodeBytes(bytes),
      `the ${this.spec.name} record "${id}" stays listed as lost, from its last known summary`,
      true
    )
    if (value === null) {
      this.#release(id, slot)
      // Already known to be lost and still no copy: listed as damaged, not announced at every open.
      if (!wasDamaged || recovery.action.includes('could not be written')) this.ctx.report(recovery)
      this.#markDamaged(id, wasDamaged ? (this.#entries.get(id)?.damaged ?? recovery.problem) : `${recovery.problem}; ${recovery.action}`)
      return undefined
    }
    this.ctx.report(recovery)
    slot.db.data = null
    await slot.db.read()
    const record = slot.db.data
    this.#release(id, slot)
    if (record === null) return undefined
    const stamp = await this.ctx.io.stamp(slot.adapter.rel)
    if (stamp !== null) this.#stamps.set(id, stamp)
    this.#setEntry(record, slot.adapter.rev)
    return record
  }

  #markDamaged(id: string, why: string): void {
    const entry = this.#entries.get(id)
    if (entry === undefined || entry.damaged === why) return
    this.#entries.set(id, { ...entry, damaged: why })
    this.#stamps.delete(id)
    this.#changed()
  }

  /** CORRUPT_DATA for a record listed as damaged (get() says so instead of "not found"). */
  #damagedError(id: string): AppError | null {
    const why = this.#entries.get(id)?.damaged
    if (why === undefined) return null
    return new AppError('CORRUPT_DATA', `The file ${recordFile(this.spec.name, id)} is damaged: ${why}.`, { id, file: recordFile(this.spec.name, id) })
  }

  /** Drops an idle slot: 10,000 records must not stay in memory because they were read once. */
  #release(id: string, slot: Slot<T>): void {
    slot.db.data = null
    if (!slot.adapter.busy && this.#slots.get(id) === slot) this.#slots.delete(id)
  }

  // ---- writes -----------------------------------------------------------------------------

  async put(record: T): Promise<void> {
    const parsed = validateInput(this.spec.schema, record, this.spec.name) as T
    // Its batch file not on disk yet: wait for it, or the two writers of one file would race.
    if (this.#unwritten.has(parsed.id)) await this.#checkpoint.catch(() => undefined)
    assertFileRecordId(this.spec.name, parsed.id)
    const slot = this.#slot(parsed.id)
    this.#recent.delete(parsed.id)
    this.#pending.set(parsed.id, parsed)
    slot.db.data = parsed
    let written = false
    try {
      await this.ctx.track(slot.db.write())
      written = true
    } finally {
      if (this.#pending.get(parsed.id) === parsed) {
        this.#pending.delete(parsed.id)
        this.#release(parsed.id, slot)
      }
    }
    // What was just written is what the next edit will read: keep it, stamped as it now is on disk.
    const stamp = written && !this.#pending.has(parsed.id) ? await this.ctx.io.stamp(recordFile(this.spec.name, parsed.id)) : null
    if (stamp !== null && !this.#pending.has(parsed.id)) {
      this.#remember(parsed, stamp)
      this.#stamps.set(parsed.id, stamp)
    }
  }

  /**
   * Many new or changed records in one durable write (batch-journal.ts): every record is validated
   * first (one bad record: nothing is written), then the journal makes them all durable at once.
   * The summaries change as a single put's would (the same #setEntry), once the batch is durable.
   */
  async putMany(records: ReadonlyArray<T>): Promise<void> {
    if (new Set(records.map((p) => p.id)).size !== records.length) throw new AppError('INTERNAL', `A batch of ${this.spec.name} lists one record twice.`)
    if (records.length === 0) return
    // One batch at a time: the journal file is the collection's, and the last batch's checkpoint
    // removes it when done, so a second journal written meanwhile would lose its protection.
    await this.#checkpoint.catch(() => undefined)
    const { io } = this.ctx
    const updatedAt = io.now().toISOString()
    const parsed: T[] = []
    const entries: Array<BatchEntry & { record: T }> = []
    try {
      // Validated and encoded in slices, the loop free between them: a batch of 10,000 is about a
      // second of work, and the app's other requests must not wait that long. Each record is
      // pending from the moment it is checked, so no single write can slip in beside the batch.
      for (const record of records) {
        const p = validateInput(this.spec.schema, record, this.spec.name) as T
        assertFileRecordId(this.spec.name, p.id)
        if (this.#pending.has(p.id) || this.#slots.get(p.id)?.adapter.busy) throw new AppError('INTERNAL', `${this.spec.name} record "${p.id}" is being written; it cannot join a batch.`)
        const rel = recordFile(this.spec.name, p.id)
        const before = this.#slots.get(p.id)?.adapter.rev ?? this.#entries.get(p.id)?.rev ?? 0
        const rev = before + 1
        const plain = encodeEnvelope({ schemaVersion: this.spec.version, rev, deviceId: this.ctx.deviceId, updatedAt, data: recordCodec<T>(this.spec, p.id).encode(p) })
        entries.push({ rel, rev, bytes: io.cipher.encrypt(rel, plain), record: p })
        parsed.push(p)
        this.#recent.delete(p.id)
        this.#pending.set(p.id, p)
        if (parsed.length % ENCODE_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } catch (e) {
      for (const p of parsed) if (this.#pending.get(p.id) === p) this.#pending.delete(p.id)
      throw e
    }
    let checkpoint: Promise<void>
    try {
      await io.ensureDirOf(entries[0]!.rel)
      // Durable from here (the journal); the files follow in the background, and until each is on
      // disk the record is served from #pending.
      checkpoint = (
        await this.ctx.track(
          writeBatch(io, this.spec.name, entries, {
            stillCurrent: ({ record }) => this.#pending.get(record.id) === record,
            written: ({ record }, stamp) => {
              this.#unwritten.delete(record.id)
              if (this.#pending.get(record.id) !== record) return
              this.#pending.delete(record.id)
              if (stamp !== null) this.#stamps.set(record.id, stamp)
            }
          })
        )
      ).checkpoint
    } catch (e) {
      for (const p of parsed) if (this.#pending.get(p.id) === p) this.#pending.delete(p.id)
      throw e
    }
    for (const { rev, record } of entries) {
      this.#unwritten.add(record.id)
      const slot = this.#slots.get(record.id)
      if (slot !== undefined) slot.adapter.rev = rev
    }
    this.#entries.setMany(entries.map(({ record, rev }) => this.#entryOf(record, rev)))
    this.#changed()
    // Its failure leaves the journal, which the next open replays; until then the records stay in memory.
    this.#checkpoint = this.ctx.track(checkpoint)
    this.#checkpoint.catch(() => undefined)
  }

  async remove(id: string): Promise<void> {
    // A batch still being checkpointed could bring the file back at the next open: let it finish.
    await this.#checkpoint.catch(() => undefined)
    if (!this.has(id)) throw new AppError('NOT_FOUND', `There is no ${this.spec.name} record with id "${id}".`)
    const slot = this.#slot(id)
    this.#recent.delete(id)
    this.#pending.set(id, null)
    // The index forgets it BEFORE the file goes: a listed id whose file is missing is treated as a
    // loss at the next open, so a crash between the two must leave the file, not the entry (a file
    // the index does not list is simply read again: the unacknowledged remove did not happen).
    const entry = this.#entries.get(id)
    this.#entries.delete(id)
    this.#stamps.delete(id)
    try {
      await this.#indexWriter.run()
      await this.ctx.track(slot.adapter.remove())
    } catch (e) {
      if (entry !== undefined && !this.#entries.has(id)) {
        this.#entries.set(id, entry)
        this.#changed()
      }
      throw e
    } finally {
      if (this.#pending.get(id) === null) {
        this.#pending.delete(id)
        this.#release(id, slot)
      }
    }
  }

  #slot(id: string): Slot<T> {
    let slot = this.#slots.get(id)
    if (slot === undefined) {
      const adapter: DurableAdapter<T> = new DurableAdapter<T>(
        this.ctx.io,
        recordFile(this.spec.name, id),
        recordCodec<T>(this.spec, id),
        this.ctx.deviceId,
        {
          // Summaries change only once the write is durable (see summary-index.ts, point 4).
          onWritten: (value, rev) => this.#setEntry(value, rev),
          onRemoved: () => {
            this.#stamps.delete(id)
            if (this.#entries.delete(id)) this.#changed()
          }
        },
        this.#entries.get(id)?.rev ?? 0
      )
      slot = { adapter, db: new Low<T | null>(adapter, null) }
      this.#slots.set(id, slot)
    }
    return slot
  }

  /** The bytes to back up for the record file `id`: its own if they validate, else the repaired ones (see backups.ts). */
  async checkedBytes(id: string, raw: Uint8Array): Promise<Uint8Array | null> {
    const slot = this.#slot(id)
    try {
      slot.adapter.decodeBytes(raw)
      this.#release(id, slot)
      return raw
    } catch (e) {
      this.#release(id, slot)
      if (!(e instanceof FileProblem)) throw e
    }
    const record = await this.#readSlot(id, this.#slot(id))
    return record === undefined ? null : this.ctx.io.readRaw(recordFile(this.spec.name, id))
  }

  #entryOf(record: T, rev: number): SummaryEntry<S> {
    const summary = (this.spec.summarize === undefined ? undefined : this.spec.summarize(record)) as S
    return { id: record.id, rev, summary }
  }

  #setEntry(record: T, rev: number): void {
    this.#entries.set(record.id, this.#entryOf(record, rev))
    this.#changed()
  }

  #changed(): void {
    this.#scheduleIndex(this.ctx.indexDebounceMs)
  }

  // ---- the index --------------------------------------------------------------------------

  #scheduleIndex(delayMs: number): void {
    if (this.#closed) return
    if (this.#indexTimer !== null) clearTimeout(this.#indexTimer)
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = null
      // A failed index write is harmless (it is rebuilt); never let it surface as an unhandled rejection.
      void this.ctx.track(this.#indexWriter.run()).catch(() => undefined)
    }, delayMs)
    this.#indexTimer.unref()
  }

  async #writeIndexNow(): Promise<void> {
    // mtime first, then the snapshot: see summary-index.ts, point 4.
    const mtime = await dirMtimeMs(this.ctx.io, this.spec.name)
    const entries = this.summaries().map((e): IndexEntry => [e.id, e.rev, e.summary, this.#stamps.get(e.id) ?? null, e.damaged ?? null])
    await writeIndex(this.ctx.io, this.spec.name, {
      format: 1,
      collectionVersion: this.spec.version,
      summarizer: summarizerId(this.spec),
      dirMtimeMs: mtime,
      entries
    })
  }

  /** Waits for record writes (a batch's files too: a backup reads them from disk), then writes the index now if it is due. */
  async flush(): Promise<void> {
    await this.#checkpoint.catch(() => undefined)
    await Promise.all([...this.#slots.values()].map((s) => s.adapter.idle()))
    if (this.#indexTimer !== null) {
      clearTimeout(this.#indexTimer)
      this.#indexTimer = null
      await this.#indexWriter.run().catch(() => undefined)
    }
    await this.#indexWriter.idle()
  }

  /** After flush: no more index writes (the store is closing). */
  stop(): void {
    this.#closed = true
    if (this.#indexTimer !== null) clearTimeout(this.#indexTimer)
    this.#indexTimer = null
  }
}
