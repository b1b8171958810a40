// Backups: `backups/<id>.zip`, a zip of the data folder as it is on disk (so an encrypted folder's
// backups hold encrypted files), plus `backups/<id>.json`, the manifest (date, reason, counts)
// that list/preview read without opening the zip. The manifest is also inside the zip.
// Every manifest lists the SHA-256 of each entry: a backup is checked against it before it is
// listed as healthy, before any entry is used to repair a file and before a restore, and a
// damaged one is listed as damaged. Entry names are checked (no absolute path, no '..', nothing
// outside the data folder's own layout) and sizes bounded, so a crafted zip cannot write outside
// the folder or fill memory.
// Backups stream to and from disk: the zip is written to a temp file as it is made (each file read
// in chunks, then fsynced and renamed), and read back in chunks; entries not wanted are skipped
// without being decompressed. Building a zip never blocks the event loop for long: it yields
// every few ms.
import { createHash } from 'node:crypto'
import { dirname } from 'node:path'
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough, type UnzipFile } from 'fflate'
import { z } from 'zod'
import { fsyncDir, tempNameFor } from './durable-write'
import { errnoOf } from './fs-errors'
import { AppError } from '#shared/errors'
import { listDataFiles } from './data-files'
import type { FileIo } from './file-io'
import { toAppError } from './fs-errors'
import { ATTACHMENTS_DIR, BACKUPS_DIR, NOT_BACKED_UP, RESTORED_FROM, isSafeRelPath } from './layout'
import type { BackupFailure, BackupInfo, BackupReason, BackupStatus } from './types'

export const MANIFEST_IN_ZIP = '.manifest.json'
const KEEP_DAILY = 14
/** Automatic backups other than dailies: keep the most recent of each reason. Manual ones are kept. */
const KEEP_AUTOMATIC = 10

const ReasonSchema = z.enum(['daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore'])
const ManifestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: ReasonSchema,
  bytes: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  /** SHA-256 (hex) of every entry; absent in backups made before it was added (those are only checked to unzip). */
  entries: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional()
})
type Manifest = z.infer<typeof ManifestSchema>

/** A single entry, and a whole backup, may not unpack to more than this (a zip bomb is refused). */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024
const MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024

/** Files up to this size are read whole and checked before they are copied; larger ones are checked by streaming. */
const CHECK_WHOLE_BYTES = 16 * 1024 * 1024


/** Why an entry name cannot be restored into a data folder, or null if it can. */
export function unsafeEntryName(name: string): string | null {
  if (!isSafeRelPath(name)) return `the entry ${JSON.stringify(name)} points outside the data folder`
  const top = name.split('/')[0] as string
  if (NOT_BACKED_UP.has(top)) return `the entry ${JSON.stringify(name)} is not part of a data folder's backed-up files`
  return null
}

const ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_(daily|manual|pre-migration|pre-import|pre-restore)(-\d+)?$/

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Same calendar day in the computer's time zone (a "daily" backup is per local day). */
const sameLocalDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()

export type BackupDeps = {
  /** Record counts per collection, for the manifest. */
  counts: () => Promise<Record<string, number>>
  /**
   * The bytes to put in the backup for `rel`: `raw` if it validates; otherwise the file is repaired
   * (quarantined, restored from the last good copy, reported) and the repaired bytes returned, or
   * null when there is no good copy to keep (the file is then left out, never copied damaged).
   * Without it (a bare BackupStore in tests) files are copied as they are.
   */
  check?: (rel: string, raw: Uint8Array) => Promise<Uint8Array | null>
  /**
   * For a file too large to read whole: true if it validates, read by streaming. When false, the
   * file is read whole once and handed to `check` to be repaired. Without it, large files are
   * copied as they are.
   */
  checkLarge?: (rel: string) => Promise<boolean>
  /** Waits for acknowledged writes, so a backup holds everything acknowledged before it started. */
  flush: () => Promise<void>
}

export class BackupStore {
  #lastFailure: BackupFailure | null = null
  #dailyInProgress = false
  #abandon = false
  readonly #statusListeners = new Set<(status: BackupStatus) => void>()
  /** Check results by backup id and zip stamp: a zip is hashed once, not at every listing. */
  readonly #checked = new Map<string, { stamp: string; damaged: string | null }>()

  constructor(
    readonly io: FileIo,
    readonly deps: BackupDeps
  ) {}

  status(): BackupStatus {
    return { lastFailure: this.#lastFailure, dailyInProgress: this.#dailyInProgress }
  }

  /** The window hears each change instead of asking every few seconds. */
  onStatus(listener: (status: BackupStatus) => void): () => void {
    this.#statusListeners.add(listener)
    return () => this.#statusListeners.delete(listener)
  }

  #setStatus(lastFailure: BackupFailure | null, dailyInProgress: boolean): void {
    if (lastFailure === this.#lastFailure && dailyInProgress === this.#dailyInProgress) return
    this.#lastFailure = lastFailure
    this.#dailyInProgress = dailyInProgress
    const status = this.status()
    for (const listener of [...this.#statusListeners]) listener(status)
  }

  /**
   * Today's backup if there is none yet. Nobody waits on it (it runs in the background after open),
   * so it never throws: a failure is remembered for status(), where the app and the CLI show it.
   * @param worthKeeping false for a new, empty folder, which has nothing to back up yet
   * @param after work to finish first (the check of every file, so nothing damaged is copied)
   */
  async daily(worthKeeping: () => boolean, after: Promise<unknown> = Promise.resolve()): Promise<void> {
    this.#setStatus(this.#lastFailure, true)
    try {
      if (!worthKeeping()) return
      const today = this.io.now()
      if (await this.hasDailyFor(today)) return
      await after
      if (!this.#abandon) await this.create('daily', () => this.#abandon)
    } catch (e) {
      if (e instanceof Abandoned) return
      const error = toAppError(e, 'make the daily backup in', this.io.abs(BACKUPS_DIR), this.io.dataDir)
      this.#setStatus({ reason: 'daily', at: this.io.now().toISOString(), message: error.message }, this.#dailyInProgress)
    } finally {
      this.#setStatus(this.#lastFailure, false)
    }
  }

  /** Gives up a daily backup under way (see OpenStoreOptions.dailyBackup). */
  abandonDaily(): void {
    this.#abandon = true
  }

  assertId(id: string): void {
    if (!ID.test(id)) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
  }

  async create(reason: BackupReason, abandoned: () => boolean = () => false): Promise<BackupInfo> {
    await this.deps.flush()
    const createdAt = this.io.now()
    const id = await this.#freeId(createdAt, reason)
    const files = await listDataFiles(this.io)
    const zipRel = `${BACKUPS_DIR}/${id}.zip`
    // The zip goes to disk as it is made: a backup of a folder with large attachments never holds
    // them in memory. Temp file, fsync, rename: a crash leaves no half backup.
    const out = await ZipFileWriter.open(this.io, zipRel)
    let added = 0
    const entries: Record<string, string> = {}
    let info: BackupInfo
    let manifest: Manifest
    try {
      let slice = performance.now()
      const breathe = async (): Promise<void> => {
        if (performance.now() - slice > 8) {
          await yieldToEventLoop()
          slice = performance.now()
        }
      }
      for (const rel of files) {
        if (abandoned()) throw new Abandoned()
        const source = await this.#checkedSource(rel)
        if (source === null) continue // deleted while we walked, or damaged with no good copy (reported by check)
        added++
        // Attachments are mostly already-compressed (PDF, JPEG) or encrypted: store them as they are.
        const entry = rel.startsWith(`${ATTACHMENTS_DIR}/`) || this.io.cipher.encrypted ? new ZipPassThrough(rel) : new ZipDeflate(rel, { level: 6 })
        out.zip.add(entry)
        const hash = createHash('sha256')
        try {
          for (;;) {
            const chunk = await source.next()
            const last = chunk === null
            if (chunk !== null) hash.update(chunk)
            entry.push(chunk ?? new Uint8Array(0), last)
            await out.drain()
            if (last) break
            await breathe()
          }
        } finally {
          await source.close()
        }
        entries[rel] = hash.digest('hex')
      }
      info = {
        id,
        createdAt: createdAt.toISOString(),
        reason,
        bytes: 0,
        counts: await this.deps.counts(),
        files: added,
        encrypted: this.io.cipher.encrypted
      }
      manifest = { ...info, entries }
      // Stored, not deflated: 64 hex digits per entry barely compress, and fflate spends hundreds of
      // ms in one synchronous go on them (measured: 0.6 s for 1,500 entries), stalling the event loop.
      const manifestEntry = new ZipPassThrough(MANIFEST_IN_ZIP)
      out.zip.add(manifestEntry)
      manifestEntry.push(Buffer.from(JSON.stringify(manifest)), true)
      out.zip.end()
      if (abandoned()) throw new Abandoned()
    } catch (e) {
      await out.abandon()
      throw e
    }
    const bytes = await out.finish()
    const done: BackupInfo = { ...info, bytes }
    await this.io.writeRaw(`${BACKUPS_DIR}/${id}.json`, Buffer.from(JSON.stringify({ ...manifest, bytes }, null, 2)))
    // A backup exists again, whatever asked for it: an earlier failure no longer needs the user.
    this.#setStatus(null, this.#dailyInProgress)
    await this.#rotate()
    return done
  }

  /**
   * The bytes to copy for `rel`, checked first (see BackupDeps.check), as chunks; null when the file
   * is gone or damaged beyond repair. Small files are read whole and checked; large ones are checked
   * by streaming and then read in chunks, so an attachment is never held whole in memory.
   */
  async #checkedSource(rel: string): Promise<ChunkSource | null> {
    const abs = this.io.abs(rel)
    let size: number
    try {
      size = (await this.io.fs.stat(abs)).size
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return null
      throw this.io.error(e, 'read', rel)
    }
    const { check, checkLarge } = this.deps
    if (size <= CHECK_WHOLE_BYTES || (checkLarge !== undefined && !(await checkLarge(rel)))) {
      const found = await this.io.readRaw(rel)
      if (found === null) return null
      const raw = check === undefined ? found : await check(rel, found)
      return raw === null ? null : bytesSource(raw)
    }
    const handle = await this.io.fs.open(abs, 'r').catch((e: unknown) => {
      if (errnoOf(e) === 'ENOENT') return null
      throw this.io.error(e, 'read', rel)
    })
    return handle === null ? null : fileSource(handle)
  }

  /**
   * Newest first, each checked (see the top of this file): a damaged backup is listed with
   * `damaged` set. `check: false` skips the check (deciding whether today has a daily backup).
   */
  async list(options: { check?: boolean } = {}): Promise<BackupInfo[]> {
    const names = await this.io.list(BACKUPS_DIR)
    const out: BackupInfo[] = []
    for (const name of names) {
      if (!name.endsWith('.zip')) continue
      const id = name.slice(0, -4)
      if (!ID.test(id)) continue
      const manifest = await this.#manifest(id).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
      if (manifest instanceof Error) {
        out.push(damagedInfo(id, manifest.message))
        continue
      }
      const info = publicInfo(manifest)
      const damaged = options.check === false ? null : await this.#check(id, manifest)
      out.push(damaged === null ? info : { ...info, damaged })
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
  }

  async preview(id: string): Promise<BackupInfo> {
    this.assertId(id)
    const manifest = await this.#manifest(id)
    const damaged = await this.#check(id, manifest)
    return damaged === null ? publicInfo(manifest) : { ...publicInfo(manifest), damaged }
  }

  /**
   * The files the newest readable backup holds (from its manifest, unchecked: cheap). A shard or
   * settings file listed there but missing from the folder was lost, not deleted: the store never
   * deletes those files. After a restore, the folder is the restored backup: backups made before
   * the restore (the pre-restore one included) no longer say what it should hold, so the newest
   * made since counts, else the restored backup itself. Otherwise a restore that drops a file would
   * see it as lost and bring it back.
   */
  async newestEntries(): Promise<ReadonlySet<string>> {
    const restored = await this.#restoredFrom()
    for (const info of await this.list({ check: false }).catch(() => [])) {
      if (info.damaged !== undefined) continue
      if (restored !== null && info.createdAt <= restored.at) break
      const manifest = await this.#manifest(info.id).catch(() => null)
      if (manifest?.entries !== undefined) return new Set(Object.keys(manifest.entries))
    }
    if (restored !== null) {
      const manifest = await this.#manifest(restored.backupId).catch(() => null)
      if (manifest?.entries !== undefined) return new Set(Object.keys(manifest.entries))
    }
    return new Set()
  }

  async #restoredFrom(): Promise<{ backupId: string; at: string } | null> {
    const raw = await this.io.readRaw(RESTORED_FROM).catch(() => null)
    if (raw === null) return null
    const parsed = z.object({ backupId: z.string(), at: z.string() }).safeParse(safeJson(raw))
    return parsed.success ? parsed.data : null
  }

  async hasDailyFor(day: Date): Promise<boolean> {
    return (await this.list({ check: false })).some((b) => b.reason === 'daily' && b.damaged === undefined && sameLocalDay(new Date(b.createdAt), day))
  }

  /** Every file in a backup (without its manifest), checked: CORRUPT_DATA if it is damaged or unsafe. */
  async readAll(id: string): Promise<Map<string, Uint8Array>> {
    this.assertId(id)
    const manifest = await this.#manifest(id)
    const { files, problem } = await this.#unpack(id, manifest, true)
    if (problem !== null) throw damagedError(id, problem)
    return files
  }

  /**
   * One file of a backup, or null if it does not hold it; CORRUPT_DATA if its bytes fail the
   * manifest's SHA-256. The zip is read only as far as that entry and no other entry is decompressed.
   */
  async readEntry(id: string, rel: string): Promise<Uint8Array | null> {
    this.assertId(id)
    if (unsafeEntryName(rel) !== null) return null
    const scan = await scanZip(this.io, `${BACKUPS_DIR}/${id}.zip`, { wanted: (name) => name === rel, keep: true, stopAfterFirst: true }).catch((e: unknown) => {
      throw e instanceof ZipDamage ? damagedError(id, e.message) : e
    })
    if (scan === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    const found = scan.entries.get(rel)
    if (found?.bytes === undefined) return null
    // A zip without a readable manifest can still give up an entry (its bytes are then unchecked, as in
    // backups made before manifests listed hashes); one whose manifest lists hashes must match them.
    const manifest = await this.#manifest(id).catch(() => null)
    if (manifest?.entries !== undefined && manifest.entries[rel] !== found.sha256) {
      throw damagedError(id, `its copy of ${rel} does not match the SHA-256 in its manifest`)
    }
    return found.bytes
  }

  /** The manifest beside the zip; when that one is missing or garbage, the copy inside the zip. */
  async #manifest(id: string): Promise<Manifest> {
    const sidecar = await this.io.readRaw(`${BACKUPS_DIR}/${id}.json`).catch(() => null)
    if (sidecar !== null) {
      const parsed = ManifestSchema.safeParse(safeJson(sidecar))
      if (parsed.success && parsed.data.id === id) return parsed.data
    }
    const zipRel = `${BACKUPS_DIR}/${id}.zip`
    const scan = await scanZip(this.io, zipRel, { wanted: (name) => name === MANIFEST_IN_ZIP, keep: true, stopAfterFirst: true }).catch((e: unknown) => {
      throw e instanceof ZipDamage ? damagedError(id, e.message) : e
    })
    if (scan === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    const inner = scan.entries.get(MANIFEST_IN_ZIP)?.bytes
    if (inner === undefined) throw damagedError(id, 'it has no manifest')
    const parsed = ManifestSchema.safeParse(safeJson(inner))
    if (!parsed.success || parsed.data.id !== id) throw damagedError(id, 'its manifest is not valid')
    const size = (await this.io.fs.stat(this.io.abs(zipRel))).size
    return { ...parsed.data, bytes: size }
  }

  /** Null when the backup is whole; otherwise what is wrong. Cached per zip stamp. */
  async #check(id: string, manifest: Manifest): Promise<string | null> {
    const stamp = await this.io.stamp(`${BACKUPS_DIR}/${id}.zip`)
    if (stamp === null) return 'its zip file is missing'
    const known = this.#checked.get(id)
    if (known !== undefined && known.stamp === stamp) return known.damaged
    const { problem } = await this.#unpack(id, manifest, false).catch((e: unknown) => ({ problem: e instanceof Error ? e.message : String(e) }))
    this.#checked.set(id, { stamp, damaged: problem })
    return problem
  }

  /**
   * Reads every entry of the zip in chunks and checks it against the manifest: names, sizes and
   * SHA-256. With `keep` the entries' bytes are returned; without, only hashed (a check holds no file).
   */
  async #unpack(id: string, manifest: Manifest, keep: boolean): Promise<{ files: Map<string, Uint8Array>; problem: string | null }> {
    const files = new Map<string, Uint8Array>()
    let scan: ZipScan | null
    try {
      scan = await scanZip(this.io, `${BACKUPS_DIR}/${id}.zip`, { wanted: (name) => name !== MANIFEST_IN_ZIP, keep, stopAfterFirst: false, guard: true })
    } catch (e) {
      if (e instanceof ZipDamage) return { files, problem: e.message }
      throw e
    }
    if (scan === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    for (const [name, entry] of scan.entries) {
      if (name.endsWith('/')) continue // a folder entry
      const expected = manifest.entries?.[name]
      if (manifest.entries !== undefined && expected !== entry.sha256) {
        return { files, problem: `its copy of ${name} does not match the SHA-256 in its manifest` }
      }
      if (entry.bytes !== undefined) files.set(name, entry.bytes)
    }
    for (const name of Object.keys(manifest.entries ?? {})) {
      if (!scan.entries.has(name)) return { files, problem: `its manifest lists ${name}, which the zip does not hold` }
    }
    return { files, problem: null }
  }

  async #freeId(at: Date, reason: BackupReason): Promise<string> {
    const base = `${at.toISOString().replace(/[:.]/g, '-')}_${reason}`
    const taken = new Set(await this.io.list(BACKUPS_DIR))
    let id = base
    for (let n = 2; taken.has(`${id}.zip`); n++) id = `${base}-${n}`
    return id
  }

  async #rotate(): Promise<void> {
    const all = await this.list({ check: false })
    const byReason = new Map<BackupReason, BackupInfo[]>()
    for (const b of all) byReason.set(b.reason, [...(byReason.get(b.reason) ?? []), b])
    const doomed = [
      ...(byReason.get('daily') ?? []).slice(KEEP_DAILY),
      ...(['pre-migration', 'pre-import', 'pre-restore'] as const).flatMap((r) => (byReason.get(r) ?? []).slice(KEEP_AUTOMATIC))
    ]
    for (const b of doomed) {
      await this.io.remove(`${BACKUPS_DIR}/${b.id}.json`)
      await this.io.remove(`${BACKUPS_DIR}/${b.id}.zip`)
    }
  }
}

/** Notes that the folder now holds backup `id` (see BackupStore.newestEntries). */
export async function noteRestored(io: FileIo, id: string): Promise<void> {
  await io.writeRaw(RESTORED_FROM, Buffer.from(JSON.stringify({ backupId: id, at: io.now().toISOString() })))
}

/** A daily backup given up because its store is closing: not a failure to report. */
class Abandoned extends Error {}

/** What is wrong with a zip (unreadable, an unsafe name, too large): a backup's `damaged` text. */
class ZipDamage extends Error {}

function safeJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'))
  } catch {
    return undefined
  }
}

const publicInfo = (m: Manifest): BackupInfo => ({
  id: m.id,
  createdAt: m.createdAt,
  reason: m.reason,
  bytes: m.bytes,
  counts: m.counts,
  files: m.files,
  encrypted: m.encrypted
})

/** A backup whose manifest cannot be read: listed (never hidden) as damaged, dated from its id. */
function damagedInfo(id: string, why: string): BackupInfo {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([a-z-]+?)(-\d+)?$/.exec(id)
  const createdAt = m === null ? '' : `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`
  const reason = ReasonSchema.safeParse(m?.[6]).data ?? 'manual'
  return { id, createdAt, reason, bytes: 0, counts: {}, files: 0, encrypted: false, damaged: why }
}

const damagedError = (id: string, problem: string): AppError =>
  new AppError('CORRUPT_DATA', `The backup "${id}" is damaged: ${problem}. It cannot be used; nothing was changed.`)

/** Files are read into, and zips out of, pieces of this size. */
const READ_CHUNK = 1024 * 1024

type FileHandle = Awaited<ReturnType<FileIo['fs']['open']>>

/** A file's bytes in pieces: next() gives null at the end. */
type ChunkSource = { next: () => Promise<Uint8Array | null>; close: () => Promise<void> }

function bytesSource(bytes: Uint8Array): ChunkSource {
  let at = 0
  return {
    next: async () => {
      if (at >= bytes.byteLength) return null
      const chunk = bytes.subarray(at, at + READ_CHUNK)
      at += chunk.byteLength
      return chunk
    },
    close: async () => undefined
  }
}

function fileSource(handle: FileHandle): ChunkSource {
  return {
    next: async () => {
      const buf = Buffer.allocUnsafe(READ_CHUNK)
      const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, null)
      return bytesRead === 0 ? null : buf.subarray(0, bytesRead)
    },
    close: () => handle.close()
  }
}

/** A zip written to a temp file as fflate produces it, then fsynced and renamed into place. */
class ZipFileWriter {
  readonly zip: Zip
  #queued: Uint8Array[] = []
  #failure: unknown = null
  #bytes = 0

  private constructor(
    readonly io: FileIo,
    readonly rel: string,
    readonly tmp: string,
    readonly handle: FileHandle
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.#failure = err
      else this.#queued.push(chunk)
    })
  }

  static async open(io: FileIo, rel: string): Promise<ZipFileWriter> {
    await io.ensureDirOf(rel)
    const tmp = tempNameFor(io.abs(rel))
    try {
      return new ZipFileWriter(io, rel, tmp, await io.fs.open(tmp, 'w'))
    } catch (e) {
      throw io.error(e, 'create the backup', rel)
    }
  }

  /** Writes what the zip has produced so far. */
  async drain(): Promise<void> {
    if (this.#failure !== null) throw this.io.error(this.#failure, 'build the backup', this.rel)
    const chunks = this.#queued
    this.#queued = []
    try {
      for (const chunk of chunks) {
        await this.handle.write(chunk)
        this.#bytes += chunk.byteLength
      }
    } catch (e) {
      throw this.io.error(e, 'save', this.rel)
    }
  }

  /** The zip is complete: make it durable under its name. Returns its size. */
  async finish(): Promise<number> {
    try {
      await this.drain()
      await this.handle.sync()
      await this.handle.close()
      await this.io.fs.rename(this.tmp, this.io.abs(this.rel))
      await fsyncDir(this.io.fs, dirname(this.io.abs(this.rel)))
      return this.#bytes
    } catch (e) {
      await this.abandon()
      throw e instanceof AppError ? e : this.io.error(e, 'save', this.rel)
    }
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await this.io.fs.rm(this.tmp, { force: true }).catch(() => undefined)
  }
}

type ZipScan = { entries: Map<string, { sha256: string; bytes?: Uint8Array }> }

/**
 * The entries of a zip that `wanted` names, read from disk in chunks and hashed as they unpack:
 * entries not wanted are skipped without being decompressed; with `stopAfterFirst`, reading stops
 * once one was found; with `keep` their bytes are kept. With `guard`, every entry's name must be
 * safe to restore and sizes stay under the limits (counted as they unpack, not trusted from the
 * header), else ZipDamage. Null when the zip does not exist; ZipDamage when it cannot be read.
 */
async function scanZip(
  io: FileIo,
  rel: string,
  options: { wanted: (name: string) => boolean; keep: boolean; stopAfterFirst: boolean; guard?: boolean }
): Promise<ZipScan | null> {
  let handle: FileHandle
  try {
    handle = await io.fs.open(io.abs(rel), 'r')
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null
    throw io.error(e, 'read', rel)
  }
  const entries = new Map<string, { sha256: string; bytes?: Uint8Array }>()
  let pending = 0
  let found = false
  let failure: string | null = null
  let total = 0
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure !== null) return
    if (options.guard === true && file.name !== MANIFEST_IN_ZIP) {
      const unsafe = unsafeEntryName(file.name)
      if (unsafe !== null) {
        failure = unsafe
        return
      }
      if ((file.originalSize ?? 0) > MAX_ENTRY_BYTES) {
        failure = `the entry ${file.name} unpacks to more than a backup may hold`
        return
      }
    }
    if (!options.wanted(file.name)) return // never started: its bytes pass by undecompressed
    pending++
    const parts: Uint8Array[] = []
    const hash = createHash('sha256')
    let size = 0
    file.ondata = (err, chunk, final) => {
      if (err) {
        failure ??= `the zip cannot be read (${err.message})`
        return
      }
      size += chunk.byteLength
      total += chunk.byteLength
      if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
        failure ??= `the entry ${file.name} unpacks to more than a backup may hold`
        file.terminate()
        return
      }
      hash.update(chunk)
      if (options.keep) parts.push(chunk)
      if (final) {
        entries.set(file.name, { sha256: hash.digest('hex'), ...(options.keep ? { bytes: Buffer.concat(parts) } : {}) })
        pending--
        found = true
      }
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_CHUNK)
      const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, null)
      unzip.push(buf.subarray(0, bytesRead), bytesRead === 0)
      if (failure !== null) throw new ZipDamage(failure)
      if (bytesRead === 0 || (options.stopAfterFirst && found && pending === 0)) break
      if (pending === 0) await yieldToEventLoop()
    }
  } catch (e) {
    if (e instanceof ZipDamage) throw e
    throw new ZipDamage(`the zip cannot be read (${e instanceof Error ? e.message : String(e)})`)
  } finally {
    await handle.close()
  }
  return { entries }
}
