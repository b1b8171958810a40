// Remembers which file contents this version of the code has already validated, by a hash of
// their (decrypted) bytes, so that opening the data folder does not run every patient and
// organization through its schema again when nothing has changed since they were last checked.
// Any change to a file (an edit, a sync tool, a damaged sector) changes its hash, and then the file
// is validated in full as before. A new app version, or a change in a schema's shape, starts afresh.
// The cache lives in `.local/` (this computer only); losing it only costs one slower open.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { cacheKey } from './cache-key'
import type { FileIo } from './file-io'
import { LOCAL_DIR } from './layout'
import type { AnyCollectionSpec, AnySingletonSpec } from './types'

const CACHE_FILE = `${LOCAL_DIR}/validated.json`

const CacheSchema = z.object({ codeId: z.string(), files: z.record(z.string(), z.string()) })

export const contentHash = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64')

/** The layout of validated.json; bump when it changes. */
const FORMAT = 1

/**
 * Identifies the code that validated: the app's declared version, each collection's name and
 * version, and the shape of every schema involved (cache-key.ts): never compiled code, so every
 * build of the same version trusts the same cache.
 */
export function codeIdOf(codeVersion: string, specs: ReadonlyArray<AnyCollectionSpec | AnySingletonSpec>): string {
  return cacheKey({ format: FORMAT, versions: [codeVersion, ...specs.map((s) => `${s.name}@${s.version}`)], schemas: specs.map((s) => s.schema) })
}

export class ValidatedCache {
  readonly #files = new Map<string, string>()
  #dirty = false

  private constructor(
    readonly io: FileIo,
    readonly codeId: string
  ) {}

  static async load(io: FileIo, codeId: string): Promise<ValidatedCache> {
    const cache = new ValidatedCache(io, codeId)
    try {
      const raw = await io.readRaw(CACHE_FILE)
      if (raw !== null) {
        const parsed = CacheSchema.safeParse(JSON.parse(Buffer.from(io.cipher.decrypt(CACHE_FILE, raw)).toString('utf8')))
        if (parsed.success && parsed.data.codeId === codeId) for (const [rel, h] of Object.entries(parsed.data.files)) cache.#files.set(rel, h)
      }
    } catch {
      // unreadable or from another key: start empty, every file is validated
    }
    return cache
  }

  /** True when exactly these bytes of this file were validated before by the same code. */
  knows(rel: string, plain: Uint8Array, hash = contentHash(plain)): boolean {
    return this.#files.get(rel) === hash
  }

  remember(rel: string, plain: Uint8Array): void {
    const hash = contentHash(plain)
    if (this.#files.get(rel) === hash) return
    this.#files.set(rel, hash)
    this.#dirty = true
  }

  forget(rel: string): void {
    if (this.#files.delete(rel)) this.#dirty = true
  }

  /** Written without fsync: a cache, not data. */
  async save(): Promise<void> {
    if (!this.#dirty) return
    this.#dirty = false
    const json = JSON.stringify({ codeId: this.codeId, files: Object.fromEntries(this.#files) })
    await this.io.writeRaw(CACHE_FILE, this.io.cipher.encrypt(CACHE_FILE, Buffer.from(json, 'utf8')), false)
  }
}
