// Migrations: each collection and singleton has a version and append-only migrations. At open,
// older files are migrated once, after a pre-migration backup; files from a newer version are
// refused with a clear error and left untouched.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineSchema, openStore } from '../../src/store'
import { shardFile, shardOf } from '../../src/store/layout'
import { casesSpec, makeCase, peopleSpec, settingsSpec, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-migrate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Version 2 of each: version 1 had no `n`; the migration sets it from a counter, so we can see it ran.
let calls = 0
const addN = { from: 1, migrate: (r: unknown) => ({ ...(r as object), n: 100 + calls++ }) }

const V1Case = z.object({ id: z.string(), title: z.string(), status: z.enum(['open', 'waiting', 'closed']), events: z.array(z.unknown()) })
const V1Person = z.object({ id: z.string(), name: z.string() })
const V1Settings = z.object({ theme: z.enum(['light', 'dark']) })

const v1Schema = defineSchema({
  records: { cases: { name: 'cases', schema: V1Case, layout: { kind: 'file-per-record' }, version: 1, migrations: [] } },
  sharded: {
    patients: { name: 'patients', schema: V1Person, layout: { kind: 'sharded', shards: 16 }, version: 1, migrations: [] },
    organizations: { name: 'organizations', schema: V1Person, layout: { kind: 'sharded', shards: 8 }, version: 1, migrations: [] }
  },
  singletons: { settings: { name: 'settings', schema: V1Settings, defaults: { theme: 'light' }, version: 1, migrations: [] } }
})

const v2Schema = defineSchema({
  records: { cases: casesSpec(2, [addN]) },
  sharded: { patients: peopleSpec('patients', 16, 2, [addN]), organizations: peopleSpec('organizations', 8, 2, [addN]) },
  singletons: { settings: settingsSpec(2, [addN]) }
})

const opts = { holder: 'test', dailyBackup: false }

async function seedV1(): Promise<void> {
  const v1 = await openStore(v1Schema, { dataDir: dir, ...opts })
  for (let i = 0; i < 5; i++) {
    const { n: _n, ...old } = makeCase(`c${i}`)
    await v1.records.cases.put(old)
  }
  await v1.sharded.patients.put({ id: 'p1', name: 'Ann' })
  await v1.sharded.organizations.put({ id: 'o1', name: 'Mercy' })
  await v1.singletons.settings.put({ theme: 'dark' })
  await v1.close()
}

describe('migrations', () => {
  it('migrates old files once, after a pre-migration backup holding the old files', async () => {
    await seedV1()
    calls = 0
    const v2 = await openStore(v2Schema, { dataDir: dir, ...opts })
    expect(calls).toBeGreaterThanOrEqual(8) // 5 cases + 1 patient + 1 organization + settings
    expect(v2.sharded.patients.get('p1')?.n).toBeGreaterThanOrEqual(100)
    expect(v2.singletons.settings.get()).toMatchObject({ theme: 'dark' })
    expect((await v2.records.cases.get('c3'))?.n).toBeGreaterThanOrEqual(100)
    const backups = await v2.backups.list()
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration'])
    expect(backups[0]?.counts).toMatchObject({ cases: 5, patients: 1, organizations: 1 })
    await v2.close()

    // On disk: every file now says schemaVersion 2.
    const c3 = JSON.parse(await readFile(join(dir, 'cases', 'c3.json'), 'utf8'))
    expect(c3.schemaVersion).toBe(2)
    expect(c3.rev).toBe(2) // written once by v1, rewritten once by the migration
    const shard = JSON.parse(await readFile(join(dir, shardFile('patients', shardOf('p1', 16))), 'utf8'))
    expect(shard.schemaVersion).toBe(2)
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(2)
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).data.collections).toMatchObject({ cases: 2, patients: 2, settings: 2 })

    // The backup holds the version-1 files.
    const { unzipSync } = await import('fflate')
    const zip = unzipSync(await readFile(join(dir, 'backups', `${backups[0]?.id}.zip`)))
    expect(JSON.parse(Buffer.from(zip['cases/c3.json'] as Uint8Array).toString()).schemaVersion).toBe(1)

    // Once: a second open migrates nothing, rewrites nothing and takes no second backup.
    const before = await snapshot()
    calls = 0
    const again = await openStore(v2Schema, { dataDir: dir, ...opts })
    expect(calls).toBe(0)
    expect((await again.backups.list()).length).toBe(1)
    await again.close()
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a data folder from a newer version, and changes nothing', async () => {
    await seedV1()
    const v2 = await openStore(v2Schema, { dataDir: dir, ...opts })
    await v2.close()
    const before = await snapshot()
    const err = await openStore(v1Schema, { dataDir: dir, ...opts }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CONFLICT' })
    expect((err as Error).message).toMatch(/written by a newer version of Access Advocate \(format 2; this version knows up to 1\)\. Nothing was changed\. Update Access Advocate/)
    expect(await snapshot()).toEqual(before)
    // And the lock was released: the right version opens it.
    const ok = await openStore(v2Schema, { dataDir: dir, ...opts })
    await ok.close()
  })

  it('refuses a single case file from a newer version (e.g. synced from another device) on read, without touching it', async () => {
    const store = await openStore(testSchema(), { dataDir: dir, ...opts })
    await store.records.cases.put(makeCase('c1'))
    const path = join(dir, 'cases', 'c1.json')
    const env = JSON.parse(await readFile(path, 'utf8'))
    env.schemaVersion = 7
    await writeFile(path, JSON.stringify(env))
    await expect(store.records.cases.get('c1')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(7)
    expect(store.recoveries).toEqual([])
    await store.close()
  })

  it('a migration that throws is reported as a damaged file, never half-applied', async () => {
    await seedV1()
    const broken = defineSchema({
      ...v2Schema,
      singletons: { settings: settingsSpec(2, [{ from: 1, migrate: () => { throw new Error('boom') } }]) }
    })
    const store = await openStore(broken, { dataDir: dir, ...opts })
    const r = store.recoveries.find((x) => x.file === 'settings.json')
    expect(r?.problem).toBe('migration from version 1 failed: boom')
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1)
    await store.close()
  })
})

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const sub of ['', 'cases', 'patients', 'organizations', 'backups']) {
    for (const name of await readdir(join(dir, sub)).catch(() => [])) {
      if (name.endsWith('.json')) out[`${sub}/${name}`] = await readFile(join(dir, sub, name), 'utf8')
    }
  }
  return out
}
