// One process at a time per data folder. `.local/lock.json` holds who has the folder open; it is
// created exclusively and atomically WITH its content (written to a temp file, then hard-linked to
// lock.json, which fails with EEXIST if a lock is there: the same guarantee as open(…, 'wx'), but
// a crash can never leave an empty lock file behind). Where hard links are unsupported it falls
// back to writeFile(…, { flag: 'wx' }).
// A lock whose process is dead on this same host is stale (that session crashed) and is taken
// over; the caller is told, because a crashed session may have left the local index stale.
// A lock from another host (a shared folder) is never taken over automatically.
import { randomUUID } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { z } from 'zod'
import { AppError } from '#shared/errors'
import { errnoOf } from './fs-errors'
import type { FileIo } from './file-io'
import { LOCK_FILE } from './layout'

const LockInfoSchema = z.object({
  holder: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  since: z.string(),
  session: z.string()
})
export type LockInfo = z.infer<typeof LockInfoSchema>

export type Lock = {
  info: LockInfo
  /** The dead session's lock we replaced, if any. */
  tookOver: LockInfo | null
  release: () => Promise<void>
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errnoOf(e) === 'EPERM'
  }
}

/** "2026-11-25 10:00" in this computer's time zone, as a person reads it. */
const localMinute = (iso: string): string => {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

const describe = (l: LockInfo, dataDir: string): string =>
  `The data folder ${dataDir} is in use by Access Advocate (${l.holder}) — process ${l.pid} on host ` +
  `${l.hostname} since ${localMinute(l.since)}. Close it first.`

export async function acquireLock(io: FileIo, holder: string): Promise<Lock> {
  const info: LockInfo = {
    holder,
    pid: process.pid,
    hostname: hostname(),
    // The real clock, not the injected one: staleness is judged against the machine's boot time.
    since: new Date().toISOString(),
    session: randomUUID()
  }
  const path = io.abs(LOCK_FILE)
  const body = JSON.stringify(info)
  let tookOver: LockInfo | null = null

  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(io, path, body)) {
      return { info, tookOver, release: () => releaseLock(io, info.session) }
    }
    const raw = await io.readRaw(LOCK_FILE)
    if (raw === null) continue // released between our two calls: try again
    const parsed = LockInfoSchema.safeParse(safeJson(raw))
    let held: LockInfo
    if (parsed.success) {
      held = parsed.data
    } else {
      // Our locks appear whole (see above), so an unreadable one is debris: a power cut before the
      // file's data reached the disk, or a fallback 'wx' write cut short. Give a writer 5 s grace.
      const age = Date.now() - (await io.fs.stat(path).catch(() => ({ mtimeMs: 0 }))).mtimeMs
      if (age < 5_000) {
        throw new AppError('LOCKED', `The data folder ${io.dataDir} is being opened by another process right now. Try again.`)
      }
      held = { holder: 'unknown', pid: -1, hostname: info.hostname, since: new Date(Date.now() - age).toISOString(), session: 'unreadable' }
    }
    const sameHost = held.hostname === info.hostname
    // A lock from before this machine booted is stale even if its pid was reused since.
    const beforeBoot = Date.parse(held.since) < Date.now() - uptime() * 1000 - 60_000
    if (!sameHost || (held.pid > 0 && !beforeBoot && isAlive(held.pid))) {
      // The process number may have been reused by another program since that session died.
      const hint = sameHost
        ? ` If Access Advocate is not running, process ${held.pid} is another program that reused the number: delete ${path} to open the folder.`
        : ` If that computer is no longer using it, delete ${path}.`
      throw new AppError('LOCKED', describe(held, io.dataDir) + hint, { holder: held })
    }
    // Stale: move it aside (only one contender's rename succeeds), check it is still the dead
    // session's lock we inspected, then try to create ours.
    const aside = `${path}.stale-${info.session}`
    try {
      await io.fs.rename(path, aside)
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') continue
      throw io.error(e, 'take over the lock', LOCK_FILE)
    }
    const moved = LockInfoSchema.safeParse(safeJson(await io.fs.readFile(aside)))
    if (moved.success && moved.data.session !== held.session && held.session !== 'unreadable') {
      // We raced with a new live lock: put it back and report it.
      await io.fs.link(aside, path).catch(() => undefined)
      await io.fs.rm(aside, { force: true })
      throw new AppError('LOCKED', describe(moved.data, io.dataDir), { holder: moved.data })
    }
    await io.fs.rm(aside, { force: true })
    tookOver = held
  }
  throw new AppError('LOCKED', `Could not take the lock of ${io.dataDir}; another process keeps changing it. Try again.`)
}

function safeJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'))
  } catch {
    return undefined
  }
}

async function createExclusive(io: FileIo, path: string, body: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`
  try {
    await io.fs.writeFile(tmp, body)
  } catch (e) {
    throw io.error(e, 'create the lock', LOCK_FILE)
  }
  try {
    await io.fs.link(tmp, path)
    return true
  } catch (e) {
    const code = errnoOf(e)
    if (code === 'EEXIST') return false
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      try {
        await io.fs.writeFile(path, body, { flag: 'wx' })
        return true
      } catch (e2) {
        if (errnoOf(e2) === 'EEXIST') return false
        throw io.error(e2, 'create the lock', LOCK_FILE)
      }
    }
    throw io.error(e, 'create the lock', LOCK_FILE)
  } finally {
    await io.fs.rm(tmp, { force: true }).catch(() => undefined)
  }
}

/** Removes the lock only if it is still ours. */
async function releaseLock(io: FileIo, session: string): Promise<void> {
  const raw = await io.readRaw(LOCK_FILE).catch(() => null)
  if (raw === null) return
  const parsed = LockInfoSchema.safeParse(safeJson(raw))
  if (parsed.success && parsed.data.session === session) await io.fs.rm(io.abs(LOCK_FILE), { force: true })
}
