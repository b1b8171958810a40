import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { peopleSpec, settingsSpec, casesSpec } from '../../tests/fixtures/store/schema'
import { defineSchema, openStore } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-shard-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const schemaWith = (shards: number) =>
  defineSchema({
    records: { cases: casesSpec() },
    sharded: { patients: peopleSpec('patients', shards), organizations: peopleSpec('organizations', 4) },
    singletons: { settings: settingsSpec() }
  })

describe('sharded collections', () => {
  it('spread records over their shards; a put rewrites one shard only', async () => {
    const store = await openStore(schemaWith(16), { dataDir: dir, holder: 't', dailyBackup: false })
    for (let i = 0; i < 200; i++) await store.sharded.patients.put({ id: `p${i}`, name: `P${i}`, n: i })
    const shards = (await readdir(join(dir, 'patients'))).sort()
    expect(shards).toHaveLength(16)
    const mtimes = async (): Promise<Record<string, number>> =>
      Object.fromEntries(await Promise.all(shards.map(async (s) => [s, (await stat(join(dir, 'patients', s))).mtimeMs] as const)))
    const before = await mtimes()
    await new Promise((r) => setTimeout(r, 15))
    await store.sharded.patients.put({ id: 'p7', name: 'Changed', n: 7 })
    const after = await mtimes()
    expect(shards.filter((s) => before[s] !== after[s])).toHaveLength(1)
    expect(store.sharded.patients.all()).toHaveLength(200)
    await store.close()
  })

  it('keep every record readable when the shard count changes, moving each when next written', async () => {
    const a = await openStore(schemaWith(16), { dataDir: dir, holder: 't', dailyBackup: false })
    for (let i = 0; i < 100; i++) await a.sharded.patients.put({ id: `p${i}`, name: `P${i}`, n: i })
    await a.close()
    const b = await openStore(schemaWith(4), { dataDir: dir, holder: 't', dailyBackup: false })
    expect(b.sharded.patients.all()).toHaveLength(100)
    for (let i = 0; i < 100; i++) await b.sharded.patients.put({ id: `p${i}`, name: `Q${i}`, n: i })
    await b.close()
    const c = await openStore(schemaWith(4), { dataDir: dir, holder: 't', dailyBackup: false })
    expect(c.sharded.patients.all().map((p) => p.name)).toEqual(expect.arrayContaining(['Q0', 'Q99']))
    expect(c.sharded.patients.all()).toHaveLength(100)
    await c.close()
  })
})
