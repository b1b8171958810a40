// Encryption at rest: with a passphrase, no record, attachment, index or backup content is readable
// on disk; a wrong passphrase is refused before anything is read or written.
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-crypt-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (passphrase?: string) =>
  openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1, ...(passphrase === undefined ? {} : { passphrase }) })

const SECRET = 'Zebediah Quux'
const attachment = Buffer.from(`Lab report for ${SECRET}: all fine`)

/** Every file under the folder, with its bytes (recursively, including .local and backups). */
async function allFiles(root = dir, rel = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`
    if (e.isDirectory()) for (const [k, v] of await allFiles(root, r)) out.set(k, v)
    else out.set(r, await readFile(join(root, r)))
  }
  return out
}

async function seed(passphrase: string): Promise<void> {
  const store = await open(passphrase)
  expect(store.encrypted).toBe(true)
  await store.records.cases.put({ ...makeCase('c1', 1), title: `Request for ${SECRET}` })
  await store.sharded.patients.put({ id: 'p1', name: SECRET, n: 1 })
  await store.singletons.settings.put({ theme: 'dark', n: 42 })
  await store.attachments.add(attachment)
  await store.backups.create('manual')
  await store.close()
}

describe('encryption at rest', () => {
  it('leaves no readable content anywhere in the folder, and reads it all back with the passphrase', async () => {
    await seed('correct horse battery staple')
    const files = await allFiles()
    // The backup zip stores the (already encrypted) files as they are: check inside too.
    const { unzipSync } = await import('fflate')
    for (const [rel, bytes] of files) {
      if (rel.endsWith('.zip')) for (const [name, inner] of Object.entries(unzipSync(bytes))) {
        if (name !== '.manifest.json') expect(Buffer.from(inner).includes(SECRET), `${rel}:${name}`).toBe(false)
      }
      expect(bytes.includes(SECRET), rel).toBe(false)
      expect(bytes.includes('Request for'), rel).toBe(false)
    }
    for (const rel of ['cases/c1.json', 'settings.json', '.local/index-cases.json']) {
      expect((files.get(rel) as Buffer).subarray(0, 4).toString()).toBe('AAE1')
    }
    const meta = JSON.parse((files.get('meta.json') as Buffer).toString())
    expect(meta.data.encryption).toMatchObject({ algorithm: 'aes-256-gcm', kdf: 'scrypt', N: 32768, r: 8, p: 1 })

    const store = await open('correct horse battery staple')
    expect((await store.records.cases.get('c1'))?.title).toBe(`Request for ${SECRET}`)
    expect(store.records.cases.summaries()[0]?.summary.title).toBe(`Request for ${SECRET}`)
    expect(store.sharded.patients.get('p1')?.name).toBe(SECRET)
    expect(store.singletons.settings.get().n).toBe(42)
    const sha = createHash('sha256').update(attachment).digest('hex')
    expect(Buffer.from(await store.attachments.read(sha)).toString()).toBe(attachment.toString())
    expect(store.recoveries).toEqual([])
    await store.close()
  })

  it('refuses a wrong or missing passphrase and changes nothing', async () => {
    await seed('right')
    const before = await allFiles()
    const mtimes = await stat(join(dir, 'meta.json'))
    const wrong = await open('wrong').catch((e: unknown) => e)
    expect(wrong).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((wrong as Error).message).toBe(`The passphrase does not unlock the data folder ${dir}. Nothing was changed; try again.`)
    const missing = await open().catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((missing as Error).message).toMatch(/is encrypted: enter its passphrase/)
    const after = await allFiles()
    // Byte-identical, and the failed opens left no lock behind.
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [rel, bytes] of before) expect(after.get(rel)?.equals(bytes), rel).toBe(true)
    expect((await stat(join(dir, 'meta.json'))).mtimeMs).toBe(mtimes.mtimeMs)
    const ok = await open('right')
    expect(ok.recoveries).toEqual([])
    await ok.close()
  })

  it('refuses a passphrase for a folder that is not encrypted', async () => {
    const plain = await open()
    await plain.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
    await plain.close()
    await expect(open('x')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/is not encrypted/) })
    const again = await open()
    expect(again.sharded.patients.get('p1')?.name).toBe('Ann')
    await again.close()
  })

  it('detects a tampered encrypted file and restores it from a backup', async () => {
    await seed('pw')
    const path = join(dir, 'settings.json')
    const bytes = await readFile(path)
    bytes.writeUInt8((bytes.readUInt8(bytes.length - 1) ^ 0x01), bytes.length - 1)
    await writeFile(path, bytes)
    const store = await open('pw')
    expect(store.recoveries).toHaveLength(1)
    expect(store.recoveries[0]).toMatchObject({ file: 'settings.json', problem: 'encrypted content fails its integrity check (truncated or altered)' })
    expect(store.recoveries[0]?.restoredFrom).toBeDefined()
    expect(store.singletons.settings.get().n).toBe(42)
    await store.close()
  })

  it('binds each file to its path: a file copied over another is detected', async () => {
    const store = await open('pw')
    await store.records.cases.put(makeCase('c1', 1))
    await store.records.cases.put(makeCase('c2', 2))
    await store.close()
    await writeFile(join(dir, 'cases', 'c2.json'), await readFile(join(dir, 'cases', 'c1.json')))
    const again = await open('pw')
    // Still listed, as damaged (no backup holds a good copy): get() says so instead of "not found".
    await expect(again.records.cases.get('c2')).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
    expect(again.recoveries.find((r) => r.file === 'cases/c2.json')?.problem).toMatch(/integrity check/)
    await again.close()
  })
})
