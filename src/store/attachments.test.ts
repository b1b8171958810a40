import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testSchema } from '../../tests/fixtures/store/schema'
import { openStore } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-attach-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = () => openStore(testSchema(), { dataDir: dir, holder: 'test', dailyBackup: false })
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('attachments', () => {
  it('stores content under attachments/<aa>/<sha256>, once however often it is added', async () => {
    const store = await open()
    const pdf = Buffer.from('%PDF-1.7 records of visit')
    const results = await Promise.all([store.attachments.add(pdf), store.attachments.add(pdf), store.attachments.add(Buffer.from(pdf))])
    expect(results).toEqual(Array(3).fill({ sha256: sha(pdf), size: pdf.byteLength }))
    const h = sha(pdf)
    expect(await readdir(join(dir, 'attachments'))).toEqual([h.slice(0, 2)])
    expect(await readdir(join(dir, 'attachments', h.slice(0, 2)))).toEqual([h])
    expect(await readFile(join(dir, 'attachments', h.slice(0, 2), h))).toEqual(pdf)
    await store.attachments.add(pdf)
    expect(await readdir(join(dir, 'attachments', h.slice(0, 2)))).toEqual([h])
    expect(Buffer.from(await store.attachments.read(h))).toEqual(pdf)
    expect(await store.attachments.has(h)).toBe(true)
    expect(await store.attachments.has('0'.repeat(64))).toBe(false)
    await expect(store.attachments.read('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(store.attachments.read('../meta.json')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await store.close()
  })

  it('prune removes only content no record refers to', async () => {
    const store = await open()
    const keep = await store.attachments.add(Buffer.from('keep me'))
    const drop = await store.attachments.add(Buffer.from('drop me'))
    const alsoKeep = await store.attachments.add(Buffer.from('keep me too'))
    expect(await store.attachments.prune(new Set([keep.sha256, alsoKeep.sha256]))).toBe(1)
    expect(await store.attachments.has(keep.sha256)).toBe(true)
    expect(await store.attachments.has(alsoKeep.sha256)).toBe(true)
    expect(await store.attachments.has(drop.sha256)).toBe(false)
    expect(await store.attachments.prune(new Set([keep.sha256, alsoKeep.sha256]))).toBe(0)
    await store.close()
  })

  it('detects content that no longer matches its hash', async () => {
    const store = await open()
    const a = await store.attachments.add(Buffer.from('original'))
    await writeFile(join(dir, 'attachments', a.sha256.slice(0, 2), a.sha256), 'altered')
    await expect(store.attachments.read(a.sha256)).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
    await store.close()
  })
})
