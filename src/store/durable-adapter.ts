// Our lowdb adapter. lowdb stays the in-memory document and adapter API (`new Low(adapter, …)`,
// `db.read()`, `db.write()`); this adapter is what makes `db.write()` safe:
// - the payload is wrapped in an envelope (schemaVersion, rev + 1, deviceId, updatedAt),
// - encrypted if the folder is, and written durably (temp, fsync, rename, fsync folder),
// - writes to one file are serialized and coalesced by a SerialWriter: a burst of `db.write()`
//   calls costs at most two physical writes, each caller resolving after one that holds its change,
// - reads are parsed, migrated and validated; anything wrong throws a FileProblem (never fixed here:
//   the caller quarantines the file) or, for a newer format, a CONFLICT AppError.
import type { Adapter } from 'lowdb'
import type { Codec } from './codec'
import { DecryptError } from './encryption'
import { FileProblem, encodeEnvelope, newerVersionError, parseEnvelope } from './envelope'
import type { FileIo } from './file-io'
import { SerialWriter } from './serial-writer'
import type { ValidatedCache } from './validated-cache'

const DELETE = Symbol('delete')

export type AdapterHooks<T> = {
  /** Called once a write is durable, with exactly what was written (used to update summaries). */
  onWritten?: (value: T, rev: number) => void
  onRemoved?: () => void
  /** Files loaded at open (shards, singletons) skip re-validating bytes this code already validated. */
  validated?: ValidatedCache
}

export class DurableAdapter<T> implements Adapter<T> {
  /** The rev of the file on disk as far as this adapter knows (0: none). */
  rev: number
  /** schemaVersion of the file last read, to know whether it needs a migration write. */
  readVersion: number | undefined
  #desired: T | typeof DELETE | undefined
  readonly #writer: SerialWriter

  constructor(
    readonly io: FileIo,
    readonly rel: string,
    readonly codec: Codec<T>,
    readonly deviceId: string,
    readonly hooks: AdapterHooks<T> = {},
    initialRev = 0
  ) {
    this.rev = initialRev
    this.#writer = new SerialWriter(() => this.#sync())
  }

  async read(): Promise<T | null> {
    const raw = await this.io.readRaw(this.rel)
    if (raw === null) return null
    const { value, rev, version } = this.decodeBytes(raw)
    this.rev = rev
    this.readVersion = version
    return value
  }

  /** Decrypts, parses, migrates and validates bytes meant for this file (also used on backup copies). */
  decodeBytes(raw: Uint8Array): { value: T; rev: number; version: number } {
    let plain: Uint8Array
    try {
      plain = this.io.cipher.decrypt(this.rel, raw)
    } catch (e) {
      if (e instanceof DecryptError) throw new FileProblem(e.message)
      throw e
    }
    const envelope = parseEnvelope(plain)
    if (envelope.schemaVersion > this.codec.version) {
      throw newerVersionError(this.rel, envelope.schemaVersion, this.codec.version, this.io.dataDir)
    }
    const cache = this.hooks.validated
    const current = envelope.schemaVersion === this.codec.version
    const trusted = cache !== undefined && current && cache.knows(this.rel, plain)
    const value = this.codec.decode(envelope.data, envelope.schemaVersion, trusted)
    if (cache !== undefined && current && !trusted) cache.remember(this.rel, plain)
    return { value, rev: envelope.rev, version: envelope.schemaVersion }
  }

  /** lowdb's write: records `data` as the desired state and resolves once a write holding it is durable. */
  write(data: T | null): Promise<void> {
    // lowdb never passes a falsy document; accepting null lets a record slot be a `Low<T | null>`.
    if (data === null) return Promise.resolve()
    this.#desired = data
    return this.#writer.run()
  }

  /** Deletes the file, serialized with this file's writes. */
  remove(): Promise<void> {
    this.#desired = DELETE
    return this.#writer.run()
  }

  get busy(): boolean {
    return this.#writer.busy
  }

  idle(): Promise<void> {
    return this.#writer.idle()
  }

  async #sync(): Promise<void> {
    const desired = this.#desired
    if (desired === undefined) return
    if (desired === DELETE) {
      await this.io.remove(this.rel)
      this.hooks.validated?.forget(this.rel)
      this.rev = 0
      this.hooks.onRemoved?.()
      return
    }
    const rev = this.rev + 1
    const bytes = encodeEnvelope({
      schemaVersion: this.codec.version,
      rev,
      deviceId: this.deviceId,
      updatedAt: this.io.now().toISOString(),
      data: this.codec.encode(desired)
    })
    await this.io.writeRaw(this.rel, this.io.cipher.encrypt(this.rel, bytes))
    // What was just written was validated on the way in (every put is): the next open can trust it.
    this.hooks.validated?.remember(this.rel, bytes)
    this.rev = rev
    this.readVersion = this.codec.version
    this.hooks.onWritten?.(desired, rev)
  }
}
