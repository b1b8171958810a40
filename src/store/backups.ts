// Backups: `backups/<id>.zip`, a zip of the data folder as it is on disk (so an encrypted folder's
// backups hold encrypted files), plus `backups/<id>.json`, the manifest (date, reason, counts)
// that list/preview read without opening the zip. The manifest is also inside the zip.
// Building a zip never blocks the event loop for long: files are read asynchronously and
// compressed one at a time (fflate's streaming Zip), yielding to the event loop every few ms.
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough, type UnzipFile } from 'fflate'
import { dirname } from 'node:path'
import { fsyncDir, tempNameFor } from './durable-write'
import { errnoOf } from './fs-errors'
import { z } from 'zod'
import { AppError } from '../shared/errors'
import { listDataFiles } from './data-files'
import type { FileIo } from './file-io'
import { toAppError } from './fs-errors'
import { ATTACHMENTS_DIR, BACKUPS_DIR } from './layout'
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
  encrypted: z.boolean()
})

const ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_(daily|manual|pre-migration|pre-import|pre-restore)(-\d+)?$/

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Same calendar day in the computer's time zone (a "daily" backup is per local day). */
const sameLocalDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()

export type BackupDeps = {
  /** Record counts per collection, for the manifest. */
  counts: () => Promise<Record<string, number>>
  /** Waits for acknowledged writes, so a backup holds everything acknowledged before it started. */
  flush: () => Promise<void>
}

export class BackupStore {
  #lastFailure: BackupFailure | null = null
  #dailyInProgress = false
  readonly #statusListeners = new Set<(status: BackupStatus) => void>()

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
   */
  async daily(worthKeeping: () => boolean): Promise<void> {
    this.#setStatus(this.#lastFailure, true)
    try {
      if (!worthKeeping()) return
      const today = this.io.now()
      if (!(await this.hasDailyFor(today))) await this.create('daily')
    } catch (e) {
      const error = toAppError(e, 'make the daily backup in', this.io.abs(BACKUPS_DIR), this.io.dataDir)
      this.#setStatus({ reason: 'daily', at: this.io.now().toISOString(), message: error.message }, this.#dailyInProgress)
    } finally {
      this.#setStatus(this.#lastFailure, false)
    }
  }

  assertId(id: string): void {
    if (!ID.test(id)) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
  }

  async create(reason: BackupReason): Promise<BackupInfo> {
    await this.deps.flush()
    const createdAt = this.io.now()
    const id = await this.#freeId(createdAt, reason)
    const files = await listDataFiles(this.io)
    const zipRel = `${BACKUPS_DIR}/${id}.zip`
    // The zip goes to disk as it is made, each file read in chunks: a backup of a folder with large
    // attachments never holds them in memory. Temp file, fsync, rename: a crash leaves no half backup.
    const out = await ZipFileWriter.open(this.io, zipRel)
    let added = 0
    try {
      let slice = performance.now()
      for (const rel of files) {
        const source = await this.io.fs.open(this.io.abs(rel), 'r').catch((e: unknown) => {
          if (errnoOf(e) === 'ENOENT') return null // deleted while we walked: it is not part of this backup
          throw this.io.error(e, 'read', rel)
        })
        if (source === null) continue
        added++
        try {
          // Attachments are mostly already-compressed (PDF, JPEG) or encrypted: store them as they are.
          const entry = rel.startsWith(`${ATTACHMENTS_DIR}/`) || this.io.cipher.encrypted ? new ZipPassThrough(rel) : new ZipDeflate(rel, { level: 6 })
          out.zip.add(entry)
          for (;;) {
            const buf = Buffer.allocUnsafe(READ_CHUNK)
            const { bytesRead } = await source.read(buf, 0, READ_CHUNK, null)
            entry.push(buf.subarray(0, bytesRead), bytesRead === 0)
            await out.drain()
            if (bytesRead === 0) break
            if (performance.now() - slice > 8) {
              await yieldToEventLoop()
              slice = performance.now()
            }
          }
        } finally {
          await source.close()
        }
      }
    } catch (e) {
      await out.abandon()
      throw e
    }
    const info: BackupInfo = {
      id,
      createdAt: createdAt.toISOString(),
      reason,
      bytes: 0,
      counts: await this.deps.counts(),
      files: added,
      encrypted: this.io.cipher.encrypted
    }
    const manifestEntry = new ZipDeflate(MANIFEST_IN_ZIP)
    out.zip.add(manifestEntry)
    manifestEntry.push(Buffer.from(JSON.stringify(info)), true)
    out.zip.end()
    const done: BackupInfo = { ...info, bytes: await out.finish() }
    await this.io.writeRaw(`${BACKUPS_DIR}/${id}.json`, Buffer.from(JSON.stringify(done, null, 2)))
    // A backup exists again, whatever asked for it: an earlier failure no longer needs the user.
    this.#setStatus(null, this.#dailyInProgress)
    await this.#rotate()
    return done
  }

  /** Newest first. Backups whose manifest is missing are read from the zip; unreadable ones are skipped. */
  async list(): Promise<BackupInfo[]> {
    const names = await this.io.list(BACKUPS_DIR)
    const out: BackupInfo[] = []
    for (const name of names) {
      if (!name.endsWith('.zip')) continue
      const id = name.slice(0, -4)
      if (!ID.test(id)) continue
      const info = await this.#info(id).catch(() => null)
      if (info !== null) out.push(info)
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
  }

  async preview(id: string): Promise<BackupInfo> {
    this.assertId(id)
    return this.#info(id)
  }

  async hasDailyFor(day: Date): Promise<boolean> {
    return (await this.list()).some((b) => b.reason === 'daily' && sameLocalDay(new Date(b.createdAt), day))
  }

  /** Every file in a backup (without its manifest), read from disk in chunks. */
  async readAll(id: string): Promise<Map<string, Uint8Array>> {
    this.assertId(id)
    const out = await readZipEntries(this.io, `${BACKUPS_DIR}/${id}.zip`, (name) => name !== MANIFEST_IN_ZIP, false)
    if (out === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    return out
  }

  /**
   * One file of a backup, or null if it does not hold it. The zip is read only as far as that
   * entry and no other entry is decompressed.
   */
  async readEntry(id: string, rel: string): Promise<Uint8Array | null> {
    const out = await readZipEntries(this.io, `${BACKUPS_DIR}/${id}.zip`, (name) => name === rel, true)
    if (out === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    return out.get(rel) ?? null
  }

  async #info(id: string): Promise<BackupInfo> {
    const sidecar = await this.io.readRaw(`${BACKUPS_DIR}/${id}.json`)
    if (sidecar !== null) {
      const parsed = ManifestSchema.safeParse(JSON.parse(Buffer.from(sidecar).toString('utf8')))
      if (parsed.success && parsed.data.id === id) return parsed.data
    }
    const inner = await this.readEntry(id, MANIFEST_IN_ZIP)
    if (inner === null) throw new AppError('CORRUPT_DATA', `The backup "${id}" has no manifest.`)
    const parsed = ManifestSchema.parse(JSON.parse(Buffer.from(inner).toString('utf8')))
    const size = (await this.io.fs.stat(this.io.abs(`${BACKUPS_DIR}/${id}.zip`))).size
    return { ...parsed, bytes: size }
  }

  async #freeId(at: Date, reason: BackupReason): Promise<string> {
    const base = `${at.toISOString().replace(/[:.]/g, '-')}_${reason}`
    const taken = new Set(await this.io.list(BACKUPS_DIR))
    let id = base
    for (let n = 2; taken.has(`${id}.zip`); n++) id = `${base}-${n}`
    return id
  }

  async #rotate(): Promise<void> {
    const all = await this.list()
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

/** Files are read into, and zips out of, pieces of this size. */
const READ_CHUNK = 1024 * 1024

type FileHandle = Awaited<ReturnType<FileIo['fs']['open']>>

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

/**
 * The entries of a zip that `wanted` names, read from disk in chunks: entries not wanted are
 * skipped without being decompressed; with `stopAfterFirst`, reading stops once one was found.
 * Null when the zip does not exist.
 */
async function readZipEntries(io: FileIo, rel: string, wanted: (name: string) => boolean, stopAfterFirst: boolean): Promise<Map<string, Uint8Array> | null> {
  let handle: FileHandle
  try {
    handle = await io.fs.open(io.abs(rel), 'r')
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null
    throw io.error(e, 'read', rel)
  }
  const out = new Map<string, Uint8Array>()
  let pending = 0
  let found = false
  let failure: unknown = null
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name)) return // never started: its bytes pass by undecompressed
    pending++
    const parts: Uint8Array[] = []
    file.ondata = (err, chunk, final) => {
      if (err) {
        failure = err
        return
      }
      parts.push(chunk)
      if (final) {
        out.set(file.name, Buffer.concat(parts))
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
      if (failure !== null) throw new AppError('CORRUPT_DATA', `The backup file ${rel} is damaged: ${failure instanceof Error ? failure.message : String(failure)}.`)
      if (bytesRead === 0 || (stopAfterFirst && found && pending === 0)) break
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('CORRUPT_DATA', `The backup file ${rel} is damaged: ${e instanceof Error ? e.message : String(e)}.`)
  } finally {
    await handle.close()
  }
  return out
}
