// The corruption matrix beyond "a damaged file at open": damage the index cannot see, files
// deleted with and without a backup, disk full while restoring, damaged backups (manifest and
// zip), damaged attachments and a zip-slip archive. Every case must be found, journalled, told,
// and repaired from the newest copy that checks out, never dropped silently.
import { mkdtemp, readFile, readdir, rm, truncate, unlink, utimes, writeFile, stat } from 'node:fs/promises'
import * as nodeFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import type { StoreFs } from '../../src/store'
import { JOURNAL_FILE } from '../../src/store/layout'
import { shardFile, shardOf } from '../../src/store/layout'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-recover-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (fs?: StoreFs) =>
  openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false, indexDebounceMs: 1, ...(fs && { fs }) })

const patientFile = shardFile('patients', shardOf('p1', 16))

/** c1 and c2 at n=1, a backup (unless told not to), then c1 at n=2; closed cleanly. */
async function seed(withBackup = true): Promise<string | null> {
  const store = await open()
  await store.records.cases.put(makeCase('c1', 1))
  await store.records.cases.put(makeCase('c2', 1))
  await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
  await store.singletons.settings.put({ theme: 'dark', n: 1 })
  const backup = withBackup ? await store.backups.create('manual') : null
  await store.records.cases.put(makeCase('c1', 2))
  await store.close()
  return backup?.id ?? null
}

/** Halves a file in place and puts its mtime back: the folder's mtime does not move either. */
async function halveInPlace(rel: string): Promise<void> {
  const path = join(dir, rel)
  const before = await stat(path)
  await truncate(path, Math.floor(before.size / 2))
  await utimes(path, before.atime, before.mtime)
}

const journal = async (): Promise<Array<Record<string, unknown>>> =>
  (await readFile(join(dir, JOURNAL_FILE), 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('1. a case file damaged where the index cannot see it', () => {
  it('is found at open, restored from the backup, journalled, without anyone reading it', async () => {
    const backupId = await seed()
    await halveInPlace('cases/c1.json')
    const store = await open()
    await store.flush() // the check of every case file runs in the background after open
    const r = store.recoveries.find((x) => x.file === 'cases/c1.json')
    expect(r).toMatchObject({ restoredFrom: backupId })
    expect(r?.problem).toMatch(/^truncated JSON/)
    expect((await store.records.cases.get('c1'))?.n).toBe(1)
    await store.close()
    expect((await journal()).map((e) => e['file'])).toContain('cases/c1.json')
  })

  it('without a backup stays listed as damaged and get() says so instead of "not found"', async () => {
    await seed(false)
    await halveInPlace('cases/c1.json')
    const store = await open()
    await store.flush()
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    expect(store.records.cases.summaries()[0]?.damaged).toMatch(/truncated JSON/)
    const err = await store.records.cases.get('c1').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CORRUPT_DATA' })
    expect((err as Error).message).toMatch(/cases\/c1\.json is damaged.*quarantine\//)
    await store.close()
    // Listed again at the next open, from the index, still damaged.
    const again = await open()
    await again.flush()
    expect(again.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    await again.close()
  })

  it('a backup made after the damage holds the last good copy, never the damaged file', async () => {
    await seed()
    const store = await open()
    await halveInPlace('cases/c1.json')
    const made = await store.backups.create('manual')
    const bytes = unzipSync(await readFile(join(dir, 'backups', `${made.id}.zip`)))['cases/c1.json']
    expect(JSON.parse(Buffer.from(bytes as Uint8Array).toString('utf8')).data.n).toBe(1)
    expect(store.recoveries.map((r) => r.file)).toContain('cases/c1.json')
    await store.close()
  })
})

describe('2. a deleted file is a loss to report, not a deletion to accept', () => {
  it('a deleted case file comes back from the backup', async () => {
    const backupId = await seed()
    await unlink(join(dir, 'cases', 'c2.json'))
    const store = await open()
    await store.flush()
    const r = store.recoveries.find((x) => x.file === 'cases/c2.json')
    expect(r).toMatchObject({ restoredFrom: backupId })
    expect(r?.problem).toMatch(/missing/)
    expect((await store.records.cases.get('c2'))?.n).toBe(1)
    await store.close()
  })

  it('a deleted case file without a backup stays listed as lost', async () => {
    await seed(false)
    await unlink(join(dir, 'cases', 'c2.json'))
    const store = await open()
    await store.flush()
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    expect(store.recoveries.find((x) => x.file === 'cases/c2.json')?.action).toMatch(/no backup held a good copy/)
    await store.close()
  })

  it('a case removed through the store is not brought back', async () => {
    await seed()
    const store = await open()
    await store.records.cases.remove('c2')
    await store.close()
    const again = await open()
    await again.flush()
    expect(again.records.cases.summaries().map((e) => e.id)).toEqual(['c1'])
    expect(again.recoveries).toEqual([])
    await again.close()
  })

  it('a deleted shard and settings.json come back from the backup', async () => {
    const backupId = await seed()
    await unlink(join(dir, patientFile))
    await unlink(join(dir, 'settings.json'))
    const store = await open()
    expect(store.sharded.patients.get('p1')?.name).toBe('Ann')
    expect(store.singletons.settings.get()).toEqual({ theme: 'dark', n: 1 })
    const files = store.recoveries.filter((r) => r.restoredFrom === backupId).map((r) => r.file)
    expect(files.sort()).toEqual([patientFile, 'settings.json'].sort())
    await store.close()
  })
})

describe('3. disk full while restoring a damaged case', () => {
  it('keeps the case listed and retries at the next open', async () => {
    const backupId = await seed()
    await halveInPlace('cases/c1.json')
    let full = true
    const enospc = (): never => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    const fullFs = new Proxy(nodeFs, {
      get(target, prop, receiver) {
        if (prop === 'open') {
          return async (path: string, flags: string) => {
            if (full && flags === 'w' && String(path).includes(`${join(dir, 'cases')}`)) enospc()
            return target.open(path, flags)
          }
        }
        return Reflect.get(target, prop, receiver) as unknown
      }
    }) as StoreFs
    const store = await open(fullFs)
    await store.flush()
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    expect(store.recoveries.find((r) => r.file === 'cases/c1.json')?.action).toMatch(/disk is full|ENOSPC/)
    await store.close()
    full = false
    const again = await open()
    await again.flush()
    expect(again.recoveries.find((r) => r.file === 'cases/c1.json')).toMatchObject({ restoredFrom: backupId })
    expect((await again.records.cases.get('c1'))?.n).toBe(1)
    await again.close()
  })
})

describe('4. attachments', () => {
  it('a damaged blob is quarantined and restored from a backup on read; re-adding the original repairs it', async () => {
    const store0 = await open()
    const original = Buffer.from('the scanned letter, page 1')
    const { sha256 } = await store0.attachments.add(original)
    await store0.records.cases.put(makeCase('c1', 1))
    await store0.backups.create('manual')
    await store0.close()
    const rel = `attachments/${sha256.slice(0, 2)}/${sha256}`
    await writeFile(join(dir, rel), 'scribbled over')

    const store = await open()
    expect(Buffer.from(await store.attachments.read(sha256)).toString()).toBe(original.toString())
    expect(store.recoveries.find((r) => r.file === rel)?.quarantined).toMatch(/^quarantine\//)
    // Without a backup: re-adding the original replaces the damaged blob.
    await writeFile(join(dir, rel), 'scribbled over again')
    for (const b of await store.backups.list()) {
      await rm(join(dir, 'backups', `${b.id}.zip`))
      await rm(join(dir, 'backups', `${b.id}.json`))
    }
    await expect(store.attachments.read(sha256)).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
    await store.attachments.add(original)
    expect(Buffer.from(await store.attachments.read(sha256)).toString()).toBe(original.toString())
    const check = await store.attachments.verify()
    expect(check.damaged).toEqual([])
    await store.close()
  })
})

describe('4a. an attachment served as a stream (aa-file:// in the window)', () => {
  const streamText = async (stream: NodeJS.ReadableStream): Promise<string> => {
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
    return Buffer.concat(chunks).toString()
  }

  it('a damaged blob is quarantined, restored from the best backup copy and reported, and the stream gives the good bytes', async () => {
    const store0 = await open()
    const original = Buffer.from('the scanned denial letter, page 1 of 3')
    const { sha256 } = await store0.attachments.add(original)
    await store0.records.cases.put(makeCase('c1', 1))
    const backup = await store0.backups.create('manual')
    await store0.close()
    const rel = `attachments/${sha256.slice(0, 2)}/${sha256}`
    await writeFile(join(dir, rel), 'scribbled over, same length as before!')

    const store = await open()
    const told: string[] = []
    store.onRecovery((r) => told.push(r.file))
    const { stream } = await store.attachments.openStream(sha256)
    expect(await streamText(stream)).toBe(original.toString())
    const recovery = store.recoveries.find((r) => r.file === rel)
    expect(recovery).toMatchObject({ restoredFrom: backup.id, quarantined: expect.stringMatching(/^quarantine\//) })
    expect(told).toContain(rel)
    // The damaged bytes are kept, never overwritten, and the repair is in the journal.
    expect(await readFile(join(dir, recovery?.quarantined ?? 'missing'), 'utf8')).toBe('scribbled over, same length as before!')
    expect((await journal()).some((entry) => entry['file'] === rel)).toBe(true)
    await store.close()
  })

  it('with no good copy anywhere, the stream is refused with what was wrong and what to do, the damaged file kept aside', async () => {
    const store0 = await open()
    const { sha256 } = await store0.attachments.add(Buffer.from('only copy'))
    await store0.close()
    const rel = `attachments/${sha256.slice(0, 2)}/${sha256}`
    await writeFile(join(dir, rel), 'ruined')
    const store = await open()
    await expect(store.attachments.openStream(sha256)).rejects.toMatchObject({ code: 'CORRUPT_DATA', message: expect.stringMatching(/damaged.*Adding the original file again repairs it/s) })
    expect(store.recoveries.find((r) => r.file === rel)?.quarantined).toMatch(/^quarantine\//)
    await store.close()
  })
})

describe('4b. a restore is not mistaken for loss', () => {
  it('a file the restored backup lacks stays gone, now and at the next open', async () => {
    const other = ['p2', 'p3', 'p4', 'p5', 'p6', 'p7'].find((id) => shardOf(id, 16) !== shardOf('p1', 16)) as string
    const store = await open()
    await store.sharded.patients.put({ id: 'p1', name: 'Ann', n: 1 })
    const backup = await store.backups.create('manual')
    // A patient in another shard: that shard file is new, and the pre-restore backup holds it.
    await store.sharded.patients.put({ id: other, name: 'Added later', n: 1 })
    await store.backups.restore(backup.id)
    expect(store.sharded.patients.all().map((p) => p.id)).toEqual(['p1'])
    expect(store.recoveries.filter((r) => r.kind !== 'notice')).toEqual([])
    await store.close()
    const again = await open()
    expect(again.sharded.patients.all().map((p) => p.id)).toEqual(['p1'])
    expect(again.recoveries.filter((r) => r.kind !== 'notice')).toEqual([])
    await again.close()
  })
})

describe('5. backups are checked, not trusted', () => {
  it('a garbage manifest does not hide an intact zip', async () => {
    const backupId = await seed()
    await writeFile(join(dir, 'backups', `${backupId}.json`), 'garbage')
    const store = await open()
    const list = await store.backups.list()
    expect(list.map((b) => b.id)).toEqual([backupId])
    expect(list[0]?.damaged).toBeUndefined()
    await store.close()
  })

  it('a damaged zip is listed as damaged, skipped by recovery, and refused by restore', async () => {
    const backupId = (await seed()) as string
    const zipPath = join(dir, 'backups', `${backupId}.zip`)
    const zip = await readFile(zipPath)
    zip.fill(0x41, 40, 200)
    await writeFile(zipPath, zip)
    const store = await open()
    const list = await store.backups.list()
    expect(list[0]?.damaged).toBeTruthy()
    const err = await store.backups.restore(backupId).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CORRUPT_DATA' })
    expect((err as Error).message).toMatch(/backup .* is damaged/)
    await store.close()
  })
})

describe('6. zip slip', () => {
  it('an entry outside the folder is refused and nothing is written', async () => {
    await seed()
    const store = await open()
    const good = (await store.backups.list())[0]!
    const evil: Record<string, Uint8Array> = unzipSync(await readFile(join(dir, 'backups', `${good.id}.zip`)))
    const id = good.id.replace('_manual', '_manual-9')
    // An old-style manifest (no hashes), so only the entry-name check stands between it and the disk.
    const manifest = JSON.parse(Buffer.from(evil['.manifest.json'] as Uint8Array).toString('utf8')) as Record<string, unknown>
    delete manifest['entries']
    evil['.manifest.json'] = Buffer.from(JSON.stringify({ ...manifest, id }))
    evil['../../x.txt'] = Buffer.from('pwned')
    await writeFile(join(dir, 'backups', `${id}.zip`), zipSync(evil))
    const err = await store.backups.restore(id).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CORRUPT_DATA' })
    expect((err as Error).message).toMatch(/points outside the data folder/)
    await expect(stat(join(dir, '..', '..', 'x.txt'))).rejects.toThrow()
    await expect(stat(join(dir, '..', 'x.txt'))).rejects.toThrow()
    expect(await readdir(dir)).not.toContain('x.txt')
    await store.close()
  })
})

describe('10. a read-only open', () => {
  /** Every call that would change the disk fails the way a read-only mount does. */
  const readOnlyFs = new Proxy(nodeFs, {
    get(target, prop, receiver) {
      const writes = ['writeFile', 'appendFile', 'mkdir', 'rename', 'rm', 'unlink', 'link', 'copyFile', 'truncate', 'utimes', 'chmod']
      if (typeof prop === 'string' && writes.includes(prop)) {
        return async () => {
          throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
        }
      }
      if (prop === 'open') {
        return async (path: string, flags?: string) => {
          if (flags !== undefined && flags !== 'r') throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
          return target.open(path, flags)
        }
      }
      return Reflect.get(target, prop, receiver) as unknown
    }
  }) as StoreFs

  const tree = async (): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort()

  it('reads everything, writes nothing (no lock, no probe, no index), and refuses a change clearly', async () => {
    await seed()
    const before = await tree()
    const store = await openStore(testSchema(), { dataDir: dir, holder: 'test', readOnly: 'the disk is read-only', fs: readOnlyFs })
    expect(store.readOnly).toBe('the disk is read-only')
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    expect((await store.records.cases.get('c1'))?.n).toBe(2)
    expect(store.sharded.patients.get('p1')?.name).toBe('Ann')
    const err = await store.records.cases.put(makeCase('c9')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATA_DIR_UNWRITABLE' })
    expect((err as Error).message).toMatch(/opened read-only \(the disk is read-only\)\. Nothing was changed\./)
    await store.close()
    expect(await tree()).toEqual(before)
  })

  it('reports a damaged file without moving anything', async () => {
    await seed()
    await halveInPlace('cases/c1.json')
    const before = await tree()
    const store = await openStore(testSchema(), { dataDir: dir, holder: 'test', readOnly: 'asked for', fs: readOnlyFs })
    await store.flush()
    expect(store.recoveries.find((r) => r.file === 'cases/c1.json')?.action).toMatch(/not repaired, because the folder was opened read-only/)
    await store.close()
    expect(await tree()).toEqual(before)
  })
})

describe('9. entries that are not regular files', () => {
  it('a folder named like a case file and a symlink to /dev/zero are set aside with a message; the rest opens', async () => {
    await seed()
    await nodeFs.mkdir(join(dir, 'cases', 'c7.json'))
    await nodeFs.symlink('/dev/zero', join(dir, 'cases', 'c8.json'))
    await unlink(join(dir, '.local', 'index-cases.json'))
    const store = await open()
    await store.flush()
    expect(store.records.cases.summaries().map((e) => e.id)).toEqual(['c1', 'c2'])
    const problems = new Map(store.recoveries.map((r) => [r.file, r.problem]))
    expect(problems.get('cases/c7.json')).toMatch(/not a regular file/)
    expect(problems.get('cases/c8.json')).toMatch(/not a regular file/)
    await store.close()
  })
})

describe('11. a stale lock whose process number was reused', () => {
  it('says how to clear it', async () => {
    await seed()
    const { hostname } = await import('node:os')
    // Our own (live) pid stands in for a number reused by another program.
    await writeFile(join(dir, '.local', 'lock.json'), JSON.stringify({ holder: 'app', pid: process.pid, hostname: hostname(), since: new Date().toISOString(), session: 'old' }))
    const err = await open().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'LOCKED' })
    expect((err as Error).message).toMatch(/reused the number: delete .*lock\.json to open the folder/)
  })
})
