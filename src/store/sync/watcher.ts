// Notices files that change in the data folder while it is open (a sync tool writing another
// computer's version): node:fs.watch on each folder, debounced, plus a periodic rescan that compares
// every file's size and mtime, because fs.watch misses events on some file systems (network shares,
// some containers) and drops them under load.
import { watch, type FSWatcher } from 'node:fs'
import type { FileIo } from '../file-io'

export type WatcherOptions = {
  /** Folders to watch, relative to the data folder ('' is the folder itself; not recursive). */
  dirs: readonly string[]
  /** Ignore these names (temp files, the sync tool's own files). */
  ignore: (name: string) => boolean
  debounceMs: number
  rescanMs: number
  /** Called with the relative paths that changed (serially: never two calls at once). */
  onChange: (rels: ReadonlySet<string>) => Promise<void>
  onError: (e: unknown) => void
}

type Snapshot = Map<string, string>

export class FolderWatcher {
  readonly #watchers: FSWatcher[] = []
  readonly #dirty = new Set<string>()
  #snapshot: Snapshot = new Map()
  #timer: NodeJS.Timeout | null = null
  #rescan: NodeJS.Timeout | null = null
  #running: Promise<void> = Promise.resolve()
  #stopped = false

  constructor(
    readonly io: FileIo,
    readonly options: WatcherOptions
  ) {}

  async start(): Promise<void> {
    this.#snapshot = await this.#scan()
    for (const dir of this.options.dirs) {
      try {
        const w = watch(this.io.abs(dir), { persistent: false }, (_event, name) => {
          if (typeof name !== 'string' || this.options.ignore(name)) return
          this.#mark(dir === '' ? name : `${dir}/${name}`)
        })
        w.on('error', (e) => this.options.onError(e))
        this.#watchers.push(w)
      } catch (e) {
        this.options.onError(e) // a folder that does not exist yet: the rescan covers it
      }
    }
    this.#rescan = setInterval(() => void this.rescanNow().catch((e: unknown) => this.options.onError(e)), this.options.rescanMs)
    this.#rescan.unref()
  }

  /** Compares every watched file with the last scan and reports the differences. */
  async rescanNow(): Promise<void> {
    const now = await this.#scan()
    for (const [rel, stamp] of now) if (this.#snapshot.get(rel) !== stamp) this.#dirty.add(rel)
    for (const rel of this.#snapshot.keys()) if (!now.has(rel)) this.#dirty.add(rel)
    this.#snapshot = now
    if (this.#dirty.size > 0) this.#flushNow()
    await this.idle()
  }

  #mark(rel: string): void {
    if (this.#stopped) return
    this.#dirty.add(rel)
    this.#flushSoon(this.options.debounceMs)
  }

  #flushSoon(ms: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#flushNow(), ms)
    this.#timer.unref()
  }

  #flushNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    const batch = new Set(this.#dirty)
    this.#dirty.clear()
    this.#running = this.#running.then(() => (this.#stopped ? undefined : this.options.onChange(batch))).catch((e: unknown) => this.options.onError(e))
  }

  async #scan(): Promise<Snapshot> {
    const out: Snapshot = new Map()
    for (const dir of this.options.dirs) {
      for (const name of await this.io.list(dir)) {
        if (this.options.ignore(name)) continue
        const rel = dir === '' ? name : `${dir}/${name}`
        const stamp = await this.io.stamp(rel)
        if (stamp !== null) out.set(rel, stamp)
      }
    }
    return out
  }

  /** Waits for the change handler in progress, if any. */
  async idle(): Promise<void> {
    let current: Promise<void>
    do {
      current = this.#running
      await current
    } while (current !== this.#running)
  }

  async stop(): Promise<void> {
    this.#stopped = true
    for (const w of this.#watchers) w.close()
    if (this.#timer !== null) clearTimeout(this.#timer)
    if (this.#rescan !== null) clearInterval(this.#rescan)
    await this.idle()
  }
}
