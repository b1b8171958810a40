// Attachments: `attachments/<first two hex digits>/<sha256>`, content-addressed, so the same bytes
// are stored once however many events name them. Written durably and encrypted like every file.
// Hashes are of the plain content, so they stay stable across encryption.
import { createHash } from 'node:crypto'
import { AppError } from '../shared/errors'
import { DecryptError } from './encryption'
import { isTempName } from './durable-write'
import type { FileIo } from './file-io'
import { errnoOf } from './fs-errors'
import { ATTACHMENTS_DIR, attachmentFile } from './layout'
import type { AttachmentInfo, Attachments } from './types'
import { addFileStreaming, openStoredStream, type StreamAddOptions } from './attachment-stream'
import type { Readable } from 'node:stream'

const SHA256 = /^[0-9a-f]{64}$/

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export class AttachmentStore implements Attachments {
  /** Adds of the same content in flight, so two at once write it once. */
  readonly #adding = new Map<string, Promise<AttachmentInfo>>()

  constructor(
    readonly io: FileIo,
    readonly track: <T>(work: Promise<T>) => Promise<T>
  ) {}

  add(bytes: Uint8Array): Promise<AttachmentInfo> {
    const sha256 = sha256Of(bytes)
    const inFlight = this.#adding.get(sha256)
    if (inFlight !== undefined) return inFlight
    const work = (async (): Promise<AttachmentInfo> => {
      const info = { sha256, size: bytes.byteLength }
      if (await this.has(sha256)) return info
      const rel = attachmentFile(sha256)
      await this.io.writeRaw(rel, this.io.cipher.encrypt(rel, bytes))
      return info
    })().finally(() => this.#adding.delete(sha256))
    this.#adding.set(sha256, work)
    return this.track(work)
  }

  /** Copies a file into the data folder by path, streaming (see attachment-stream.ts). */
  addFile(path: string, options: Omit<StreamAddOptions, 'has'>): Promise<AttachmentInfo> {
    return this.track(addFileStreaming(this.io, path, { ...options, has: (sha) => this.has(sha) }))
  }

  /** A stored file as a stream, checked against its hash as it is read. */
  openStream(sha256: string): Promise<{ stream: Readable; size: number }> {
    this.#assertHash(sha256)
    return openStoredStream(this.io, sha256)
  }

  async read(sha256: string): Promise<Uint8Array> {
    this.#assertHash(sha256)
    const rel = attachmentFile(sha256)
    const raw = await this.io.readRaw(rel)
    if (raw === null) throw new AppError('NOT_FOUND', `The attachment ${sha256} is not in the data folder.`)
    let bytes: Uint8Array
    try {
      bytes = this.io.cipher.decrypt(rel, raw)
    } catch (e) {
      if (e instanceof DecryptError) throw new AppError('CORRUPT_DATA', `The attachment file ${rel} is damaged: ${e.message}.`)
      throw e
    }
    if (sha256Of(bytes) !== sha256) {
      throw new AppError('CORRUPT_DATA', `The attachment file ${rel} is damaged: its content no longer matches its hash.`)
    }
    return bytes
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false
    try {
      await this.io.fs.stat(this.io.abs(attachmentFile(sha256)))
      return true
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return false
      throw this.io.error(e, 'read', attachmentFile(sha256))
    }
  }

  async prune(inUse: ReadonlySet<string>): Promise<number> {
    let removed = 0
    for (const bucket of await this.io.list(ATTACHMENTS_DIR)) {
      for (const name of await this.io.list(`${ATTACHMENTS_DIR}/${bucket}`)) {
        const rel = `${ATTACHMENTS_DIR}/${bucket}/${name}`
        if (isTempName(name)) {
          await this.io.fs.rm(this.io.abs(rel), { force: true })
        } else if (SHA256.test(name) && !inUse.has(name) && !this.#adding.has(name)) {
          await this.io.remove(rel)
          removed++
        }
      }
    }
    return removed
  }

  async count(): Promise<number> {
    let n = 0
    for (const bucket of await this.io.list(ATTACHMENTS_DIR)) {
      n += (await this.io.list(`${ATTACHMENTS_DIR}/${bucket}`)).filter((name) => SHA256.test(name)).length
    }
    return n
  }

  #assertHash(sha256: string): void {
    if (!SHA256.test(sha256)) throw new AppError('INVALID_INPUT', `"${sha256}" is not a sha-256 attachment id.`)
  }
}
