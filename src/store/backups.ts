// Backups: `backups/<id>.zip`, a zip of the data folder as it is on disk (so an encrypted folder's
// backups hold encrypted files), plus `backups/<id>.json`, the manifest (date, reason, counts)
// that list/preview read without opening the zip. The manifest is also inside the zip.
// Building a zip never blocks the event loop for long: files are read asynchronously and
// compressed one at a time (fflate's streaming Zip), yielding to the event loop every few ms.
import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from 'fflate'
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
    const chunks: Uint8Array[] = []
    let failure: unknown = null
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else chunks.push(chunk)
    })
    let slice = performance.now()
    let added = 0
    for (const rel of files) {
      const raw = await this.io.readRaw(rel)
      if (raw === null) continue // deleted while we walked: it is not part of this backup
      added++
      // Attachments are mostly already-compressed (PDF, JPEG) or encrypted: store them as they are.
      const entry = rel.startsWith(`${ATTACHMENTS_DIR}/`) || this.io.cipher.encrypted ? new ZipPassThrough(rel) : new ZipDeflate(rel, { level: 6 })
      zip.add(entry)
      entry.push(raw, true)
      if (performance.now() - slice > 8) {
        await yieldToEventLoop()
        slice = performance.now()
      }
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
    zip.add(manifestEntry)
    manifestEntry.push(Buffer.from(JSON.stringify(info)), true)
    zip.end()
    if (failure !== null) throw this.io.error(failure, 'build the backup', `${BACKUPS_DIR}/${id}.zip`)
    const bytes = Buffer.concat(chunks)
    const done: BackupInfo = { ...info, bytes: bytes.byteLength }
    await this.io.writeRaw(`${BACKUPS_DIR}/${id}.zip`, bytes)
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

  /** Every file in a backup (without its manifest). */
  async readAll(id: string): Promise<Map<string, Uint8Array>> {
    this.assertId(id)
    const files = unzipSync(await this.#zipBytes(id))
    const out = new Map<string, Uint8Array>()
    for (const [name, bytes] of Object.entries(files)) if (name !== MANIFEST_IN_ZIP) out.set(name, bytes)
    return out
  }

  /** One file of a backup, or null if it does not hold it. */
  async readEntry(id: string, rel: string): Promise<Uint8Array | null> {
    const files = unzipSync(await this.#zipBytes(id), { filter: (f) => f.name === rel })
    return files[rel] ?? null
  }

  async #zipBytes(id: string): Promise<Uint8Array> {
    const raw = await this.io.readRaw(`${BACKUPS_DIR}/${id}.zip`)
    if (raw === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    return raw
  }

  async #info(id: string): Promise<BackupInfo> {
    const sidecar = await this.io.readRaw(`${BACKUPS_DIR}/${id}.json`)
    if (sidecar !== null) {
      const parsed = ManifestSchema.safeParse(JSON.parse(Buffer.from(sidecar).toString('utf8')))
      if (parsed.success && parsed.data.id === id) return parsed.data
    }
    const zip = await this.#zipBytes(id)
    const inner = unzipSync(zip, { filter: (f) => f.name === MANIFEST_IN_ZIP })[MANIFEST_IN_ZIP]
    if (inner === undefined) throw new AppError('CORRUPT_DATA', `The backup "${id}" has no manifest.`)
    const parsed = ManifestSchema.parse(JSON.parse(Buffer.from(inner).toString('utf8')))
    return { ...parsed, bytes: zip.byteLength }
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
