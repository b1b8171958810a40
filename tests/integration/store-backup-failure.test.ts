// The daily backup runs unattended after open. When it cannot be made (here, for real: a regular
// file sits where the backups folder should be, so the disk answers ENOTDIR), the data still opens
// and takes writes, and the failure is remembered for the app and the CLI to show until a later
// backup succeeds.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-backup-fail-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const at = new Date(2026, 10, 25, 9, 0, 0)
const open = (dailyBackup: boolean) => openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup, indexDebounceMs: 1, now: () => at })

/** A folder with a case and a patient, closed, whose `backups` is then a regular file. */
async function folderWithBackupsAsFile(): Promise<void> {
  const store = await open(false)
  await store.records.cases.put(makeCase('c1', 1))
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
  await store.backups.create('manual') // so a backups/ folder really existed and is replaced below
  await store.close()
  await rm(join(dir, 'backups'), { recursive: true, force: true })
  await writeFile(join(dir, 'backups'), 'not a folder')
}

describe('a daily backup that cannot be made', () => {
  it('does not stop the data opening, is remembered with a useful message, and is cleared by a later backup', async () => {
    await folderWithBackupsAsFile()
    const store = await open(true)
    expect(store.backups.status().dailyInProgress).toBe(true)
    await store.flush() // waits for the background backup
    const { lastFailure, dailyInProgress } = store.backups.status()
    expect(dailyInProgress).toBe(false)
    expect(lastFailure).toEqual({ reason: 'daily', at: at.toISOString(), message: expect.any(String) })
    // The message names the folder, the cause and what to do.
    expect(lastFailure?.message).toContain(join(dir, 'backups'))
    expect(lastFailure?.message).toMatch(/a file, not a folder \(ENOTDIR\)/)
    expect(store.recoveries).toEqual([])

    // The data is intact and still takes writes.
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    expect(store.sharded.patients.get('p1')?.name).toBe('Ann')
    await store.records.cases.put(makeCase('c2', 2))
    await store.sharded.patients.put({ id: 'p2', name: 'Bea', n: 2 })

    // A manual backup is refused while the file is there, and the failure stays.
    await expect(store.backups.create('manual')).rejects.toMatchObject({ code: 'DATA_DIR_UNWRITABLE' })
    expect(store.backups.status().lastFailure?.reason).toBe('daily')

    // Once the file is gone, a manual backup succeeds and clears the failure.
    await rm(join(dir, 'backups'))
    const made = await store.backups.create('manual')
    expect(made.counts).toMatchObject({ cases: 2, patients: 2 })
    expect(store.backups.status()).toEqual({ lastFailure: null, dailyInProgress: false })
    await store.close()

    const again = await open(false)
    expect(again.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    expect(again.backups.status().lastFailure).toBeNull()
    await again.close()
  })

  it('is still readable after close, which waited for it (the CLI reports it then)', async () => {
    await folderWithBackupsAsFile()
    const store = await open(true)
    await store.close()
    expect(store.backups.status().lastFailure?.message).toMatch(/ENOTDIR/)
  })

  it('a daily backup that succeeds leaves no failure behind', async () => {
    const store = await open(false)
    await store.records.cases.put(makeCase('c1'))
    await store.close()
    const again = await open(true)
    await again.flush()
    expect(again.backups.status()).toEqual({ lastFailure: null, dailyInProgress: false })
    expect((await again.backups.list()).map((b) => b.reason)).toEqual(['daily'])
    await again.close()
  })
})
