// The local index of case summaries: trusted only when fresh, rebuilt from the case files when
// missing, unreadable, from another app version, after a crash, or when the folder changed.
import * as realFs from 'node:fs/promises'
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCase, testSchema } from '../../tests/fixtures/store/schema'
import { openStore } from './index'
import type { StoreFs } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-index-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Counts reads of case files, to prove when open reads them and when it does not. */
function countingFs(counter: { caseReads: number }): StoreFs {
  return {
    ...realFs,
    readFile: (async (...args: Parameters<typeof realFs.readFile>) => {
      if (String(args[0]).includes(`${join(dir, 'cases')}/`)) counter.caseReads++
      return realFs.readFile(...args)
    }) as StoreFs['readFile']
  }
}

const open = (fs?: StoreFs) =>
  openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1, ...(fs === undefined ? {} : { fs }) })

async function seed(n: number): Promise<void> {
  const store = await open()
  await Promise.all(Array.from({ length: n }, (_, i) => store.records.cases.put(makeCase(`c${i}`, i))))
  await store.close()
}

const reopenCounting = async () => {
  const counter = { caseReads: 0 }
  const store = await open(countingFs(counter))
  return { store, counter }
}

describe('the case index', () => {
  it('with a fresh index, open reads no case file at all', async () => {
    await seed(50)
    const { store, counter } = await reopenCounting()
    expect(counter.caseReads).toBe(0)
    expect(store.records.cases.summaries()).toHaveLength(50)
    expect(store.records.cases.summaries()[3]).toEqual({ id: 'c11', rev: 1, summary: { title: 'Case c11', status: 'open', n: 11, events: 3 } })
    await store.close()
  })

  it('a save writes only that case file durably; the index follows, off the acknowledged path', async () => {
    await seed(5)
    const store = await open()
    const indexPath = join(dir, '.local', 'index-cases.json')
    const before = await readFile(indexPath, 'utf8')
    await store.records.cases.put(makeCase('c2', 99))
    // Acknowledged: the case file has it. The index may lag (debounced); flush() brings it up to date.
    expect(JSON.parse(await readFile(join(dir, 'cases', 'c2.json'), 'utf8')).data.n).toBe(99)
    await store.flush()
    const after = await readFile(indexPath, 'utf8')
    expect(after).not.toBe(before)
    expect(after).toContain('"n":99')
    await store.close()
  })

  it.each([
    ['missing', async () => unlink(join(dir, '.local', 'index-cases.json'))],
    ['unparsable', async () => writeFile(join(dir, '.local', 'index-cases.json'), '{"format":1,"entr')],
    ['for another app version', async () => {
      const p = join(dir, '.local', 'index-cases.json')
      await writeFile(p, (await readFile(p, 'utf8')).replace(/"summarizer":"[0-9a-f]+"/, '"summarizer":"0000"'))
    }],
    ['stale: a case file was added behind its back', async () => copyFile(join(dir, 'cases', 'c1.json'), join(dir, 'cases', 'c1x.json')).then(async () => {
      const p = join(dir, 'cases', 'c1x.json')
      await writeFile(p, (await readFile(p, 'utf8')).replace('"id":"c1"', '"id":"c1x"'))
    })],
    ['stale: a case file was deleted behind its back', async () => unlink(join(dir, 'cases', 'c3.json'))],
    ['stale: a case file was replaced by a sync tool (temp + rename)', async () => {
      const p = join(dir, 'cases', 'c4.json')
      const env = JSON.parse(await readFile(p, 'utf8'))
      env.data.title = 'Edited elsewhere'
      env.rev = 7
      await writeFile(`${p}.sync-tmp`, JSON.stringify(env))
      await realFs.rename(`${p}.sync-tmp`, p)
    }],
    ['the previous session crashed (stale lock)', async () => {
      await writeFile(join(dir, '.local', 'lock.json'), JSON.stringify({ holder: 'app', pid: 2 ** 22 + 11, hostname: (await import('node:os')).hostname(), since: new Date().toISOString(), session: 'dead' }))
    }]
  ])('is rebuilt from the files when %s', async (_why, damage) => {
    await seed(6)
    // Let the folder's mtime tick past the index's, as real later edits would.
    await new Promise((r) => setTimeout(r, 20))
    await damage()
    const { store, counter } = await reopenCounting()
    expect(counter.caseReads).toBeGreaterThanOrEqual(5)
    const ids = store.records.cases.summaries().map((e) => e.id)
    const onDisk = (await realFs.readdir(join(dir, 'cases'))).map((n) => n.replace(/\.json$/, '')).sort()
    // A file deleted behind the store's back is a loss, not a deletion: c3 stays listed, as lost.
    expect(ids).toEqual(_why.includes('deleted') ? [...onDisk, 'c3'].sort() : onDisk)
    if (_why.includes('deleted')) expect(store.records.cases.summaries().find((e) => e.id === 'c3')?.damaged).toMatch(/missing/)
    const c4 = store.records.cases.summaries().find((e) => e.id === 'c4')
    if (_why.includes('sync tool')) expect(c4).toMatchObject({ rev: 7, summary: { title: 'Edited elsewhere' } })
    await store.close()
    // And the rebuilt index is written: the next open reads no case file.
    const next = await reopenCounting()
    expect(next.counter.caseReads).toBe(0)
    await next.store.close()
  })
})
