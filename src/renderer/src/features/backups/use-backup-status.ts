// Whether the daily backup failed. It runs in the background after the data folder opens, so the
// first answer may come while it is still running: ask again, every few seconds, only until it
// has finished (the status says so). A backup made anywhere in the window asks again at once.
import { useEffect } from 'react'
import type { BackupStatusValue } from '#shared/channels/data'
import { call } from '../../api/client'
import { useQuery, type QueryState } from '../../api/use-query'

const ASK_AGAIN_MS = 2000

const listeners = new Set<() => void>()

/** Call after any backup succeeded (it clears a failure): every status on screen is read again. */
export function announceBackupMade(): void {
  for (const listener of listeners) listener()
}

export function useBackupStatus(): QueryState<BackupStatusValue> {
  const [status, reload] = useQuery(() => call('backup.status', {}), [])
  const data = status.status === 'ready' ? status.data : null

  useEffect(() => {
    if (!data?.dailyInProgress) return
    const timer = setTimeout(reload, ASK_AGAIN_MS)
    return () => clearTimeout(timer)
  }, [data, reload])

  useEffect(() => {
    listeners.add(reload)
    return () => {
      listeners.delete(reload)
    }
  }, [reload])

  return status
}
