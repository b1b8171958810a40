// Long work reports progress and stops when asked: a callback and an AbortSignal, both optional.
import { AppError } from '#shared/errors'

export type Progress = {
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export function throwIfCancelled(p: Progress, what: string): void {
  if (p.signal?.aborted) throw new AppError('CANCELLED', `${what} was cancelled; nothing was changed.`)
}

/** Runs `work` over items with at most `limit` in flight, checking for a cancel between items. */
export async function pool<T>(items: ReadonlyArray<T>, limit: number, p: Progress, what: string, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      throwIfCancelled(p, what)
      await work(items[next++]!)
    }
  })
  await Promise.all(runners)
}
