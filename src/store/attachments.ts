// Attachments: `attachments/<first two hex digits>/<sha256>`, content-addressed, so the same bytes
// are stored once however many events name them. Written durably and encrypted like every file.
// Hashes are of the plain content, so they stay stable across encryption. Every read checks the
// content against its hash; a damaged file is quarantined and restored from the newest backup
// holding a good copy, and adding the original bytes again repairs it too.
import { createHash } from 'node:crypto'
import { AppError } from '#shared/errors'
import { DecryptError } from './encryption'
import { isTempName } from './durable-write'
import type { FileIo } from './file-io'
import { errnoOf } from './fs-errors'
import { ATTACHMENTS_DIR, attachmentFile } from './layout'
import type { BackupStore } from './backups'
import { NO_BACKUPS, quarantineAndRestore } from './recovery'
import type { AttachmentCheck, AttachmentInfo, Attachments, Recovery } from './types'
import { addFileStreaming, openStoredStream, type StreamAddOptions } from './attachment-stream'
import type { Readable } from 'node:stream'

const SHA256 = /^[0-9a-f]{64}$/

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export class AttachmentStore implements Attachments {
  /** Adds of the same content in flight, so two at once write it once. */
  readonly #adding = new Map<string, Promise<AttachmentInfo>>()

  constructor(
    readonly io: FileIo,
    readonly track: <T>(work: Promise<T>) => Promise<T>,
    readonly repairWith: { backups: () => BackupStore; report: (r: Recovery) => void } | null = null
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

  /**
   * A stored file as a stream, checked against its hash as it is read. It is checked whole first
   * (streaming, never held in memory), so a damaged file is repaired the way every damaged file is
   * (quarantined, restored from the newest backup copy that checks out, reported) and the caller
   * gets the good bytes instead of half a file and an error; with no good copy anywhere it is refused
   * with what was wrong and what to do.
   */
  async openStream(sha256: string): Promise<{ stream: Readable; size: number }> {
    this.#assertHash(sha256)
    // read() throws NOT_FOUND for a missing file and CORRUPT_DATA, after the repair attempt, for one it could not repair.
    if (!(await this.isWhole(sha256))) await this.read(sha256)
    return openStoredStream(this.io, sha256)
  }

  async read(sha256: string): Promise<Uint8Array> {
    this.#assertHash(sha256)
    const rel = attachmentFile(sha256)
    const raw = await this.io.readRaw(rel)
    if (raw === null) throw new AppError('NOT_FOUND', `The attachment ${sha256} is not in the data folder.`)
    const problem = this.#problemWith(sha256, raw)
    if (problem === null) return this.io.cipher.decrypt(rel, raw)
    const recovery = await this.#repair(sha256, problem, null)
    if (recovery?.restoredFrom !== undefined) {
      const again = await this.io.readRaw(rel)
      if (again !== null && this.#problemWith(sha256, again) === null) return this.io.cipher.decrypt(rel, again)
    }
    throw new AppError(
      'CORRUPT_DATA',
      `The attachment file ${rel} is damaged: ${problem}. ${recovery === null ? '' : `${recovery.action}. `}Adding the original file again repairs it.`
    )
  }

  /** The bytes a backup may hold for this attachment: its own if they match the hash, else the repaired ones, else null. */
  async checkedBytes(sha256: string, raw: Uint8Array): Promise<Uint8Array | null> {
    if (!SHA256.test(sha256)) return raw
    const problem = this.#problemWith(sha256, raw)
    if (problem === null) return raw
    const recovery = await this.#repair(sha256, problem, null)
    return recovery?.restoredFrom === undefined ? null : this.io.readRaw(attachmentFile(sha256))
  }

  /**
   * Whether a stored attachment matches its hash, read as a stream (a large file is never held
   * whole). False for any failure: the caller then reads it once and repairs it (checkedBytes).
   */
  async isWhole(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return true
    try {
      const { stream } = await openStoredStream(this.io, sha256)
      for await (const chunk of stream) void chunk
      return true
    } catch {
      return false
    }
  }

  /** Checks every stored attachment against its hash, repairing what a backup can. */
  async verify(): Promise<AttachmentCheck> {
    const damaged: string[] = []
    let checked = 0
    for (const bucket of await this.io.list(ATTACHMENTS_DIR)) {
      for (const name of await this.io.list(`${ATTACHMENTS_DIR}/${bucket}`)) {
        if (!SHA256.test(name)) continue
        checked++
        if (checked % 64 === 0) await new Promise((r) => setImmediate(r)) // hashing is CPU: let the app breathe
        const raw = await this.io.readRaw(attachmentFile(name))
        if (raw === null || (await this.checkedBytes(name, raw)) === null) damaged.push(name)
      }
    }
    return { checked, damaged }
  }

  /** Why `raw` is not the attachment `sha256`, or null if it is. */
  #problemWith(sha256: string, raw: Uint8Array): string | null {
    const rel = attachmentFile(sha256)
    let bytes: Uint8Array
    try {
      bytes = this.io.cipher.decrypt(rel, raw)
    } catch (e) {
      if (e instanceof DecryptError) return e.message
      throw e
    }
    return sha256Of(bytes) === sha256 ? null : 'its content no longer matches its SHA-256'
  }

  /** Quarantines the damaged file; writes `original` in its place, else the newest good backup copy. */
  async #repair(sha256: string, problem: string, original: Uint8Array | null): Promise<Recovery | null> {
    if (this.repairWith === null) return null
    const rel = attachmentFile(sha256)
    const decode = (bytes: Uint8Array): true => {
      const why = this.#problemWith(sha256, bytes)
      if (why !== null) throw new Error(why)
      return true
    }
    let recovery: Recovery
    if (original !== null) {
      const { recovery: r } = await quarantineAndRestore(this.io, NO_BACKUPS, rel, problem, decode, '')
      await this.io.writeRaw(rel, this.io.cipher.encrypt(rel, original))
      recovery = { ...r, action: `moved aside to ${r.quarantined}; replaced by the original file added again` }
    } else {
      recovery = (
        await quarantineAndRestore(this.io, this.repairWith.backups(), rel, problem, decode, 'the attachment cannot be opened until its original file is added again')
      ).recovery
    }
    this.repairWith.report(recovery)
    return recovery
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
