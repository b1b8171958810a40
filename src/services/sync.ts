// A synced caseload, for the window and the command line: who last wrote a case, conflicts waiting
// for a choice, merges done, and the files other computers wrote since the window last asked (a
// cheap poll until the contract has push events; subscribe() is the push for the main process).
import { z } from 'zod'
import { ShortTextSchema } from '../core/schemas'
import { recordFile } from '../store'
import type { FileOrigin, SyncChange, SyncConflict, SyncEvent, SyncMerge } from '../store'
import type { ClockService } from './clock-service'
import type { ServiceContext } from './context'
import { parseOrThrow } from './validate'

/** How many recent changes are kept for a window that polls. */
const RECENT_CHANGES = 200

export const DeviceNameSchema = ShortTextSchema.min(1, 'must not be empty').max(100, 'is too long (a computer name: at most 100 characters)')

export type SyncStatus = {
  deviceId: string
  deviceName: string
  /** Grows with every change, merge or conflict: poll `changes` when it moved. */
  version: number
  conflicts: number
  merges: SyncMerge[]
}

export function syncService(ctx: ServiceContext, clocks: ClockService) {
  const sync = ctx.store.sync
  const recent: { seq: number; change: SyncChange }[] = []
  let seq = 0
  // A case another computer wrote (or a merge rewrote) must not be served from the clock memo.
  sync.subscribe((event: SyncEvent) => {
    if (event.type !== 'changed') return
    for (const change of event.changes) {
      if (change.collection === 'cases' && change.id !== null) clocks.forget(change.id)
      recent.push({ seq: ++seq, change })
    }
    if (recent.length > RECENT_CHANGES) recent.splice(0, recent.length - RECENT_CHANGES)
  })

  return {
    status(): SyncStatus {
      return {
        deviceId: ctx.store.deviceId,
        deviceName: sync.deviceName(),
        version: sync.version(),
        conflicts: sync.conflicts().length,
        merges: sync.merges().slice(-50).reverse()
      }
    },
    conflicts: (): SyncConflict[] => [...sync.conflicts()],
    /** The changes after `since` (a sequence number this returned before; 0 for all kept). */
    changes(since: number): { seq: number; changes: SyncChange[] } {
      return { seq, changes: recent.filter((r) => r.seq > since).map((r) => r.change) }
    },
    async resolve(id: string, keep: 'current' | 'copy'): Promise<void> {
      await sync.resolve(id, keep)
    },
    /** Who last wrote the case's file: "updated on <device> at <time>". */
    origin: (caseId: string): Promise<FileOrigin | null> => sync.origin(recordFile('cases', caseId)),
    async rename(name: string): Promise<string> {
      await sync.setDeviceName(parseOrThrow(DeviceNameSchema, name, 'deviceName'))
      return sync.deviceName()
    },
    rescan: () => sync.rescan(),
    subscribe: (listener: (event: SyncEvent) => void): (() => void) => sync.subscribe(listener)
  }
}

export type SyncService = ReturnType<typeof syncService>
export const SyncKeepSchema = z.enum(['current', 'copy'])
