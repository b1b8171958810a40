// What every collection needs from the open store: the folder, the device id written into each
// envelope, backups (to restore damaged files from), a way to report recoveries, and a way to
// register pending work so flush() and close() can wait for it.
import type { BackupStore } from './backups'
import type { FileIo } from './file-io'
import type { Recovery } from './types'
import type { ValidatedCache } from './validated-cache'

export type StoreContext = {
  io: FileIo
  deviceId: string
  backups: BackupStore
  report: (recovery: Recovery) => void
  track: <T>(work: Promise<T>) => Promise<T>
  indexDebounceMs: number
  /** Files the newest backup holds: a shard or singleton among them that is missing now was lost. */
  expected?: ReadonlySet<string>
  /** Contents already validated by this code (shards and singletons, read at open). */
  validated?: ValidatedCache
}

/** Runs `fn` over `items` with at most `limit` at a time (file reads overlap their latency). */
export async function mapLimit<I, O>(items: readonly I[], limit: number, fn: (item: I) => Promise<O>): Promise<O[]> {
  const out = new Array<O>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as I)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
