import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '#shared/errors'
import { openStore } from './index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-att-stream-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const schema = { records: {}, sharded: {}, singletons: {} }
const text = async (s: import('node:stream').Readable) => {
  const chunks: Buffer[] = []
  for await (const c of s) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

describe.each([
  ['a plain folder', undefined],
  ['an encrypted folder', 'correct horse battery staple']
])('attachments by stream in %s', (_what, passphrase) => {
  it('copies a file while hashing it, stores it once, and streams it back checked', async () => {
    const store = await openStore(schema as never, { dataDir: join(dir, 'data'), holder: 'test', dailyBackup: false, ...(passphrase && { passphrase }) })
    try {
      const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'record ')
      const source = join(dir, 'scan.pdf')
      await writeFile(source, big)
      const opts = { maxBytes: 10 * 1024 * 1024, tooLarge: () => new AppError('PAYLOAD_TOO_LARGE', 'too large') }
      const added = await store.attachments.addFile(source, opts)
      expect(added).toEqual({ sha256: createHash('sha256').update(big).digest('hex'), size: big.length })
      expect(await store.attachments.addFile(source, opts)).toEqual(added)
      const onDisk = await readFile(join(dir, 'data', 'attachments', added.sha256.slice(0, 2), added.sha256))
      expect(onDisk.equals(big)).toBe(passphrase === undefined) // encrypted at rest when the folder is
      const { stream, size } = await store.attachments.openStream(added.sha256)
      expect(size).toBe(big.length)
      expect((await text(stream)).equals(big)).toBe(true)
      // The byte-array read agrees with the streamed write.
      expect(Buffer.from(await store.attachments.read(added.sha256)).equals(big)).toBe(true)
      await expect(store.attachments.addFile(source, { ...opts, maxBytes: 1024 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    } finally {
      await store.close()
    }
  })

  it('a stored file that was altered is refused before it is served, and fails its stream if altered while open', async () => {
    const store = await openStore(schema as never, { dataDir: join(dir, 'data'), holder: 'test', dailyBackup: false, ...(passphrase && { passphrase }) })
    try {
      const source = join(dir, 'a.txt')
      await writeFile(source, 'original content of the letter')
      const { sha256 } = await store.attachments.addFile(source, { maxBytes: 1e6, tooLarge: () => new Error('too large') })
      const file = join(dir, 'data', 'attachments', sha256.slice(0, 2), sha256)
      const good = await readFile(file)
      const bytes = Buffer.from(good)
      bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff
      // Altered after the stream was opened (and checked whole): the stream itself fails.
      const { stream } = await store.attachments.openStream(sha256)
      await writeFile(file, bytes)
      await expect(text(stream)).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
      // Altered before: refused at once (no backup holds it), the damaged file moved aside, not served.
      await expect(store.attachments.openStream(sha256)).rejects.toMatchObject({ code: 'CORRUPT_DATA' })
      expect(store.recoveries.some((r) => r.quarantined?.startsWith('quarantine/'))).toBe(true)
    } finally {
      await store.close()
    }
  })
})

