// Open's background work (the check of every case file, then the daily backup) may be deferred by a
// window's front door until its first caseload answer is out (OpenStoreOptions.deferBackground).
// Deferred is not dropped: it runs when asked, by the fallback timer, or at close when a daily backup
// is due; and until then it does nothing (counted: no stat of a case file, no backup, no repair).
import * as nodeFs from 'node:fs/promises'
import { mkdtemp, rm, stat, truncate, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { makeCase, testSchema } from '../../tests/fixtures/store/schema'
import { openStore } from './index'
import type { OpenStoreOptions, StoreFs } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-deferred-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const CASES = 60
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const open = (options: Partial<OpenStoreOptions> = {}) => openStore(testSchema(), { dataDir: dir, holder: 'test', indexDebounceMs: 1, ...options })

/** A folder of CASES cases with a fresh index, then one case file halved in place (its mtime put back). */
async function seededWithDamage(): Promise<string> {
  const seeded = await open({ dailyBackup: false })
  await seeded.records.cases.putMany(Array.from({ length: CASES, }, (_, i) => makeCase(`c${i}`, 1)))
  await seeded.close()
  // Opened once more so the index is fresh: an open reads no case file, only the check does.
  await (await open({ dailyBackup: false })).close()
  const file = join(dir, 'cases', 'c7.json')
  const before = await stat(file)
  await truncate(file, Math.floor(before.size / 2))
  await utimes(file, before.atime, before.mtime)
  return 'cases/c7.json'
}

/** The real file system behind a proxy (so the check takes its asynchronous path), counting stats of case files. */
function countingFs(): { fs: StoreFs; stats: () => number } {
  const casesDir = `${join(dir, 'cases')}${sep}`
  let stats = 0
  const fs = new Proxy(nodeFs, {
    get(target, prop, receiver) {
      const real = Reflect.get(target, prop, receiver) as unknown
      if (typeof real !== 'function') return real
      return (...args: unknown[]) => {
        if (prop === 'stat' && String(args[0]).startsWith(casesDir)) stats++
        return (real as (...a: unknown[]) => Promise<unknown>).apply(target, args)
      }
    }
  }) as StoreFs
  return { fs, stats: () => stats }
}

const dailies = async (store: { backups: { list: () => Promise<Array<{ reason: string }>> } }) => (await store.backups.list()).filter((b) => b.reason === 'daily').length

it('deferred, the check and the daily backup wait for startBackground, then run: the damaged file is found, the backup made', async () => {
  const damaged = await seededWithDamage()
  const counted = countingFs()
  const store = await open({ fs: counted.fs, deferBackground: { fallbackMs: 60_000 } })
  await later(200)
  // Nothing yet: no stat of a case file, no repair, no backup.
  expect(counted.stats()).toBe(0)
  expect(store.recoveries.some((r) => r.file === damaged)).toBe(false)
  expect(await dailies(store)).toBe(0)

  store.startBackground()
  store.startBackground() // once only
  await store.flush()
  expect(counted.stats()).toBeGreaterThanOrEqual(CASES)
  expect(counted.stats()).toBeLessThan(2 * CASES + 10)
  expect(store.recoveries.some((r) => r.file === damaged)).toBe(true)
  expect(await dailies(store)).toBe(1)
  await store.close()
})

it('not deferred, the same work starts as open returns (the command line): the check is under way before anything asks', async () => {
  await seededWithDamage()
  const counted = countingFs()
  const store = await open({ fs: counted.fs })
  await later(200)
  expect(counted.stats()).toBeGreaterThan(0)
  await store.close()
})

it('deferred and never asked for, it runs after the fallback time', async () => {
  const damaged = await seededWithDamage()
  const counted = countingFs()
  const store = await open({ fs: counted.fs, deferBackground: { fallbackMs: 300 } })
  await later(100)
  expect(counted.stats()).toBe(0)
  const until = Date.now() + 10_000
  while ((await dailies(store)) === 0 && Date.now() < until) await later(50)
  expect(await dailies(store)).toBe(1)
  expect(store.recoveries.some((r) => r.file === damaged)).toBe(true)
  await store.close()
})

it('closed before it started: a due daily backup is taken (close waits for it); without one, nothing runs', async () => {
  await seededWithDamage()
  const store = await open({ deferBackground: { fallbackMs: 60_000 } })
  await store.close()
  const again = await open({ dailyBackup: false })
  expect(await dailies(again)).toBe(1)
  await again.close()

  await rm(join(dir, 'backups'), { recursive: true, force: true })
  const counted = countingFs()
  const quiet = await open({ fs: counted.fs, dailyBackup: 'abandon-on-close', deferBackground: { fallbackMs: 60_000 } })
  await quiet.close()
  expect(counted.stats()).toBe(0)
  const last = await open({ dailyBackup: false })
  expect(await dailies(last)).toBe(0)
  await last.close()
})
