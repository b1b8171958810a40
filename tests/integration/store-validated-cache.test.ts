// Opening skips re-validating shard and singleton contents this code already validated, and only
// those: any change to a file's bytes, or to the code, brings full validation back.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openStore } from '../../src/store'
import { codeIdOf } from '../../src/store/validated-cache'
import { settingsSpec, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-validated-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (codeVersion = '1.0.0') => openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, codeVersion })

async function seed(): Promise<string> {
  const store = await open()
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
  await store.close()
  const [shard] = (await readdir(join(dir, 'patients'))).filter((f) => f.endsWith('.json'))
  return join(dir, 'patients', shard!)
}

/** Makes a record invalid while keeping the file well-formed JSON (as a careless sync or hand edit would). */
async function breakRecord(file: string, value: unknown): Promise<void> {
  const env = JSON.parse(await readFile(file, 'utf8')) as { data: { records: Array<Record<string, unknown>> } }
  env.data.records[0]!['n'] = value
  await writeFile(file, JSON.stringify(env))
}

describe('validated-content cache', () => {
  it('records what this code validated, in .local, and reopens with the same data', async () => {
    await seed()
    const cache = JSON.parse(await readFile(join(dir, '.local', 'validated.json'), 'utf8')) as { files: Record<string, string> }
    expect(Object.keys(cache.files).some((f) => f.startsWith('patients/'))).toBe(true)
    const store = await open()
    expect(store.sharded.patients.get('p1')).toEqual({ id: 'p1', name: 'Ann', n: 1 })
    expect(store.recoveries).toEqual([])
    await store.close()
  })

  it('validates a file in full again once its bytes change, so an invalid record is still caught', async () => {
    const file = await seed()
    await breakRecord(file, 'not a number')
    const store = await open()
    expect(store.recoveries).toHaveLength(1)
    expect(store.recoveries[0]).toMatchObject({ file: expect.stringMatching(/^patients\//), problem: expect.stringMatching(/records\[0\]\.n/) })
    expect(store.sharded.patients.get('p1')).toBeUndefined()
    await store.close()
  })

  it('starts afresh for another version of the code', async () => {
    await seed()
    const cacheFile = join(dir, '.local', 'validated.json')
    const before = JSON.parse(await readFile(cacheFile, 'utf8')) as { codeId: string }
    const store = await open('2.0.0')
    await store.close()
    const after = JSON.parse(await readFile(cacheFile, 'utf8')) as { codeId: string; files: Record<string, string> }
    expect(after.codeId).not.toBe(before.codeId)
    expect(Object.keys(after.files).length).toBeGreaterThan(0)
  })

  it('identifies the code by its version and the shape of each schema', () => {
    const spec = settingsSpec()
    const looser = { ...spec, schema: z.object({ theme: z.string(), n: z.number() }) }
    expect(codeIdOf('1.0.0', [spec])).toBe(codeIdOf('1.0.0', [settingsSpec()]))
    expect(codeIdOf('1.0.0', [spec])).not.toBe(codeIdOf('1.0.1', [spec]))
    expect(codeIdOf('1.0.0', [spec])).not.toBe(codeIdOf('1.0.0', [looser]))
  })

  it('ignores a damaged cache file: everything is validated as before', async () => {
    const file = await seed()
    await writeFile(join(dir, '.local', 'validated.json'), '{ not json')
    await breakRecord(file, -1.5)
    const store = await open()
    expect(store.recoveries).toHaveLength(1)
    await store.close()
  })
})
