// Backups: `backups/<id>.zip`, a zip of the data folder as it is on disk (so an encrypted folder's
// backups hold encrypted files), plus `backups/<id>.json`, the manifest (date, reason, counts)
// that list/preview read without opening the zip. The manifest is also inside the zip.
// Every manifest lists the SHA-256 of each entry: a backup is checked against it before it is
// listed as healthy, before any entry is used to repair a file and before a restore, and a
// damaged one is listed as damaged. Entry names are checked (no absolute path, no '..', nothing
// outside the data folder's own layout) and sizes bounded, so a crafted zip cannot write outside
// the folder or fill memory.
// Building a zip never blocks the event loop for long: files are read asynchronously and
// compressed one at a time (fflate's streaming Zip), yielding to the event loop every few ms.
import { createHash } from 'node:crypto'
import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from 'fflate'
import { z } from 'zod'
import { AppError } from '../shared/errors'
import { listDataFiles } from './data-files'
import type { FileIo } from './file-io'
import { toAppError } from './fs-errors'
import { ATTACHMENTS_DIR, BACKUPS_DIR, NOT_BACKED_UP, isSafeRelPath } from './layout'
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

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

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
   */
  check: (rel: string, raw: Uint8Array) => Promise<Uint8Array | null>
  /** Waits for acknowledged writes, so a backup holds everything acknowledged before it started. */
  flush: () => Promise<void>
}

export class BackupStore {
  #lastFailure: BackupFailure | null = null
  #dailyInProgress = false
  #abandon = false
  /** Check results by backup id and zip stamp: a zip is hashed once, not at every listing. */
  readonly #checked = new Map<string, { stamp: string; damaged: string | null }>()

  constructor(
    readonly io: FileIo,
    readonly deps: BackupDeps
  ) {}

  status(): BackupStatus {
    return { lastFailure: this.#lastFailure, dailyInProgress: this.#dailyInProgress }
  }

  /**
   * Today's backup if there is none yet. Nobody waits on it (it runs in the background after open),
   * so it never throws: a failure is remembered for status(), where the app and the CLI show it.
   * @param worthKeeping false for a new, empty folder, which has nothing to back up yet
   * @param after work to finish first (the check of every file, so nothing damaged is copied)
   */
  async daily(worthKeeping: () => boolean, after: Promise<unknown> = Promise.resolve()): Promise<void> {
    this.#dailyInProgress = true
    try {
      if (!worthKeeping()) return
      const today = this.io.now()
      if (await this.hasDailyFor(today)) return
      await after
      if (!this.#abandon) await this.create('daily', () => this.#abandon)
    } catch (e) {
      if (e instanceof Abandoned) return
      const error = toAppError(e, 'make the daily backup in', this.io.abs(BACKUPS_DIR), this.io.dataDir)
      this.#lastFailure = { reason: 'daily', at: this.io.now().toISOString(), message: error.message }
    } finally {
      this.#dailyInProgress = false
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
    const chunks: Uint8Array[] = []
    let failure: unknown = null
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else chunks.push(chunk)
    })
    let slice = performance.now()
    let added = 0
    const entries: Record<string, string> = {}
    for (const rel of files) {
      if (abandoned()) throw new Abandoned()
      const found = await this.io.readRaw(rel)
      if (found === null) continue // deleted while we walked: it is not part of this backup
      const raw = await this.deps.check(rel, found)
      if (raw === null) continue // damaged with no good copy: reported by check, never copied
      entries[rel] = sha256Hex(raw)
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
    const manifest: Manifest = { ...info, entries }
    // Stored, not deflated: 64 hex digits per entry barely compress, and fflate spends hundreds of
    // ms in one synchronous go on them (measured: 0.6 s for 1,500 entries), stalling the event loop.
    const manifestEntry = new ZipPassThrough(MANIFEST_IN_ZIP)
    zip.add(manifestEntry)
    manifestEntry.push(Buffer.from(JSON.stringify(manifest)), true)
    zip.end()
    if (failure !== null) throw this.io.error(failure, 'build the backup', `${BACKUPS_DIR}/${id}.zip`)
    if (abandoned()) throw new Abandoned()
    const bytes = Buffer.concat(chunks)
    const done: BackupInfo = { ...info, bytes: bytes.byteLength }
    await this.io.writeRaw(`${BACKUPS_DIR}/${id}.zip`, bytes)
    await this.io.writeRaw(`${BACKUPS_DIR}/${id}.json`, Buffer.from(JSON.stringify({ ...manifest, bytes: bytes.byteLength }, null, 2)))
    // A backup exists again, whatever asked for it: an earlier failure no longer needs the user.
    this.#lastFailure = null
    await this.#rotate()
    return done
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
      const manifest = await this.#manifest(id).catch((e: unknown) => e)
      if (manifest instanceof Error || manifest === null || typeof manifest !== 'object') {
        out.push(damagedInfo(id, manifest instanceof Error ? manifest.message : 'its manifest cannot be read'))
        continue
      }
      const info = publicInfo(manifest as Manifest)
      const damaged = options.check === false ? null : await this.#check(id, manifest as Manifest)
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
   * deletes those files.
   */
  async newestEntries(): Promise<ReadonlySet<string>> {
    for (const info of await this.list({ check: false }).catch(() => [])) {
      if (info.damaged !== undefined) continue
      const manifest = await this.#manifest(info.id).catch(() => null)
      if (manifest?.entries !== undefined) return new Set(Object.keys(manifest.entries))
    }
    return new Set()
  }

  async hasDailyFor(day: Date): Promise<boolean> {
    return (await this.list({ check: false })).some((b) => b.reason === 'daily' && b.damaged === undefined && sameLocalDay(new Date(b.createdAt), day))
  }

  /** Every file in a backup (without its manifest), checked: CORRUPT_DATA if it is damaged or unsafe. */
  async readAll(id: string): Promise<Map<string, Uint8Array>> {
    this.assertId(id)
    const manifest = await this.#manifest(id)
    const { files, problem } = await this.#unpack(id, manifest)
    if (problem !== null) throw damagedError(id, problem)
    return files
  }

  /** One file of a backup, or null if it does not hold it; CORRUPT_DATA if its bytes fail the manifest's SHA-256. */
  async readEntry(id: string, rel: string): Promise<Uint8Array | null> {
    this.assertId(id)
    if (unsafeEntryName(rel) !== null) return null
    const manifest = await this.#manifest(id)
    const zip = await this.#zipBytes(id)
    let found: Uint8Array | undefined
    try {
      found = unzipSync(zip, { filter: (f) => f.name === rel && f.originalSize <= MAX_ENTRY_BYTES })[rel]
    } catch (e) {
      throw damagedError(id, `the zip cannot be read (${e instanceof Error ? e.message : String(e)})`)
    }
    if (found === undefined) return null
    const expected = manifest.entries?.[rel]
    if (manifest.entries !== undefined && (expected === undefined || expected !== sha256Hex(found))) {
      throw damagedError(id, `its copy of ${rel} does not match the SHA-256 in its manifest`)
    }
    return found
  }

  async #zipBytes(id: string): Promise<Uint8Array> {
    const raw = await this.io.readRaw(`${BACKUPS_DIR}/${id}.zip`)
    if (raw === null) throw new AppError('NOT_FOUND', `There is no backup named "${id}".`)
    return raw
  }

  /** The manifest beside the zip; when that one is missing or garbage, the copy inside the zip. */
  async #manifest(id: string): Promise<Manifest> {
    const sidecar = await this.io.readRaw(`${BACKUPS_DIR}/${id}.json`).catch(() => null)
    if (sidecar !== null) {
      const parsed = ManifestSchema.safeParse(safeJson(sidecar))
      if (parsed.success && parsed.data.id === id) return parsed.data
    }
    const zip = await this.#zipBytes(id)
    let inner: Uint8Array | undefined
    try {
      inner = unzipSync(zip, { filter: (f) => f.name === MANIFEST_IN_ZIP && f.originalSize <= MAX_ENTRY_BYTES })[MANIFEST_IN_ZIP]
    } catch (e) {
      throw damagedError(id, `the zip cannot be read (${e instanceof Error ? e.message : String(e)})`)
    }
    if (inner === undefined) throw damagedError(id, 'it has no manifest')
    const parsed = ManifestSchema.safeParse(safeJson(inner))
    if (!parsed.success || parsed.data.id !== id) throw damagedError(id, 'its manifest is not valid')
    return { ...parsed.data, bytes: zip.byteLength }
  }

  /** Null when the backup is whole; otherwise what is wrong. Cached per zip stamp. */
  async #check(id: string, manifest: Manifest): Promise<string | null> {
    const stamp = await this.io.stamp(`${BACKUPS_DIR}/${id}.zip`)
    if (stamp === null) return 'its zip file is missing'
    const known = this.#checked.get(id)
    if (known !== undefined && known.stamp === stamp) return known.damaged
    const { problem } = await this.#unpack(id, manifest).catch((e: unknown) => ({ problem: e instanceof Error ? e.message : String(e) }))
    this.#checked.set(id, { stamp, damaged: problem })
    return problem
  }

  async #unpack(id: string, manifest: Manifest): Promise<{ files: Map<string, Uint8Array>; problem: string | null }> {
    const zip = await this.#zipBytes(id)
    const files = new Map<string, Uint8Array>()
    let total = 0
    let refused: string | null = null
    let unpacked: Record<string, Uint8Array>
    try {
      unpacked = unzipSync(zip, {
        filter: (f) => {
          if (f.name === MANIFEST_IN_ZIP) return false
          total += f.originalSize
          const unsafe = unsafeEntryName(f.name)
          if (unsafe !== null) refused ??= unsafe
          else if (f.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) refused ??= `the entry ${f.name} unpacks to more than a backup may hold`
          return refused === null
        }
      })
    } catch (e) {
      return { files, problem: `the zip cannot be read (${e instanceof Error ? e.message : String(e)})` }
    }
    if (refused !== null) return { files, problem: refused }
    for (const [name, bytes] of Object.entries(unpacked)) {
      if (name.endsWith('/')) continue // a folder entry
      const expected = manifest.entries?.[name]
      if (manifest.entries !== undefined && expected !== sha256Hex(bytes)) {
        return { files, problem: `its copy of ${name} does not match the SHA-256 in its manifest` }
      }
      files.set(name, bytes)
    }
    for (const name of Object.keys(manifest.entries ?? {})) {
      if (!files.has(name)) return { files, problem: `its manifest lists ${name}, which the zip does not hold` }
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

/** A daily backup given up because its store is closing: not a failure to report. */
class Abandoned extends Error {}

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
