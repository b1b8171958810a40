import { useEffect, useRef, useState } from 'react'
import type { SyncChangeValue } from '../../../../shared/channels/sync'
import { call } from '../../api/client'

/** How often the window asks whether another computer changed something (a cheap in-memory read). */
export const SYNC_POLL_MS = 2000

/**
 * A number that grows whenever a file another computer wrote (or a merge) touches what `matches`
 * accepts: put it in a query's dependencies and the view reloads itself. Until the contract has
 * push events, this polls `sync.changes`, which only reads a list kept in memory.
 */
export function useSyncTick(matches: (change: SyncChangeValue) => boolean): number {
  const [tick, setTick] = useState(0)
  const match = useRef(matches)
  useEffect(() => {
    match.current = matches
  })
  useEffect(() => {
    let since: number | null = null
    let live = true
    const poll = async () => {
      try {
        const r = await call('sync.changes', { since: since ?? 0 })
        if (!live) return
        if (since !== null && r.changes.some((c) => match.current(c))) setTick((t) => t + 1)
        since = r.seq
      } catch {
        // the folder is switching or locked: ask again next time
      }
    }
    void poll()
    const timer = window.setInterval(() => void poll(), SYNC_POLL_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [])
  return tick
}
