// Damaged files: truncated, garbage, wrong schema, empty — in a shard, a singleton and a case file.
// Each is moved aside to quarantine/ (never overwritten), the newest backup holding a good copy is
// restored, and a Recovery names the file, what was wrong, and what was restored.
import { mkdtemp, readFile, readdir, rm, truncate, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import type { Recovery } from '../../src/store'
import { shardFile, shardOf } from '../../src/store/layout'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-corrupt-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = () => openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1 })

const patientFile = shardFile('patients', shardOf('p1', 16))

type Damage = { name: string; apply: (path: string) => Promise<void>; problem: RegExp }

const damages: Damage[] = [
  {
    name: 'truncated',
    apply: async (path) => {
      const size = (await readFile(path)).byteLength
      await truncate(path, Math.floor(size / 2))
    },
    problem: /^truncated JSON: the file ends at byte \d+ in the middle of a value$/
  },
  {
    name: 'garbage',
    apply: (path) => writeFile(path, 'this is not json at all'),
    problem: /^not JSON: Unexpected token/
  },
  {
    name: 'binary garbage',
    apply: (path) => writeFile(path, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b])),
    problem: /^not a text file \(invalid UTF-8\)$/
  },
  {
    name: 'wrong schema',
    apply: async (path) => {
      const env = JSON.parse(await readFile(path, 'utf8'))
      if (Array.isArray(env.data.records)) env.data.records[0].name = ''
      else if ('theme' in env.data) env.data.theme = 'purple'
      else env.data.events[1] = { at: 5 }
      await writeFile(path, JSON.stringify(env))
    },
    problem: /^wrong schema: (records\[0\]\.name: Too small|theme: Invalid option|events\[1\]\.at: Invalid input: expected string)/
  },
  { name: 'empty', apply: (path) => writeFile(path, ''), problem: /^empty file \(0 bytes\)$/ }
]

const targets = [
  { kind: 'shard', rel: patientFile },
  { kind: 'singleton', rel: 'settings.json' },
  { kind: 'case file (read during an index rebuild)', rel: 'cases/c1.json' }
]

/** Writes version 1, backs up, writes version 2, closes. */
async function seed(): Promise<string> {
  const store = await open()
  await store.records.cases.put(makeCase('c1', 1))
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
  await store.singletons.settings.put({ theme: 'dark', n: 1 })
  const backup = await store.backups.create('manual')
  await store.records.cases.put(makeCase('c1', 2))
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 2 })
  await store.singletons.settings.put({ theme: 'dark', n: 2 })
  await store.close()
  return backup.id
}

const valueOf = async (store: Awaited<ReturnType<typeof open>>, kind: string): Promise<number | undefined> =>
  kind === 'shard'
    ? store.sharded.patients.get('p1')?.n
    : kind === 'singleton'
      ? store.singletons.settings.get().n
      : (await store.records.cases.get('c1'))?.n

describe.each(targets)('a damaged $kind', ({ kind, rel }) => {
  it.each(damages)('$name: quarantined, restored from the newest good backup, reported', async ({ apply, problem }) => {
    const backupId = await seed()
    await apply(join(dir, rel))
    const damaged = await readFile(join(dir, rel))
    // A case file is only read when the index is rebuilt or on get(): force the rebuild here.
    if (kind.startsWith('case')) await unlink(join(dir, '.local', 'index-cases.json'))

    const store = await open()
    expect(store.recoveries).toHaveLength(1)
    const r = store.recoveries[0] as Recovery
    expect(r.file).toBe(rel)
    expect(r.problem).toMatch(problem)
    expect(r.restoredFrom).toBe(backupId)
    expect(r.action).toContain(`moved aside to ${r.quarantined}`)
    expect(r.action).toContain(`restored the copy from the manual backup`)
    // The backup's value (n=1) is back; the damaged bytes are kept, byte for byte.
    expect(await valueOf(store, kind)).toBe(1)
    expect(await readFile(join(dir, r.quarantined as string))).toEqual(damaged)
    await store.close()

    // The restored file is good: a second open finds nothing wrong.
    const again = await open()
    expect(again.recoveries).toEqual([])
    expect(await valueOf(again, kind)).toBe(1)
    await again.close()
  })
})

describe('without a backup', () => {
  it('quarantines and starts without the damaged data, saying so', async () => {
    const store = await open()
    await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
    await store.singletons.settings.put({ theme: 'dark', n: 1 })
    await store.records.cases.put(makeCase('c1', 1))
    await store.close()
    await writeFile(join(dir, patientFile), '{"schemaVersion":1,"rev"')
    await writeFile(join(dir, 'settings.json'), '')
    await writeFile(join(dir, 'cases', 'c1.json'), 'xx')
    await unlink(join(dir, '.local', 'index-cases.json'))

    const reopened = await open()
    const byFile = new Map(reopened.recoveries.map((r) => [r.file, r]))
    expect(byFile.get(patientFile)?.action).toMatch(/no backup held a good copy: the patients stored in it are missing/)
    expect(byFile.get('settings.json')?.action).toMatch(/the default settings are used/)
    expect(byFile.get('cases/c1.json')?.action).toMatch(/the cases record "c1" is no longer listed/)
    expect(reopened.sharded.patients.all()).toEqual([])
    expect(reopened.singletons.settings.get()).toEqual({ theme: 'light', n: 0 })
    expect(reopened.records.cases.summaries()).toEqual([])
    expect((await readdir(join(dir, 'quarantine'))).sort()).toHaveLength(3)
    // New writes go to fresh files; the quarantined ones are untouched.
    await reopened.sharded.patients.put({ id: 'p2', name: 'Bo', n: 1 })
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(3)
    await reopened.close()
  })
})

describe('a case file damaged while the index is fresh', () => {
  it('is caught after reopening (by the background check or the first get), quarantined, restored, and announced', async () => {
    const backupId = await seed()
    // Damaged in place (no rename, so the folder's mtime does not move): the index still looks
    // fresh and open reads no case file; the check of every file's stamp after open, or the first
    // read, finds it, whichever comes first, and only once.
    await writeFile(join(dir, 'cases', 'c1.json'), '{"schemaVersion":1,"rev":3,"deviceId":"d","updatedAt":"x","data":{"id":"c1"')
    const store = await open()
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1'])
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    await store.flush()
    const found = store.recoveries.filter((r) => r.file === 'cases/c1.json')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ file: 'cases/c1.json', restoredFrom: backupId })
    expect(found[0]?.problem).toMatch(/^truncated JSON/)
    // The summary follows the restored file.
    expect(store.records.cases.summaries()[0]?.summary.n).toBe(1)
    await store.close()
  })

  it('is caught on get() when the index is really fresh', async () => {
    const backupId = await seed()
    const store = await open()
    // Damage it behind the store's back while it is open: the index is in memory and fresh.
    await writeFile(join(dir, 'cases', 'c1.json'), 'garbage')
    const heard: Recovery[] = []
    store.onRecovery((r) => heard.push(r))
    expect(store.recoveries).toEqual([])
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    expect(heard).toHaveLength(1)
    expect(heard[0]).toMatchObject({ file: 'cases/c1.json', restoredFrom: backupId })
    expect(heard[0]?.problem).toMatch(/^not JSON/)
    expect(store.recoveries).toEqual(heard)
    await store.close()
  })
})
