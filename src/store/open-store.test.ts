import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors'
import { makeCase, testSchema } from '../../tests/fixtures/store/schema'
import { openStore } from './index'
import type { Case, CaseSummary, Person, Settings } from '../../tests/fixtures/store/schema'
import type { Store } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (opts: { holder?: string } = {}) =>
  openStore(testSchema(), { dataDir: dir, holder: opts.holder ?? 'test', dailyBackup: false, indexDebounceMs: 5 })

describe('openStore', () => {
  it('types collections from the schema', async () => {
    const store = await open()
    // Compile-time checks: these assignments fail to typecheck if the mapping is wrong.
    const c: Case | undefined = await store.records.cases.get('x')
    const s: ReadonlyArray<{ summary: CaseSummary }> = store.records.cases.summaries()
    const p: Person | undefined = store.sharded.patients.get('x')
    const t: Settings = store.singletons.settings.get()
    const _typed: Store<ReturnType<typeof testSchema>> = store
    expect([c, s.length, p, t.theme]).toEqual([undefined, 0, undefined, 'light'])
    await store.close()
  })

  it('writes every file in an envelope with schemaVersion, rev, deviceId, updatedAt', async () => {
    const store = await open()
    await store.records.cases.put(makeCase('c1'))
    await store.records.cases.put({ ...makeCase('c1'), n: 2 })
    await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
    await store.singletons.settings.put({ theme: 'dark', n: 1 })
    await store.close()
    const env = JSON.parse(await readFile(join(dir, 'cases', 'c1.json'), 'utf8'))
    expect(env).toMatchObject({ schemaVersion: 1, rev: 2, deviceId: store.deviceId, data: { id: 'c1', n: 2 } })
    expect(Number.isNaN(Date.parse(env.updatedAt))).toBe(false)
    const shards = (await readdir(join(dir, 'patients'))).filter((n) => n.endsWith('.json'))
    expect(shards).toHaveLength(1)
    const shard = JSON.parse(await readFile(join(dir, 'patients', shards[0] as string), 'utf8'))
    expect(shard).toMatchObject({ schemaVersion: 1, rev: 1, data: { records: [{ id: 'p1', name: 'Ann' }] } })
    const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(settings).toMatchObject({ rev: 1, data: { theme: 'dark' } })
    expect(await readdir(join(dir, '.local'))).toEqual(expect.arrayContaining(['device.json', 'index-cases.json']))
  })

  it('reopens with everything that was written', async () => {
    const a = await open()
    await a.records.cases.put(makeCase('c1', 5))
    await a.sharded.organizations.put({ id: 'o1', name: 'Mercy', n: 3 })
    await a.singletons.settings.put({ theme: 'dark', n: 9 })
    await a.close()
    const b = await open()
    expect((await b.records.cases.get('c1'))?.n).toBe(5)
    expect(b.records.cases.summaries()).toEqual([{ id: 'c1', rev: 1, summary: { title: 'Case c1', status: 'open', n: 5, events: 3 } }])
    expect(b.sharded.organizations.all()).toEqual([{ id: 'o1', name: 'Mercy', n: 3 }])
    expect(b.singletons.settings.get()).toEqual({ theme: 'dark', n: 9 })
    expect(b.recoveries).toEqual([])
    await b.close()
  })

  it('refuses invalid records with the field path and leaves the store unchanged', async () => {
    const store = await open()
    await store.records.cases.put(makeCase('c1', 1))
    const bad = { ...makeCase('c1', 2), title: '' }
    const err = await store.records.cases.put(bad).catch((e: unknown) => e)
    expect(isAppError(err) && err.code).toBe('INVALID_INPUT')
    expect(String((err as Error).message)).toMatch(/title: /)
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    const err2 = await store.sharded.patients.put({ id: 'p', name: 'x', n: 1.5 }).catch((e: unknown) => e)
    expect((err2 as Error).message).toMatch(/^Invalid patients: n: /)
    expect(store.sharded.patients.all()).toEqual([])
    const err3 = await store.records.cases.put(makeCase('../evil')).catch((e: unknown) => e)
    expect(isAppError(err3) && err3.code).toBe('INVALID_INPUT')
    const err4 = await store.singletons.settings.put({ theme: 'blue', n: 1 } as unknown as Settings).catch((e: unknown) => e)
    expect((err4 as Error).message).toMatch(/theme/)
    expect(store.singletons.settings.get().theme).toBe('light')
    await store.close()
  })

  it('removes records and reports NOT_FOUND for unknown ones', async () => {
    const store = await open()
    await store.records.cases.put(makeCase('c1'))
    await store.sharded.patients.put({ id: 'p1', name: 'A', n: 1 })
    await store.records.cases.remove('c1')
    await store.sharded.patients.remove('p1')
    expect(await store.records.cases.get('c1')).toBeUndefined()
    expect(store.records.cases.summaries()).toEqual([])
    expect(store.sharded.patients.get('p1')).toBeUndefined()
    await expect(store.records.cases.remove('c1')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(store.sharded.patients.remove('p1')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await store.close()
    expect(await readdir(join(dir, 'cases'))).toEqual([])
  })
})
