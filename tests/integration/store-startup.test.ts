// Friendly failures: an unwritable data folder or a full disk gives an error a person can act on.
// Honest about simulation: these tests run as root, where chmod does not stop writes, so a
// read-only folder (EROFS), a permission error (EACCES) and a full disk (ENOSPC) are simulated by
// handing the store a node:fs/promises whose write calls fail with that errno. The ENOTDIR case
// (a data folder path that runs through a regular file) is real.
import * as realFs from 'node:fs/promises'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import type { StoreFs } from '../../src/store'
import { shardFile, shardOf } from '../../src/store/layout'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-startup-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code })

/** Real fs, except that while `failing.code` is set, every call that creates or writes fails with it. */
function failingFs(failing: { code: string | null }): StoreFs {
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>, isWrite: (...a: A) => boolean = () => true) =>
    async (...a: A): Promise<R> => {
      if (failing.code !== null && isWrite(...a)) throw errno(failing.code)
      return fn(...a)
    }
  return {
    ...realFs,
    mkdir: guard(realFs.mkdir) as StoreFs['mkdir'],
    writeFile: guard(realFs.writeFile) as StoreFs['writeFile'],
    open: guard(realFs.open, (_p: unknown, flags?: unknown) => flags !== undefined && flags !== 'r') as StoreFs['open'],
    rename: guard(realFs.rename) as StoreFs['rename'],
    link: guard(realFs.link) as StoreFs['link']
  }
}

const open = (dataDir: string, fs?: StoreFs) =>
  openStore(testSchema(), { dataDir, holder: 'test', dailyBackup: false, ...(fs === undefined ? {} : { fs }) })

describe('start-up failures', () => {
  it('a data folder path that runs through a file (ENOTDIR, real) → DATA_DIR_UNWRITABLE naming it', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    const target = join(dir, 'a-file', 'data')
    const err = await open(target).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATA_DIR_UNWRITABLE' })
    expect((err as Error).message).toMatch(
      new RegExp(`^Access Advocate cannot create the folder ${target}: part of the path is a file, not a folder \\(ENOTDIR\\)\\. Choose a data folder you can write to, or fix the permissions of ${target}\\.$`)
    )
  })

  it.each([
    ['EROFS', 'the disk is read-only'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted']
  ])('%s (simulated) on an existing folder → DATA_DIR_UNWRITABLE: %s', async (code, reason) => {
    await (await open(dir)).close()
    const err = await open(dir, failingFs({ code })).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATA_DIR_UNWRITABLE' })
    expect((err as Error).message).toContain(reason)
    expect((err as Error).message).toContain(dir)
  })

  it('ENOSPC (simulated) at open → DISK_FULL', async () => {
    const err = await open(join(dir, 'new'), failingFs({ code: 'ENOSPC' })).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DISK_FULL' })
    expect((err as Error).message).toMatch(/^The disk holding .* is full \(ENOSPC while trying to create the folder .*\)\. Free some space and try again/)
  })
})

describe('a disk that fills up while the app is open (simulated ENOSPC)', () => {
  it('fails the put with DISK_FULL, leaves memory and disk as they were, and recovers when space is freed', async () => {
    const failing: { code: string | null } = { code: null }
    const store = await open(dir, failingFs(failing))
    await store.records.cases.put(makeCase('c1', 1))
    await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
    await store.singletons.settings.put({ theme: 'dark', n: 1 })
    const caseBytes = await readFile(join(dir, 'cases', 'c1.json'))
    const shardBytes = await readFile(join(dir, shardFile('patients', shardOf('p1', 16))))

    failing.code = 'ENOSPC'
    const errs = await Promise.all([
      store.records.cases.put(makeCase('c1', 2)).catch((e: unknown) => e),
      store.records.cases.put(makeCase('c2', 2)).catch((e: unknown) => e),
      store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 2 }).catch((e: unknown) => e),
      store.sharded.patients.put({ id: 'p2', name: 'Bo', n: 2 }).catch((e: unknown) => e),
      store.singletons.settings.put({ theme: 'light', n: 2 }).catch((e: unknown) => e)
    ])
    for (const e of errs) expect(e).toMatchObject({ code: 'DISK_FULL' })
    expect((errs[0] as Error).message).toContain(join(dir, 'cases', 'c1.json'))

    // Memory still matches the disk.
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    expect(await store.records.cases.get('c2')).toBeUndefined()
    expect(store.records.cases.summaries().map((e) => [e.id, e.summary.n])).toEqual([['c1', 1]])
    expect(store.sharded.patients.get('p1')?.n).toBe(1)
    expect(store.sharded.patients.get('p2')).toBeUndefined()
    expect(store.singletons.settings.get()).toEqual({ theme: 'dark', n: 1 })
    expect(await readFile(join(dir, 'cases', 'c1.json'))).toEqual(caseBytes)
    expect(await readFile(join(dir, shardFile('patients', shardOf('p1', 16))))).toEqual(shardBytes)
    expect((await readdir(join(dir, 'cases'))).filter((n) => n.endsWith('.tmp'))).toEqual([])

    failing.code = null
    await store.records.cases.put(makeCase('c1', 3))
    await store.sharded.patients.put({ id: 'p2', name: 'Bo', n: 3 })
    await store.close()
    const again = await open(dir)
    expect((await again.records.cases.get('c1'))?.n).toBe(3)
    expect(again.sharded.patients.all().map((p) => [p.id, p.n])).toEqual([['p1', 1], ['p2', 3]])
    expect(again.recoveries).toEqual([])
    await again.close()
  })
})
