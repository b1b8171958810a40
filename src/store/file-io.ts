// The store's view of the data folder: paths relative to it, bytes through the cipher, durable
// writes, and every errno turned into an AppError that names the file and what to do.
import { statSync } from 'node:fs'
import * as nativeFs from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { errnoOf, toAppError } from './fs-errors'
import { fsyncDir, removeFileDurably, writeFileAtomic } from './durable-write'
import type { Cipher } from './encryption'
import { AppError } from '#shared/errors'
import { FileProblem } from './envelope'
import { isSafeRelPath } from './layout'
import type { StoreFs } from './types'

/** No file the app writes is larger (attachments are capped well below it). */
export const MAX_READ_BYTES = 1024 * 1024 * 1024

/** See FileIo.stamp. */
export const stampOf = (s: { mtimeMs: number; size: number; ino: number }): string => `${s.mtimeMs}:${s.size}:${s.ino}`

export class FileIo {
  readonly #madeDirs = new Set<string>()
  /** Writes and removes in flight, and who waits for there to be none (see writesIdle). */
  #writing = 0
  #idleWaiters: Array<() => void> = []
  /** Set for a folder opened read-only: every write is refused before it touches the disk. */
  readOnly: string | null = null

  constructor(
    readonly fs: StoreFs,
    readonly dataDir: string,
    public cipher: Cipher,
    readonly now: () => Date
  ) {
    const real = nativeFs as unknown as Record<string, unknown>
    const given = fs as unknown as Record<string, unknown>
    this.native = Object.keys(real).every((k) => typeof real[k] !== 'function' || given[k] === real[k])
  }

  /**
   * True on the real file system (not a test's stand-in), where the store may use calls beyond
   * StoreFs (synchronous writes, syncfs). Compared function by function, not by the module
   * object: each compiled module may wrap `node:fs/promises` in an object of its own (tsx,
   * bundlers), and a stand-in that copies the module and replaces one call is not the real thing.
   */
  readonly native: boolean

  /** The absolute path of `rel`; refuses (INTERNAL) any path that would leave the folder. */
  abs(rel: string): string {
    if (rel !== '' && !isSafeRelPath(rel)) throw new AppError('INTERNAL', `Refused a path outside the data folder: ${JSON.stringify(rel)}.`)
    return join(this.dataDir, ...rel.split('/'))
  }

  error(e: unknown, action: string, rel: string): Error {
    return toAppError(e, action, this.abs(rel), this.dataDir)
  }

  /**
   * Raw bytes (still encrypted), or null when the file does not exist. Only regular files are read
   * (a folder, a symlink or a device in a file's place is a FileProblem: set aside, never followed),
   * and never more than MAX_READ_BYTES (a file that large is not one the app wrote).
   */
  async readRaw(rel: string): Promise<Uint8Array | null> {
    const path = this.abs(rel)
    try {
      const st = await this.fs.lstat(path)
      if (!st.isFile()) {
        const kind = st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'a device or other special file'
        throw new FileProblem(`not a regular file (${kind} is in its place)`)
      }
      if (st.size > MAX_READ_BYTES) throw new FileProblem(`too large to be a file of this app (${st.size} bytes)`)
      return await this.fs.readFile(path)
    } catch (e) {
      if (e instanceof FileProblem) throw e
      if (errnoOf(e) === 'ENOENT') return null
      throw this.error(e, 'read', rel)
    }
  }

  /**
   * What a file looks like from outside (modification time, size, inode): a record kept in memory
   * is served again only while this is unchanged, so a file replaced by a sync tool is read afresh.
   */
  async stamp(rel: string): Promise<string | null> {
    try {
      return stampOf(await this.fs.stat(this.abs(rel)))
    } catch {
      return null
    }
  }

  /**
   * stamp() at once, for the real file system only (see native): a stat of a file the kernel has
   * cached takes a few microseconds on the event loop, and fs.promises' stat 20-40 µs of it, through
   * the thread pool that saves wait in.
   */
  stampNow(rel: string): string | null {
    if (!this.native) throw new AppError('INTERNAL', 'stampNow needs the real file system.')
    try {
      const st = statSync(this.abs(rel), { throwIfNoEntry: false })
      return st === undefined ? null : stampOf(st)
    } catch {
      return null
    }
  }

  /** Throws DATA_DIR_UNWRITABLE when the folder was opened read-only. */
  assertWritable(rel: string): void {
    if (this.readOnly !== null) {
      throw new AppError('DATA_DIR_UNWRITABLE', `Cannot save ${rel}: the data folder ${this.dataDir} was opened read-only (${this.readOnly}). Nothing was changed.`)
    }
  }

  /** Makes the folder of `rel` (and fsyncs its parent, so the new folder entry is durable too). */
  async ensureDirOf(rel: string): Promise<void> {
    this.assertWritable(rel)
    const dir = dirname(this.abs(rel))
    if (this.#madeDirs.has(dir)) return
    try {
      const created = await this.fs.mkdir(dir, { recursive: true })
      if (created !== undefined) await fsyncDir(this.fs, dirname(dir))
    } catch (e) {
      throw this.error(e, 'create the folder of', rel)
    }
    this.#madeDirs.add(dir)
  }

  /** Writes already-encoded (and, if need be, encrypted) bytes durably. */
  async writeRaw(rel: string, bytes: Uint8Array, durable = true): Promise<void> {
    this.assertWritable(rel)
    this.#writing++
    try {
      await this.ensureDirOf(rel)
      await writeFileAtomic(this.fs, this.abs(rel), bytes, durable)
    } catch (e) {
      throw this.error(e, 'save', rel)
    } finally {
      this.#wrote()
    }
  }

  async remove(rel: string): Promise<void> {
    this.assertWritable(rel)
    this.#writing++
    try {
      await removeFileDurably(this.fs, this.abs(rel))
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return
      throw this.error(e, 'delete', rel)
    } finally {
      this.#wrote()
    }
  }

  /**
   * Null when no write or remove is in flight, else a promise that resolves once none is. Background
   * checks (FileRecordStore.verify) wait on it between their file calls: libuv's small thread pool
   * serves every file call in order, so a check that keeps it full makes a save wait behind it.
   */
  writesIdle(): Promise<void> | null {
    if (this.#writing === 0) return null
    return new Promise((resolve) => this.#idleWaiters.push(resolve))
  }

  #wrote(): void {
    if (--this.#writing > 0) return
    const waiters = this.#idleWaiters
    this.#idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  /** Names in a folder (relative), or [] when it does not exist. */
  async list(relDir: string): Promise<string[]> {
    try {
      return await this.fs.readdir(this.abs(relDir))
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return []
      throw this.error(e, 'list', relDir)
    }
  }

  /** Forgets which folders exist (after a restore replaced them). */
  forgetDirs(): void {
    this.#madeDirs.clear()
  }
}
