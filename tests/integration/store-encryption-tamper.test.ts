// Encryption that cannot be switched off by editing a file (issue 10, defect 7), and a wrong
// passphrase that really changes nothing (defect 11): meta.json's encryption block is
// authenticated under the derived key, a folder holding encrypted files never opens as plaintext,
// and a missing meta.json is brought back from a backup.
import { mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-tamper-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (passphrase?: string) =>
  openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1, ...(passphrase !== undefined && { passphrase }) })

async function seed(): Promise<void> {
  const store = await open('pw')
  await store.records.cases.put(makeCase('c1', 1))
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
  await store.backups.create('manual')
  await store.close()
}

const editMeta = async (edit: (meta: { data: { encryption?: Record<string, unknown> } }) => void): Promise<void> => {
  const path = join(dir, 'meta.json')
  const meta = JSON.parse(await readFile(path, 'utf8')) as { data: { encryption?: Record<string, unknown> } }
  edit(meta)
  await writeFile(path, JSON.stringify(meta))
}

const tree = async (): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort()

describe('meta.json edited', () => {
  it('its encryption block deleted: refused, with or without a passphrase, nothing changed', async () => {
    await seed()
    await editMeta((m) => delete m.data.encryption)
    const before = await tree()
    for (const pass of [undefined, 'pw']) {
      const err = await open(pass).catch((e: unknown) => e)
      expect(err, String(pass)).toMatchObject({ code: 'CORRUPT_DATA' })
      expect((err as Error).message).toMatch(/encrypted files.*meta\.json.*Nothing was changed/)
    }
    expect(await tree()).toEqual(before)
  })

  it('one character of keyCheck changed: a clear "altered" refusal, not "wrong passphrase"', async () => {
    await seed()
    await editMeta((m) => {
      const k = String(m.data.encryption?.['keyCheck'])
      if (m.data.encryption) m.data.encryption['keyCheck'] = (k[0] === 'A' ? 'B' : 'A') + k.slice(1)
    })
    const err = await open('pw').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CORRUPT_DATA' })
    expect((err as Error).message).toMatch(/encryption parameters in .*meta\.json were altered/)
  })

  it('meta.json deleted: brought back from the backup, and the folder opens with its passphrase', async () => {
    await seed()
    await unlink(join(dir, 'meta.json'))
    const store = await open('pw')
    expect(store.recoveries.find((r) => r.file === 'meta.json')?.restoredFrom).toBeTruthy()
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    await store.close()
  })
})

describe('a wrong passphrase', () => {
  it('leaves a stale lock where it was', async () => {
    await seed()
    const stale = JSON.stringify({ holder: 'app', pid: 2 ** 22 + 5, hostname: hostname(), since: new Date().toISOString(), session: 'dead' })
    await writeFile(join(dir, '.local', 'lock.json'), stale)
    const before = await tree()
    await expect(open('wrong')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(await readFile(join(dir, '.local', 'lock.json'), 'utf8')).toBe(stale)
    expect(await tree()).toEqual(before)
  })
})
