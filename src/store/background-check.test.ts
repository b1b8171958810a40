// The background check after open (FileRecordStore.verify) stats every case file through libuv's
// thread pool, which a save's own file calls also wait in. At 30,000 cases it was still running when
// the first saves came and made each of them wait behind its queue. A save must wait behind at most
// the few stats already in flight, not behind the check: counted here, not timed.
import * as nodeFs from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { makeCase, testSchema } from '../../tests/fixtures/store/schema'
import { openStore } from './index'
import type { StoreFs } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-verify-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const CASES = 300
const open = (fs?: StoreFs) => openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1, ...(fs && { fs }) })
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('a save started during the background check waits behind a few stats, not the whole check', async () => {
  const seeded = await open()
  await seeded.records.cases.putMany(Array.from({ length: CASES }, (_, i) => makeCase(`c${i}`, 1)))
  await seeded.close()
  // Opened once more so the index is fresh: the open below reads no case file, only the check stats them.
  await (await open()).close()

  const counted = countingFs()
  const slowFs = counted.fs
  let reached: (() => void) | null = null
  counted.onStat = (n) => {
    if (n === 20) reached?.()
  }
  const inTheMiddle = new Promise<void>((resolve) => (reached = resolve))
  const store = await open(slowFs)
  await inTheMiddle
  const before = counted.stats
  expect(before).toBeLessThan(CASES / 2)
  await store.records.cases.put(makeCase('c7', 2))
  const during = counted.stats - before
  await store.flush()
  const all = counted.stats

  // No stat was queued between the save's call and its first file call.
  expect(counted.firstWrite).toBe(before)
  // The save's own stamp of the file it wrote is one of them; the check keeps at most 4 in flight.
  expect(during).toBeLessThanOrEqual(5)
  // The check still ran to its end afterwards (one stat per case file at least).
  expect(all).toBeGreaterThanOrEqual(CASES)
  expect(all - before).toBeGreaterThan(CASES / 2)
  expect((await store.records.cases.get('c7'))?.n).toBe(2)
  await store.close()
})

it('a close that no backup waits on stops the background check instead of waiting for it', async () => {
  const seeded = await open()
  await seeded.records.cases.putMany(Array.from({ length: CASES }, (_, i) => makeCase(`c${i}`, 1)))
  await seeded.close()
  await (await open()).close()

  const counted = countingFs()
  const store = await open(counted.fs)
  await store.close()
  // dailyBackup: false, as the bench and the command line's 'abandon-on-close': the check stops at
  // its next file (the next open checks them all again).
  expect(counted.stats).toBeLessThan(CASES / 4)

  // A damaged file is still found by the next open's check.
  await nodeFs.writeFile(join(dir, 'cases', 'c42.json'), '{"half": ')
  const again = await open()
  await again.flush()
  expect(again.recoveries.some((r) => r.file === 'cases/c42.json')).toBe(true)
  await again.close()
})

/** The real file system with every call a little slower (a busy disk), counting stats of case files. */
function countingFs(): { fs: StoreFs; stats: number; firstWrite: number; onStat: (n: number) => void } {
  const casesDir = `${join(dir, 'cases')}${sep}`
  const counted = {
    stats: 0,
    firstWrite: -1,
    onStat: (_n: number) => {},
    fs: new Proxy(nodeFs, {
      get(target, prop, receiver) {
        const real = Reflect.get(target, prop, receiver) as unknown
        if (typeof real !== 'function') return real
        return async (...args: unknown[]) => {
          if (prop === 'open' && args[1] === 'w' && String(args[0]).startsWith(casesDir) && counted.firstWrite < 0) counted.firstWrite = counted.stats
          if (prop === 'stat' && String(args[0]).startsWith(casesDir)) counted.onStat(++counted.stats)
          await later(1)
          return (real as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        }
      }
    }) as StoreFs
  }
  return counted
}
