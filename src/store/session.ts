// One open data folder: the lock, the loaded collections, pending work, recoveries, backups.
// open-store.ts wraps it in the typed Store facade.
import { parseConflictName } from '../core/sync/conflict-name'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '#shared/errors'
import { AttachmentStore } from './attachments'
import { BackupStore } from './backups'
import type { StoreContext } from './context'
import { isTempName } from './durable-write'
import { type Cipher, createEncryption, plainCipher, unlockEncryption } from './encryption'
import { FileProblem, newerVersionError } from './envelope'
import type { FileIo } from './file-io'
import { ATTACHMENTS_DIR, BACKUPS_DIR, DEVICE_FILE, LOCAL_DIR, LOCK_FILE, META_FILE, RESTORE_MARKER, shardNumberOf, singletonFile } from './layout'
import type { Lock } from './lock'
import { type Meta, decodeMeta, writeMeta } from './meta'
import { FileRecordStore } from './record-collection'
import { quarantine, quarantineAndRestore } from './recovery'
import { type Unlocked, encryptionStripped, findEncryptedFile, probeOf } from './preflight'
import { appendJournal } from './journal'
import { applyBackup, loadRestorableBackup, unfinishedRestore } from './restore'
import { ShardedStore } from './sharded-collection'
import { SingletonDoc } from './singleton'
import type { DataCheck, OpenStoreOptions, Recovery, StoreSchema, StoredRecord } from './types'
import { codeIdOf, ValidatedCache } from './validated-cache'

type Loaded = {
  meta: Meta
  metaRev: number
  singletons: Map<string, SingletonDoc<unknown>>
  sharded: Map<string, ShardedStore<StoredRecord>>
  records: Map<string, FileRecordStore<StoredRecord, unknown>>
}

const DeviceSchema = z.object({ deviceId: z.string().min(1) })

export class Session {
  readonly recoveries: Recovery[] = []
  readonly #listeners = new Set<(r: Recovery) => void>()
  readonly #pending = new Set<Promise<unknown>>()
  deviceId = ''
  readonly backups: BackupStore
  readonly attachments: AttachmentStore
  #loaded: Loaded | null = null
  #validated: ValidatedCache | undefined
  #state: 'open' | 'restoring' | 'closed' = 'open'
  /** Runs once the data is loaded, before open() returns and before the daily backup starts. */
  beforeReady: (() => Promise<void>) | null = null
  #expected: ReadonlySet<string> | undefined
  #closing: Promise<void> | null = null
  /** Set by openStore from its preflight: the passphrase already checked against meta.json. */
  unlocked: Unlocked | null = null
  /** The background check of every record file after open; backups wait for it. */
  #verified: Promise<void> = Promise.resolve()
  /** Open's background work, while deferred (OpenStoreOptions.deferBackground): its fallback timer. */
  #deferred: { timer: ReturnType<typeof setTimeout> } | null = null

  constructor(
    readonly schema: StoreSchema,
    readonly io: FileIo,
    readonly lock: Lock,
    readonly options: OpenStoreOptions
  ) {
    this.backups = new BackupStore(io, {
      counts: () => this.counts(),
      flush: () => this.flushWrites(),
      check: (rel, raw) => this.#checkFile(rel, raw),
      // Only attachments grow large; anything else this big is read whole by check.
      checkLarge: async (rel) => {
        const [top, , third] = rel.split('/')
        return top === ATTACHMENTS_DIR && third !== undefined ? this.attachments.isWhole(third) : false
      }
    })
    this.attachments = new AttachmentStore(io, (w) => this.track(w), { backups: () => this.backups, report: (r) => this.report(r) })
  }

  get loaded(): Loaded {
    if (this.#loaded === null) throw new AppError('INTERNAL', 'The store is not loaded.')
    return this.#loaded
  }

  /** Throws unless the store can take writes now. */
  assertWritable(): void {
    if (this.#state === 'closed') throw new AppError('INTERNAL', `The store for ${this.io.dataDir} is closed.`)
    if (this.#state === 'restoring') {
      throw new AppError('CONFLICT', 'A backup is being restored; try again when it is done.')
    }
    if (this.#closing !== null) throw new AppError('INTERNAL', `The store for ${this.io.dataDir} is closing; the change was not made.`)
  }

  assertOpen(): void {
    if (this.#state === 'closed') throw new AppError('INTERNAL', `The store for ${this.io.dataDir} is closed.`)
  }

  get ctx(): StoreContext {
    return {
      io: this.io,
      deviceId: this.deviceId,
      backups: this.backups,
      report: (r) => this.report(r),
      track: (w) => this.track(w),
      indexDebounceMs: this.options.indexDebounceMs ?? 1000,
      ...(this.#validated ? { validated: this.#validated } : {}),
      ...(this.#expected ? { expected: this.#expected } : {})
    }
  }

  /** Every repair, restore and loss: kept for this session, appended to the journal, told to listeners. */
  report(recovery: Recovery): void {
    this.recoveries.push(recovery)
    // A journal that cannot be written (disk full) must not hide the report itself.
    this.track(appendJournal(this.io, recovery)).catch(() => undefined)
    for (const listener of this.#listeners) listener(recovery)
  }

  /** Validates every listed record file whose stamp changed (see FileRecordStore.verify). */
  async verifyRecords(): Promise<void> {
    await Promise.all([...this.loaded.records.values()].map((r) => r.verify()))
  }

  /** The "Check data" action (see Store.check). */
  async check(): Promise<DataCheck> {
    const from = this.recoveries.length
    await this.verifyRecords()
    const attachments = await this.attachments.verify()
    const list = await this.backups.list()
    const damagedRecords: Record<string, string[]> = {}
    for (const [key, store] of this.loaded.records) {
      const ids = store.summaries().filter((e) => e.damaged !== undefined).map((e) => e.id)
      if (ids.length > 0) damagedRecords[key] = ids
    }
    return {
      attachments,
      damagedRecords,
      backups: { checked: list.length, damaged: list.flatMap((b) => (b.damaged === undefined ? [] : [{ id: b.id, damaged: b.damaged }])) },
      recoveries: this.recoveries.slice(from)
    }
  }

  /** The bytes a backup may hold for `rel` (see BackupDeps.check). */
  async #checkFile(rel: string, raw: Uint8Array): Promise<Uint8Array | null> {
    const loaded = this.#loaded
    if (loaded === null) return raw
    const [top, name, third] = rel.split('/')
    // A sync tool's conflict copy is not a record of ours to repair: the sync engine merges it or
    // keeps it for the user's choice, and a backup holds it as it is.
    if (name !== undefined && parseConflictName(name) !== null) return raw
    if (top === ATTACHMENTS_DIR && third !== undefined) return this.attachments.checkedBytes(third, raw)
    for (const [key, spec] of Object.entries(this.schema.records)) {
      if (top === spec.name && name !== undefined && name.endsWith('.json') && third === undefined) {
        return loaded.records.get(key)?.checkedBytes(name.slice(0, -5), raw) ?? raw
      }
    }
    for (const [key, spec] of Object.entries(this.schema.sharded)) {
      const n = name === undefined ? undefined : shardNumberOf(name)
      const store = loaded.sharded.get(key)
      if (top === spec.name && n !== undefined && store !== undefined) {
        const problem = store.problemWith(n, raw)
        if (problem === null) return raw
        await store.repairFromMemory(n, problem)
        return this.io.readRaw(rel)
      }
    }
    for (const [key, spec] of Object.entries(this.schema.singletons)) {
      const doc = loaded.singletons.get(key)
      if (rel === singletonFile(spec.name) && doc !== undefined) {
        const problem = doc.problemWith(raw)
        if (problem === null) return raw
        await doc.repairFromMemory(problem)
        return this.io.readRaw(rel)
      }
    }
    if (rel === META_FILE) {
      try {
        decodeMeta(raw, this.io.dataDir)
        return raw
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e
        const at = this.io.now()
        const aside = await quarantine(this.io, META_FILE, at)
        await writeMeta(this.io, loaded.meta, ++loaded.metaRev, this.deviceId)
        this.report({ file: META_FILE, problem: e.message, action: `moved aside to ${aside}; rewrote it from the copy the app had loaded`, at: at.toISOString(), quarantined: aside })
        return this.io.readRaw(META_FILE)
      }
    }
    return raw
  }

  onRecovery(listener: (r: Recovery) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work)
    const done = (): void => {
      this.#pending.delete(work)
    }
    work.then(done, done)
    return work
  }

  // ---- open -------------------------------------------------------------------------------

  async open(): Promise<void> {
    // Sweep first: writing device.json makes a temp file in .local/ that the sweep would take.
    if (this.io.readOnly === null) await Promise.all([
      // backups/ is not the data: one that cannot be read (a file in its place, no permission) must
      // not keep the data from opening. The daily backup below then fails and says so.
      this.#sweepTemp(BACKUPS_DIR).catch(() => undefined),
      this.#sweepTemp(LOCAL_DIR),
      this.#sweepTemp('')
    ])
    this.deviceId = await this.#deviceId()
    let force: string | null = null
    if (this.lock.tookOver !== null) {
      const held = this.lock.tookOver
      force = 'the previous session did not close cleanly'
      this.report({
        file: LOCK_FILE,
        problem: `left by Access Advocate (${held.holder}), process ${held.pid} on ${held.hostname} since ${held.since}, which is no longer running: that session did not close cleanly`,
        action: 'took the lock over; the local index is rebuilt from the record files',
        at: this.io.now().toISOString(),
        kind: 'notice'
      })
    }
    const unfinished = await unfinishedRestore(this.io)
    if (unfinished !== null && this.io.readOnly !== null) {
      throw new AppError('DATA_DIR_UNWRITABLE', `A restore into ${this.io.dataDir} was interrupted; it must be finished before the folder can be read, and the folder was opened read-only (${this.io.readOnly}).`)
    }
    if (unfinished !== null) {
      // The cipher must be known before the backup's files can be checked: load meta first.
      const { meta } = await this.#meta()
      this.io.cipher = await this.#cipherFor(meta)
      const files = await loadRestorableBackup(this.io, this.backups, unfinished, meta)
      await applyBackup(this.io, unfinished, files)
      force = `a restore from backup ${unfinished} was finished`
      this.report({
        file: RESTORE_MARKER,
        problem: `the restore from backup ${unfinished} was interrupted`,
        action: 'finished it before opening',
        at: this.io.now().toISOString(),
        kind: 'notice'
      })
    }
    await this.#load(force)
    // The sync engine (store/sync): merges conflict copies before anything reads the data (never
    // in a read-only open, which writes nothing).
    if (this.beforeReady !== null && this.io.readOnly === null) await this.beforeReady()
    const defer = this.options.deferBackground
    if (defer === undefined) {
      this.#background()
      return
    }
    // Unref'd: a process with nothing else left to do may end; close() starts what must not be lost.
    const timer = setTimeout(() => this.startBackground(), defer.fallbackMs)
    timer.unref?.()
    this.#deferred = { timer }
  }

  /** Starts open's background work if it was deferred and has not started (see Store.startBackground). */
  startBackground(): void {
    if (this.#deferred === null || this.#state !== 'open' || this.#closing !== null) return
    this.#startDeferred()
  }

  #startDeferred(): void {
    if (this.#deferred === null) return
    clearTimeout(this.#deferred.timer)
    this.#deferred = null
    this.#background()
  }

  #background(): void {
    // In the background: open returns now; close() and flush() wait for it. Damage the index
    // cannot see (a file changed in place, deleted) is found here, before the daily backup copies
    // anything. Neither throws: a failed backup is kept in backups.status(), a repair is reported.
    this.#verified = this.track(this.verifyRecords().catch(() => undefined))
    if (this.options.dailyBackup !== false && this.io.readOnly === null) {
      this.track(this.backups.daily(() => !this.#isEmpty(), this.#verified))
    }
  }

  #isEmpty(): boolean {
    const { records, sharded } = this.loaded
    return [...records.values()].every((r) => r.summaries().length === 0) && [...sharded.values()].every((c) => c.all().length === 0)
  }

  async #deviceId(): Promise<string> {
    const raw = await this.io.readRaw(DEVICE_FILE)
    if (raw !== null) {
      try {
        return DeviceSchema.parse(JSON.parse(Buffer.from(raw).toString('utf8'))).deviceId
      } catch {
        // damaged: a new id is harmless (it only names the writer in envelopes)
      }
    }
    if (this.io.readOnly !== null) return 'read-only'
    const deviceId = randomUUID()
    await this.io.writeRaw(DEVICE_FILE, Buffer.from(JSON.stringify({ deviceId })))
    return deviceId
  }

  async #sweepTemp(relDir: string): Promise<void> {
    for (const name of await this.io.list(relDir)) {
      if (isTempName(name)) await this.io.fs.rm(this.io.abs(relDir === '' ? name : `${relDir}/${name}`), { force: true })
    }
  }

  /** meta.json, created if the folder is new; recovered from a backup if damaged. */
  async #meta(): Promise<{ meta: Meta; rev: number; created: boolean; fresh: boolean }> {
    const raw = await this.io.readRaw(META_FILE)
    if (raw !== null) {
      try {
        return { ...decodeMeta(raw, this.io.dataDir), created: false, fresh: false }
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e
        const { value, recovery } = await quarantineAndRestore(
          this.io,
          this.backups,
          META_FILE,
          e.message,
          (bytes) => decodeMeta(bytes, this.io.dataDir),
          'a new one was written'
        )
        this.report(recovery)
        if (value !== null) return { ...value, created: false, fresh: false }
      }
    }
    if (raw === null && (await this.#dataFileCount()) > 0) {
      // Lost, not new: the folder holds data. Bring it back from the newest backup holding it.
      const { value, recovery } = await quarantineAndRestore(
        this.io,
        this.backups,
        META_FILE,
        'the file is missing although the folder holds data',
        (bytes) => decodeMeta(bytes, this.io.dataDir),
        'a new one is written',
        true
      )
      this.report(recovery)
      if (value !== null) return { ...value, created: false, fresh: false }
    }
    if (await this.#holdsEncryptedData()) {
      throw new AppError(
        'CORRUPT_DATA',
        `The data folder ${this.io.dataDir} is encrypted but its ${META_FILE} (which holds what is needed to ` +
          'unlock it) is missing or damaged, and no backup holds a good copy. Nothing was changed.'
      )
    }
    // A new folder, or one whose meta.json was lost: versions unknown (0), so every file is checked.
    const versions: Record<string, number> = {}
    const fresh = (await this.#dataFileCount()) === 0
    for (const spec of this.#allSpecs()) versions[spec.name] = fresh ? spec.version : 0
    return { meta: { createdAt: this.io.now().toISOString(), collections: versions }, rev: 0, created: true, fresh }
  }

  async #holdsEncryptedData(): Promise<boolean> {
    return (await findEncryptedFile(this.io, this.schema)) !== null
  }

  async #dataFileCount(): Promise<number> {
    let n = 0
    for (const spec of Object.values(this.schema.singletons)) {
      if ((await this.io.readRaw(singletonFile(spec.name))) !== null) n++
    }
    for (const spec of [...Object.values(this.schema.sharded), ...Object.values(this.schema.records)]) {
      n += (await this.io.list(spec.name)).length
    }
    return n
  }

  #allSpecs(): { name: string; version: number }[] {
    return [
      ...Object.values(this.schema.singletons),
      ...Object.values(this.schema.sharded),
      ...Object.values(this.schema.records)
    ]
  }

  async #cipherFor(meta: Meta): Promise<Cipher> {
    const passphrase = this.options.passphrase
    if (meta.encryption === undefined) {
      const encrypted = await findEncryptedFile(this.io, this.schema)
      if (encrypted !== null) throw encryptionStripped(this.io.dataDir, encrypted)
      if (passphrase !== undefined) {
        throw new AppError(
          'WRONG_PASSPHRASE',
          `The data folder ${this.io.dataDir} is not encrypted; open it without a passphrase. Nothing was changed.`
        )
      }
      return plainCipher
    }
    if (passphrase === undefined) {
      throw new AppError('WRONG_PASSPHRASE', `The data folder ${this.io.dataDir} is encrypted: enter its passphrase to open it.`)
    }
    // Checked already before the lock was taken (see preflight.ts): not derived twice.
    if (this.unlocked !== null && this.unlocked.params === JSON.stringify(meta.encryption)) return this.unlocked.cipher
    return unlockEncryption(passphrase, meta.encryption, this.io.dataDir, probeOf(this.io, this.schema))
  }

  async #load(forceRebuild: string | null): Promise<void> {
    const found = await this.#meta()
    const { meta } = found
    let metaRev = found.rev

    // Refuse a folder a newer app wrote, before reading (let alone writing) anything else.
    for (const spec of this.#allSpecs()) {
      const known = meta.collections[spec.name]
      if (known !== undefined && known > spec.version) throw newerVersionError(spec.name, known, spec.version, this.io.dataDir)
    }

    if (found.fresh && this.options.passphrase !== undefined) {
      const { params, cipher } = await createEncryption(this.options.passphrase)
      meta.encryption = params
      this.io.cipher = cipher
    } else {
      this.io.cipher = await this.#cipherFor(meta)
    }
    if (found.created && this.io.readOnly === null) await writeMeta(this.io, meta, ++metaRev, this.deviceId)

    this.#expected = await this.backups.newestEntries()
    this.#validated = await ValidatedCache.load(
      this.io,
      codeIdOf(this.options.codeVersion ?? 'unversioned', [...Object.values(this.schema.singletons), ...Object.values(this.schema.sharded)])
    )
    // Every collection at once: their file reads overlap (opening is mostly waiting on the disk).
    const ctx = this.ctx
    const singletons = new Map<string, SingletonDoc<unknown>>()
    const sharded = new Map<string, ShardedStore<StoredRecord>>()
    const records = new Map<string, FileRecordStore<StoredRecord, unknown>>()
    const outdatedRecords = new Map<string, string[]>()
    await Promise.all([
      ...Object.entries(this.schema.singletons).map(async ([key, spec]) => {
        singletons.set(key, await SingletonDoc.load(ctx, spec))
      }),
      ...Object.entries(this.schema.sharded).map(async ([key, spec]) => {
        sharded.set(key, await ShardedStore.load(ctx, spec))
      }),
      ...Object.entries(this.schema.records).map(async ([key, spec]) => {
        const store = new FileRecordStore<StoredRecord, unknown>(ctx, spec)
        // A collection last written at an older version: read every file once to find what to migrate.
        const behind = (meta.collections[spec.name] ?? 0) < spec.version ? `${spec.name} must be migrated` : null
        const { outdated } = await store.load(forceRebuild ?? behind)
        records.set(key, store)
        if (outdated.length > 0) outdatedRecords.set(key, outdated)
      })
    ])
    this.#loaded = { meta, metaRev, singletons, sharded, records }
    const validated = this.#validated
    this.track(validated.save()).catch(() => undefined)

    // Migrations: one backup of the old files first, then rewrite each outdated file once.
    const outdatedSingletons = [...singletons.values()].filter((s) => s.outdated)
    const outdatedShards = [...sharded.values()].map((s) => ({ store: s, shards: s.outdatedShards() })).filter((s) => s.shards.length > 0)
    if (this.io.readOnly !== null) return // migrated in memory only; nothing is rewritten
    if (outdatedSingletons.length + outdatedShards.length + outdatedRecords.size > 0) {
      await this.backups.create('pre-migration')
      for (const s of outdatedSingletons) await s.rewrite()
      for (const { store, shards } of outdatedShards) for (const n of shards) await store.rewrite(n)
      for (const [key, ids] of outdatedRecords) {
        const store = records.get(key)
        if (store !== undefined) for (const id of ids) await store.rewrite(id)
      }
    }
    let metaChanged = false
    for (const spec of this.#allSpecs()) {
      if (meta.collections[spec.name] !== spec.version) {
        meta.collections[spec.name] = spec.version
        metaChanged = true
      }
    }
    if (metaChanged) await writeMeta(this.io, meta, ++metaRev, this.deviceId)
    this.#loaded.metaRev = metaRev
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {}
    const loaded = this.#loaded
    if (loaded !== null) {
      for (const [key, s] of loaded.sharded) out[key] = s.size
      for (const [key, s] of loaded.records) out[key] = s.size
    }
    out['attachments'] = await this.attachments.count()
    return out
  }

  // ---- restore ----------------------------------------------------------------------------

  async restore(id: string): Promise<void> {
    this.assertWritable()
    const files = await loadRestorableBackup(this.io, this.backups, id, this.loaded.meta)
    await this.backups.create('pre-restore')
    this.#state = 'restoring'
    try {
      await this.flush()
      for (const store of this.loaded.records.values()) store.stop()
      await applyBackup(this.io, id, files)
      this.io.forgetDirs()
      await this.#load(`restored from backup ${id}`)
    } finally {
      if (this.#state === 'restoring') this.#state = 'open'
    }
  }

  // ---- flush / close ----------------------------------------------------------------------

  /** Every record, shard and singleton write (not the index, not the background backup). */
  async flushWrites(): Promise<void> {
    const loaded = this.#loaded
    if (loaded === null) return
    await Promise.all([...loaded.sharded.values()].map((s) => s.idle()))
    await Promise.all([...loaded.records.values()].map((s) => s.flush()))
    await this.#validated?.save().catch(() => undefined)
  }

  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
    await this.flushWrites()
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  /** Refuses new changes, waits for those under way (and the background work), then releases the lock. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#state === 'closed') return
      if (this.#deferred !== null) {
        // Never started (a session too short for the window's first caseload): a daily backup that
        // close() waits for is taken now; without one, the check is skipped, as it would be abandoned.
        const waitsForBackup = this.options.dailyBackup !== false && this.options.dailyBackup !== 'abandon-on-close' && this.io.readOnly === null
        if (waitsForBackup) this.#startDeferred()
        else {
          clearTimeout(this.#deferred.timer)
          this.#deferred = null
        }
      }
      if (this.options.dailyBackup === 'abandon-on-close') this.backups.abandonDaily()
      // No backup will copy the files the background check vouches for: it may stop where it is.
      if (this.options.dailyBackup === 'abandon-on-close' || this.options.dailyBackup === false || this.io.readOnly !== null) {
        for (const store of this.#loaded?.records.values() ?? []) store.abandonCheck()
      }
      await this.flush()
      this.#state = 'closed'
      for (const store of this.#loaded?.records.values() ?? []) store.stop()
      await this.lock.release()
    })()
    return this.#closing
  }
}
