// The store's side of a synced data folder (Syncthing or any tool that carries files and leaves
// `*.sync-conflict-*` copies): the .stignore, this computer's display name, noticing files another
// computer wrote while the folder is open, and merging conflict copies at open and while running.
// Merging is pure and lives in src/core/sync; the services pass one merger per collection. Every
// merged file is written through the collection's own put (validated, durable, encrypted if the
// folder is), and every copy is moved into quarantine/ with a record; nothing is ever deleted.
import { AppError } from '#shared/errors'
import { recordCodec, shardCodec, singletonCodec } from '../codec'
import { isTempName } from '../durable-write'
import { FileProblem } from '../envelope'
import { LOCAL_DIR, META_FILE, shardNumberOf, singletonFile } from '../layout'
import type { Session } from '../session'
import { FILE_RECORD_ID, type StoredRecord } from '../types'
import { parseConflictName } from '../../core/sync/conflict-name'
import { canonical } from '../../core/sync/keys'
import { decodeAs, envelopeOf, headerOf, readableText } from './decode'
import { DEVICES_DIR, DeviceNames, defaultDeviceName } from './devices'
import { copyAside, moveAside, readMergeRecords, writeMergeRecord } from './journal'
import type { FileOrigin, SyncChange, SyncConflict, SyncEvent, SyncHandle, SyncMerge, SyncOptions } from './types'
import { FolderWatcher } from './watcher'

const DEFAULT_DEBOUNCE_MS = 250
const DEFAULT_RESCAN_MS = 30_000

/** What a path in the data folder is, for the store. */
type Target =
  | { kind: 'record'; collection: string; id: string; file: string }
  | { kind: 'shard'; collection: string; shard: number; file: string }
  | { kind: 'singleton'; key: string; file: string }
  | { kind: 'other'; file: string }

/** Names the sync engine never looks at: temp files (ours and Syncthing's), the sync tool's own files. */
const ignoredName = (name: string): boolean => name.startsWith('.') || isTempName(name) || name.endsWith('.tmp')

export class SyncEngine {
  readonly #names: DeviceNames
  readonly #listeners = new Set<(e: SyncEvent) => void>()
  readonly #conflicts = new Map<string, SyncConflict>()
  #merges: SyncMerge[] = []
  #watcher: FolderWatcher | null = null
  #queue: Promise<unknown> = Promise.resolve()
  #version = 0
  #deviceName = ''

  constructor(
    readonly session: Session,
    readonly options: SyncOptions
  ) {
    this.#names = new DeviceNames(session.io)
  }

  get io() {
    return this.session.io
  }

  // ---- lifecycle --------------------------------------------------------------------------

  async start(): Promise<void> {
    // None of this may keep the data from opening (a full disk): it is tried again next open.
    await this.#names.load().catch(() => undefined)
    this.#deviceName = this.#names.get(this.session.deviceId) ?? this.options.deviceName ?? defaultDeviceName()
    await this.#names.claim(this.session.deviceId, this.#deviceName).catch(() => undefined)
    this.#merges = await readMergeRecords(this.io).catch(() => [])
    await this.#serial(() => this.#scanConflicts())
    if (this.options.watch === true) {
      this.#watcher = new FolderWatcher(this.io, {
        dirs: this.#watchedDirs(),
        ignore: ignoredName,
        debounceMs: this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
        rescanMs: this.options.rescanMs ?? DEFAULT_RESCAN_MS,
        onChange: (rels) => this.#serial(() => this.#handle(rels)),
        onError: () => undefined // a folder that vanished, a watch limit: the periodic rescan still runs
      })
      await this.#watcher.start()
    }
  }

  async stop(): Promise<void> {
    await this.#watcher?.stop()
    this.#watcher = null
    await this.#queue.catch(() => undefined)
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work)
    this.#queue = next.catch(() => undefined)
    return next
  }

  #watchedDirs(): string[] {
    const { schema } = this.session
    return ['', DEVICES_DIR, ...Object.values(schema.records).map((s) => s.name), ...Object.values(schema.sharded).map((s) => s.name)]
  }

  #emit(event: SyncEvent): void {
    this.#version++
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch {
        // a listener's failure is its own
      }
    }
  }

  // ---- what a path is ---------------------------------------------------------------------

  #target(file: string): Target {
    const slash = file.indexOf('/')
    const dir = slash === -1 ? '' : file.slice(0, slash)
    const name = slash === -1 ? file : file.slice(slash + 1)
    const { schema } = this.session
    for (const spec of Object.values(schema.records)) {
      if (spec.name === dir && name.endsWith('.json') && FILE_RECORD_ID.test(name.slice(0, -5))) {
        return { kind: 'record', collection: spec.name, id: name.slice(0, -5), file }
      }
    }
    for (const spec of Object.values(schema.sharded)) {
      const n = spec.name === dir ? shardNumberOf(name) : undefined
      if (n !== undefined) return { kind: 'shard', collection: spec.name, shard: n, file }
    }
    if (dir === '') {
      for (const [key, spec] of Object.entries(schema.singletons)) if (singletonFile(spec.name) === name) return { kind: 'singleton', key, file }
    }
    return { kind: 'other', file }
  }

  #recordStore(collection: string) {
    for (const [key, spec] of Object.entries(this.session.schema.records)) {
      if (spec.name === collection) return { spec, store: this.session.loaded.records.get(key) }
    }
    return undefined
  }

  #shardStore(collection: string) {
    for (const [key, spec] of Object.entries(this.session.schema.sharded)) {
      if (spec.name === collection) return { spec, store: this.session.loaded.sharded.get(key) }
    }
    return undefined
  }

  async origin(file: string): Promise<FileOrigin | null> {
    const header = await headerOf(this.io, file)
    return header === null ? null : this.#originOf(header)
  }

  #originOf(header: { deviceId: string; updatedAt: string; rev: number }): FileOrigin {
    return {
      deviceId: header.deviceId,
      deviceName: this.#names.get(header.deviceId),
      thisDevice: header.deviceId === this.session.deviceId,
      updatedAt: header.updatedAt,
      rev: header.rev
    }
  }

  #changeOf(target: Target, origin: FileOrigin | null): SyncChange {
    return {
      file: target.file,
      kind: target.kind,
      collection: target.kind === 'record' || target.kind === 'shard' ? target.collection : null,
      id: target.kind === 'record' ? target.id : null,
      origin
    }
  }

  // ---- files that changed while open --------------------------------------------------------

  async #handle(rels: ReadonlySet<string>): Promise<void> {
    const changes: SyncChange[] = []
    for (const rel of [...rels].sort()) {
      if (rel.startsWith(`${LOCAL_DIR}/`)) continue
      const name = rel.slice(rel.lastIndexOf('/') + 1)
      if (parseConflictName(name) !== null) {
        if ((await this.io.readRaw(rel)) !== null) await this.#mergeConflict(rel)
        else if (this.#conflicts.delete(rel)) this.#version++ // resolved elsewhere (the other computer set it aside)
        continue
      }
      if (rel.startsWith(`${DEVICES_DIR}/`)) {
        if (name.endsWith('.json')) await this.#names.reload(name.slice(0, -5))
        continue
      }
      const change = await this.#refresh(this.#target(rel))
      if (change !== null) changes.push(change)
    }
    if (changes.length > 0) this.#emit({ type: 'changed', changes })
  }

  /** Brings the store's memory up to date with a file on disk; a change when another computer wrote it. */
  async #refresh(target: Target): Promise<SyncChange | null> {
    const header = await headerOf(this.io, target.file)
    const origin = header === null ? null : this.#originOf(header)
    if (origin?.thisDevice === true) return null // our own write, already in memory
    if (target.kind === 'record') {
      const found = this.#recordStore(target.collection)?.store
      if (found === undefined) return null
      const known = found.has(target.id)
      await found.get(target.id) // re-reads a replaced file (its stamp changed) and heals its index entry
      if (origin === null && !known) return null
      return this.#changeOf(target, origin)
    }
    if (target.kind === 'shard') {
      const found = this.#shardStore(target.collection)?.store
      if (found === undefined || header === null || header.rev === found.shardRev(target.shard)) return null
      if (!(await found.reloadShard(target.shard))) {
        this.#watcher?.rescanNow().catch(() => undefined) // our own write is in flight: look again shortly
        return null
      }
      return this.#changeOf(target, origin)
    }
    if (target.kind === 'singleton') {
      await this.session.loaded.singletons.get(target.key)?.reload()
      return this.#changeOf(target, origin)
    }
    return null
  }

  // ---- conflict copies ----------------------------------------------------------------------

  async #scanConflicts(): Promise<void> {
    for (const dir of this.#watchedDirs()) {
      for (const name of await this.io.list(dir)) {
        if (ignoredName(name) || parseConflictName(name) === null) continue
        await this.#mergeConflict(dir === '' ? name : `${dir}/${name}`)
      }
    }
  }

  async #mergeConflict(copyRel: string): Promise<void> {
    const slash = copyRel.lastIndexOf('/')
    const parsed = parseConflictName(copyRel.slice(slash + 1))
    if (parsed === null) return
    const file = `${slash === -1 ? '' : copyRel.slice(0, slash + 1)}${parsed.original}`
    try {
      const result = await this.#merge(this.#target(file), copyRel)
      this.#conflicts.delete(copyRel)
      const quarantined = await moveAside(this.io, copyRel)
      await this.#record({ at: this.io.now().toISOString(), file, copy: copyRel, quarantined, ...result })
      this.#emit({ type: 'changed', changes: [this.#changeOf(this.#target(file), await this.origin(file))] })
    } catch (e) {
      // Whatever keeps it from merging (a copy that does not decode, a merge that would not validate,
      // a full disk), the copy stays where it is and the case still opens: a person decides.
      const conflict = await this.#unresolved(file, copyRel, parsed.madeAt, e instanceof Error ? e.message : String(e))
      this.#conflicts.set(copyRel, conflict)
      this.#emit({ type: 'conflict', conflict })
    }
  }

  async #record(merge: SyncMerge): Promise<void> {
    await writeMergeRecord(this.io, merge).catch(() => undefined) // the merge is done; its record is a courtesy
    this.#merges.push(merge)
    this.#emit({ type: 'merged', merge })
  }

  /** Merges the copy into `target`; throws (FileProblem or AppError) what keeps it from being merged safely. */
  async #merge(target: Target, copyRel: string): Promise<Pick<SyncMerge, 'devices' | 'notes' | 'how'>> {
    const copyRaw = await this.io.readRaw(copyRel)
    if (copyRaw === null) throw new FileProblem('the conflict copy is gone')
    if (target.kind === 'record') {
      const { spec, store } = this.#recordStore(target.collection) ?? {}
      if (spec === undefined || store === undefined) throw new FileProblem('no such collection')
      const copy = decodeAs(this.io, target.file, copyRaw, recordCodec<StoredRecord>(spec, target.id))
      const current = await store.get(target.id)
      const currentDevice = (await headerOf(this.io, target.file))?.deviceId ?? this.session.deviceId
      const devices: [string, string] = [currentDevice, copy.envelope.deviceId]
      if (current === undefined) {
        await store.put(copy.value)
        return { devices, notes: [`the file was missing: the copy's version was written back`], how: 'merged' }
      }
      const merger = this.options.records?.[target.collection]
      if (merger === undefined) throw new FileProblem(`there is no merge rule for ${target.collection}`)
      const result = merger({ record: current, device: currentDevice }, { record: copy.value, device: copy.envelope.deviceId })
      if (result.identical) return { devices, notes: ['both versions hold the same record'], how: 'identical' }
      await store.put(result.merged as StoredRecord)
      return { devices, notes: result.notes, how: 'merged' }
    }
    if (target.kind === 'shard') {
      const { spec, store } = this.#shardStore(target.collection) ?? {}
      if (spec === undefined || store === undefined) throw new FileProblem('no such collection')
      const copy = decodeAs(this.io, target.file, copyRaw, shardCodec<StoredRecord>(spec))
      await store.reloadShard(target.shard)
      const currentDevice = (await headerOf(this.io, target.file))?.deviceId ?? this.session.deviceId
      const devices: [string, string] = [currentDevice, copy.envelope.deviceId]
      const merger = this.options.shards?.[target.collection]
      if (merger === undefined) throw new FileProblem(`there is no merge rule for ${target.collection}`)
      const result = merger({ records: store.shardRecords(target.shard), device: currentDevice }, { records: [...copy.value.values()], device: copy.envelope.deviceId })
      const byId = new Map((result.records as StoredRecord[]).map((r) => [r.id, r]))
      for (const id of result.changed) {
        const record = byId.get(id)
        if (record !== undefined) await store.put(record)
      }
      return { devices, notes: result.notes, how: result.changed.length === 0 ? 'identical' : 'merged' }
    }
    if (target.kind === 'singleton') {
      const spec = this.session.schema.singletons[target.key]
      if (spec === undefined) throw new FileProblem('no such file')
      const copy = decodeAs(this.io, target.file, copyRaw, singletonCodec<unknown>(spec))
      const current = this.session.loaded.singletons.get(target.key)?.get()
      if (JSON.stringify(current) === JSON.stringify(copy.value)) {
        return { devices: [this.session.deviceId, copy.envelope.deviceId], notes: ['both versions hold the same settings'], how: 'identical' }
      }
    }
    if (target.file === META_FILE) {
      // Two computers that each opened the folder once: the same folder if versions and encryption agree.
      const current = await this.io.readRaw(META_FILE)
      const same = (x: Uint8Array): string => {
        const data = envelopeOf(this.io, META_FILE, x).data as { collections?: unknown; encryption?: unknown }
        return canonical([data.collections, data.encryption ?? null])
      }
      if (current !== null && same(current) === same(copyRaw)) {
        return { devices: [this.session.deviceId, envelopeOf(this.io, META_FILE, copyRaw).deviceId], notes: ['both describe the same folder (versions and encryption)'], how: 'identical' }
      }
    }
    throw new FileProblem(`${target.file} is not merged automatically: choose the version to keep`)
  }

  async #unresolved(file: string, copyRel: string, madeAt: string, reason: string): Promise<SyncConflict> {
    const [currentText, copyText, currentHeader, copyHeader] = await Promise.all([
      readableText(this.io, file, file),
      readableText(this.io, copyRel, file),
      headerOf(this.io, file),
      headerOf(this.io, copyRel, file)
    ])
    const target = this.#target(file)
    return {
      id: copyRel,
      file,
      madeAt,
      reason,
      current: { file, origin: currentHeader && this.#originOf(currentHeader), ...currentText },
      copy: { file: copyRel, origin: copyHeader && this.#originOf(copyHeader), ...copyText },
      canKeepCopy: copyText.readable && target.kind !== 'other' && file !== META_FILE
    }
  }

  // ---- a person's choice --------------------------------------------------------------------

  async resolve(id: string, keep: 'current' | 'copy'): Promise<void> {
    await this.#serial(async () => {
      const conflict = this.#conflicts.get(id)
      if (conflict === undefined) throw new AppError('NOT_FOUND', `There is no unresolved conflict ${id} (it may have been resolved on another computer).`)
      const devices: [string, string] = [conflict.current.origin?.deviceId ?? this.session.deviceId, conflict.copy.origin?.deviceId ?? 'unknown']
      const notes: string[] = []
      if (keep === 'copy') {
        if (!conflict.canKeepCopy) throw new AppError('INVALID_INPUT', `The conflict copy ${id} cannot be read or validated, so it cannot replace ${conflict.file}; keep the current version.`)
        const savedCurrent = await copyAside(this.io, conflict.file)
        if (savedCurrent !== null) notes.push(`the version it replaced was kept as ${savedCurrent}`)
        await this.#takeCopy(this.#target(conflict.file), id)
      }
      this.#conflicts.delete(id)
      const quarantined = await moveAside(this.io, id)
      await this.#record({ at: this.io.now().toISOString(), file: conflict.file, copy: id, quarantined, devices, notes, how: keep === 'copy' ? 'kept-copy' : 'kept-current' })
      this.#emit({ type: 'changed', changes: [this.#changeOf(this.#target(conflict.file), await this.origin(conflict.file))] })
    })
  }

  async #takeCopy(target: Target, copyRel: string): Promise<void> {
    const raw = await this.io.readRaw(copyRel)
    if (raw === null) throw new AppError('NOT_FOUND', `The conflict copy ${copyRel} is gone.`)
    if (target.kind === 'record') {
      const { spec, store } = this.#recordStore(target.collection) ?? {}
      if (spec && store) await store.put(decodeAs(this.io, target.file, raw, recordCodec<StoredRecord>(spec, target.id)).value)
    } else if (target.kind === 'shard') {
      const { spec, store } = this.#shardStore(target.collection) ?? {}
      if (spec && store) for (const record of decodeAs(this.io, target.file, raw, shardCodec<StoredRecord>(spec)).value.values()) await store.put(record)
    } else if (target.kind === 'singleton') {
      const spec = this.session.schema.singletons[target.key]
      const doc = this.session.loaded.singletons.get(target.key)
      if (spec && doc) await doc.put(decodeAs(this.io, target.file, raw, singletonCodec<unknown>(spec)).value)
    }
  }

  // ---- the handle the app uses ----------------------------------------------------------------

  handle(): SyncHandle {
    return {
      deviceName: () => this.#deviceName,
      setDeviceName: async (name) => {
        this.session.assertWritable()
        await this.#names.claim(this.session.deviceId, name)
        this.#deviceName = this.#names.get(this.session.deviceId) ?? name
      },
      origin: (file) => this.origin(file),
      conflicts: () => [...this.#conflicts.values()],
      merges: () => [...this.#merges],
      resolve: (id, keep) => this.resolve(id, keep),
      rescan: async () => {
        if (this.#watcher !== null) await this.#watcher.rescanNow()
        await this.#serial(() => this.#scanConflicts())
      },
      subscribe: (listener) => {
        this.#listeners.add(listener)
        return () => this.#listeners.delete(listener)
      },
      version: () => this.#version
    }
  }
}

