// Backups stream to and from disk: a folder with a large attachment is backed up and read back
// without building the zip in memory, and reading one entry does not decompress the others.
import * as fsp from 'node:fs/promises'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { BackupStore } from '../../src/store/backups'
import { plainCipher } from '../../src/store/encryption'
import { FileIo } from '../../src/store/file-io'
import { makeCase, testSchema } from '../fixtures/store/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-backup-stream-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('streaming backups', () => {
  it('backs up a folder holding a large attachment into a valid zip, leaving no temp file, and reads it back', async () => {
    const dataDir = join(dir, 'data')
    const store = await openStore(testSchema(), { dataDir, holder: 'test', dailyBackup: false, indexDebounceMs: 1 })
    const scan = join(dir, 'scan.pdf')
    // Random bytes do not compress: the zip is at least as large as the attachment.
    const big = Buffer.from(Array.from({ length: 6 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24))
    await writeFile(scan, big)
    const { sha256 } = await store.attachments.addFile(scan, { maxBytes: 1e9, tooLarge: () => new Error('too large') })
    await store.records.cases.put(makeCase('c1'))
    const made = await store.backups.create('manual')
    await store.close()

    const names = await readdir(join(dataDir, 'backups'))
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([])
    const zipPath = join(dataDir, 'backups', `${made.id}.zip`)
    const zipBytes = await readFile(zipPath)
    expect(made.bytes).toBe(zipBytes.length)
    expect(made.bytes).toBeGreaterThan(big.length)
    // Any zip reader opens it: it is a whole zip, not our own format.
    const zip = await JSZip.loadAsync(zipBytes)
    const inZip = await zip.file(`attachments/${sha256.slice(0, 2)}/${sha256}`)?.async('nodebuffer')
    expect(inZip?.equals(big)).toBe(true)

    const again = await openStore(testSchema(), { dataDir, holder: 'test', dailyBackup: false, indexDebounceMs: 1 })
    try {
      const backups = (again as unknown as { backups: { preview: (id: string) => Promise<unknown> } }).backups
      expect(await backups.preview(made.id)).toMatchObject({ id: made.id, files: made.files })
    } finally {
      await again.close()
    }
  })

  it('reading one entry decompresses only that entry and stops reading once it has it', async () => {
    const dataDir = join(dir, 'data')
    const id = '2026-11-25T10-00-00-000Z_manual'
    // A zip whose first entry is whole and whose second is damaged deflate data.
    const good = new JSZip()
    good.file('meta.json', '{"wanted":true}', { compression: 'DEFLATE' })
    good.file('cases/c1.json', 'y'.repeat(20_000), { compression: 'DEFLATE' })
    const bytes = await good.generateAsync({ type: 'nodebuffer' })
    const second = bytes.indexOf(Buffer.from('cases/c1.json')) + 'cases/c1.json'.length
    for (let i = second + 2; i < second + 40; i++) bytes[i] = 0xff // the second entry's compressed data
    await mkdir(join(dataDir, 'backups'), { recursive: true })
    await writeFile(join(dataDir, 'backups', `${id}.zip`), bytes)
    const backups = new BackupStore(new FileIo(fsp, dataDir, plainCipher, () => new Date()), { counts: async () => ({}), flush: async () => undefined })
    expect(Buffer.from((await backups.readEntry(id, 'meta.json')) ?? []).toString()).toBe('{"wanted":true}')
    // Reading everything does decompress the damaged entry, and says so.
    await expect(backups.readAll(id)).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
    await expect(backups.readEntry('2026-11-25T10-00-00-000Z_daily', 'meta.json')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('checks a large attachment by streaming before copying it: a damaged one goes in repaired from the last good backup, never damaged', async () => {
    const dataDir = join(dir, 'data')
    const open = () => openStore(testSchema(), { dataDir, holder: 'test', dailyBackup: false, indexDebounceMs: 1 })
    // Larger than the size read whole for the check: this one is checked as a stream.
    const big = Buffer.from(Array.from({ length: 17 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24))
    const scan = join(dir, 'scan.pdf')
    await writeFile(scan, big)
    const store = await open()
    const { sha256 } = await store.attachments.addFile(scan, { maxBytes: 1e9, tooLarge: () => new Error('too large') })
    await store.records.cases.put(makeCase('c1'))
    const good = await store.backups.create('manual')
    await store.close()
    const rel = `attachments/${sha256.slice(0, 2)}/${sha256}`
    // Same size, a few bytes changed in the middle: only its hash can tell.
    const onDisk = await readFile(join(dataDir, rel))
    onDisk.fill(0, 9 * 1024 * 1024, 9 * 1024 * 1024 + 16)
    await writeFile(join(dataDir, rel), onDisk)

    const again = await open()
    try {
      const later = await again.backups.create('manual')
      const zip = await JSZip.loadAsync(await readFile(join(dataDir, 'backups', `${later.id}.zip`)))
      expect((await zip.file(rel)?.async('nodebuffer'))?.equals(big)).toBe(true)
      expect(again.recoveries.some((r) => r.file === rel && r.restoredFrom === good.id)).toBe(true)
      expect((await again.backups.preview(later.id)).damaged).toBeUndefined()
    } finally {
      await again.close()
    }
  })
})
