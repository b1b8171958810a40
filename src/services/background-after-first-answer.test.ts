// A window's first caseload answer is not shared with the store's open-time check or the daily
// backup (the host opens with backgroundAfterFirstAnswer): neither has touched a case file or the
// backups folder when that answer is handed back, and both run right after it. Counted, not timed.
import * as nodeFs from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildFixture } from '../../bench/fixture'
import type { StoreFs } from '../store/types'
import { openServices, type AppServices, type OpenServicesOptions } from './app-services'
import type { CaseQueryRequest } from './caseload/caseload-query'

const TODAY = '2026-11-25'
const CASES = 150
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-first-answer-'))
  await buildFixture({ dataDir: dir, cases: CASES, organizations: 40, patients: 50, eventsPerCase: 3, today: TODAY, batch: 100 })
}, 120_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const request: CaseQueryRequest = { filter: {}, sort: [{ key: 'urgency', dir: 'asc' }], window: { offset: 0, limit: 100 }, clocks: 'progressive' }

/** Every case-file stat and every file call under backups/, through the real file system, each a little slow (a busy disk). */
function watchedFs(): { fs: StoreFs; caseStats: () => number; backupCalls: () => number } {
  const casesDir = `${join(dir, 'cases')}${sep}`
  const backupsDir = join(dir, 'backups')
  let caseStats = 0
  let backupCalls = 0
  const fs = new Proxy(nodeFs, {
    get(target, prop, receiver) {
      const real = Reflect.get(target, prop, receiver) as unknown
      if (typeof real !== 'function') return real
      return async (...args: unknown[]) => {
        const path = String(args[0])
        if (prop === 'stat' && path.startsWith(casesDir)) caseStats++
        if (path.startsWith(backupsDir)) backupCalls++
        await new Promise((resolve) => setTimeout(resolve, 1))
        return (real as (...a: unknown[]) => Promise<unknown>).apply(target, args)
      }
    }
  }) as StoreFs
  return { fs, caseStats: () => caseStats, backupCalls: () => backupCalls }
}

async function openWatched(extra: Partial<OpenServicesOptions>): Promise<{ s: AppServices; watched: ReturnType<typeof watchedFs> }> {
  // Each open is a new day's first (no daily backup of "today" yet): the backups of earlier runs go.
  await rm(join(dir, 'backups'), { recursive: true, force: true })
  const watched = watchedFs()
  const s = await openServices({ dataDir: dir, appVersion: 'test', holder: 'test', now: () => new Date(`${TODAY}T15:00:00Z`), fs: watched.fs, ...extra })
  return { s, watched }
}

it('the first cases.query answer comes before the check and the backup start; both run after it', async () => {
  const { s, watched } = await openWatched({ backgroundAfterFirstAnswer: { fallbackMs: 60_000 } })
  const backupCallsAtOpen = watched.backupCalls()
  const answer = await s.queries.query(request)
  expect(answer.total).toBe(CASES)
  // As the answer is handed back: the check has not stat'ed a case file, the backup not begun.
  expect(watched.caseStats()).toBe(0)
  expect(watched.backupCalls()).toBe(backupCallsAtOpen)
  expect(s.store.backups.status().dailyInProgress).toBe(false)

  await new Promise((resolve) => setImmediate(resolve))
  await s.store.flush()
  expect(watched.caseStats()).toBeGreaterThanOrEqual(CASES)
  expect((await s.store.backups.list()).filter((b) => b.reason === 'daily')).toHaveLength(1)
  await s.close()
}, 60_000)

it('without it (the command line), the check is under way while the first answer is computed', async () => {
  const { s, watched } = await openWatched({})
  await s.queries.query(request)
  // The same open and query as above: only the deferral kept the count at 0 there.
  expect(watched.caseStats()).toBeGreaterThan(0)
  await s.close()
}, 60_000)
