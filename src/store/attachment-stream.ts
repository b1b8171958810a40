// Attachments by stream: a file is copied into the data folder while its sha-256 is computed, and a
// stored file is read back as a stream, so neither needs to fit in memory (files of up to 200 MB).
// The copy is a temp file, fsynced, then renamed into place: a crash leaves the old state or the
// new file whole. In an encrypted folder the path of the file (which names its hash) is bound into
// the encryption, so the hash must be known first: the source is read twice, hashed, then encrypted
// and hashed again, and a file that changed in between is refused.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { Readable, Transform, Writable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { dirname } from 'node:path'
import { AppError } from '#shared/errors'
import { fsyncDir, tempNameFor } from './durable-write'
import { DecryptError } from './encryption'
import type { FileIo } from './file-io'
import { ATTACHMENTS_DIR, attachmentFile } from './layout'
import type { AttachmentInfo } from './types'

/** Counts and hashes what passes through; fails once more than `maxBytes` have passed. */
class HashingCounter extends Transform {
  readonly hash = createHash('sha256')
  bytes = 0
  constructor(readonly maxBytes: number, readonly tooLarge: () => Error) {
    super()
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.maxBytes) return done(this.tooLarge())
    this.hash.update(chunk)
    done(null, chunk)
  }
}

/** Swallows what it is given: the first pass of an encrypted copy only hashes. */
const sink = (): Writable => new Writable({ write: (_chunk, _enc, done) => done() })

export type StreamAddOptions = {
  maxBytes: number
  tooLarge: () => Error
  /** A copy of these bytes is already stored: nothing is written. */
  has: (sha256: string) => Promise<boolean>
}

/** Copies the file at `source` into `attachments/<aa>/<sha256>`, streaming. */
export async function addFileStreaming(io: FileIo, source: string, options: StreamAddOptions): Promise<AttachmentInfo> {
  const counter = () => new HashingCounter(options.maxBytes, options.tooLarge)
  const cipher = io.cipher
  let sha256: string
  if (cipher.encrypted) {
    const first = counter()
    await pipeline(createReadStream(source), first, sink())
    sha256 = first.hash.digest('hex')
  } else sha256 = ''

  const tmp = tempNameFor(io.abs(`${ATTACHMENTS_DIR}/incoming`))
  await io.ensureDirOf(`${ATTACHMENTS_DIR}/incoming`)
  let size = 0
  try {
    const hashing = counter()
    const rel = cipher.encrypted ? attachmentFile(sha256) : ''
    const { body, header } = cipher.encryptStream(rel)
    // The body goes after room for the header, which is known only once the body is written.
    await pipeline(createReadStream(source), hashing, body, createWriteStream(tmp, { start: cipher.headerBytes }))
    const handle = await open(tmp, 'r+')
    try {
      const head = header()
      if (head.length > 0) await handle.write(head, 0, head.length, 0)
      await handle.sync()
    } finally {
      await handle.close()
    }
    size = hashing.bytes
    const second = hashing.hash.digest('hex')
    if (cipher.encrypted && second !== sha256) {
      throw new AppError('CONFLICT', `The file ${source} changed while it was being copied; attach it again once nothing is writing to it.`)
    }
    sha256 = second
  } catch (e) {
    await rm(tmp, { force: true })
    if (e instanceof AppError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new AppError('INVALID_INPUT', `attachment: cannot read ${source} (${code})`)
    throw io.error(e, 'copy the attachment into', ATTACHMENTS_DIR)
  }
  const rel = attachmentFile(sha256)
  try {
    if (await options.has(sha256)) {
      await rm(tmp, { force: true })
      return { sha256, size }
    }
    await io.ensureDirOf(rel)
    await rename(tmp, io.abs(rel))
    await fsyncDir(io.fs, dirname(io.abs(rel)))
  } catch (e) {
    await rm(tmp, { force: true })
    throw io.error(e, 'save', rel)
  }
  return { sha256, size }
}

/** Checks the plain content against its hash as it passes; fails at the end if they differ. */
class HashCheck extends Transform {
  readonly hash = createHash('sha256')
  constructor(readonly expected: string, readonly rel: string) {
    super()
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk)
    done(null, chunk)
  }
  override _flush(done: TransformCallback): void {
    if (this.hash.digest('hex') !== this.expected) {
      done(new AppError('CORRUPT_DATA', `The attachment file ${this.rel} is damaged: its content no longer matches its hash.`))
    } else done()
  }
}

async function readHeader(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * A stored file as a stream of its plain content, and its plain size. The stream fails (never
 * ends cleanly) if the file was altered: a wrong hash, or an encrypted file that fails its check.
 */
export async function openStoredStream(io: FileIo, sha256: string): Promise<{ stream: Readable; size: number }> {
  const rel = attachmentFile(sha256)
  const path = io.abs(rel)
  let onDisk: number
  try {
    onDisk = (await stat(path)).size
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `The attachment ${sha256} is not in the data folder.`)
    throw io.error(e, 'read', rel)
  }
  const cipher = io.cipher
  let decrypt: Transform
  try {
    decrypt = cipher.decryptStream(rel, await readHeader(path, cipher.headerBytes))
  } catch (e) {
    if (e instanceof DecryptError) throw new AppError('CORRUPT_DATA', `The attachment file ${rel} is damaged: ${e.message}.`)
    throw e
  }
  const file: ReadStream = createReadStream(path, { start: cipher.headerBytes })
  const check = new HashCheck(sha256, rel)
  // Errors of any stage end the one stream the caller holds.
  const out = Readable.from(
    (async function* () {
      const done = pipeline(file, decrypt, check).catch((e: unknown) => {
        throw e instanceof AppError ? e : new AppError('CORRUPT_DATA', `The attachment file ${rel} is damaged: ${e instanceof Error ? e.message : String(e)}.`)
      })
      done.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled
      try {
        for await (const chunk of check) yield chunk as Buffer
      } catch (e) {
        await done
        throw e
      }
      await done
    })()
  )
  return { stream: out, size: Math.max(0, onDisk - cipher.headerBytes) }
}
