// What the store found wrong and did since the folder opened. Damage is found at open AND later:
// the background check of every case file after open, and any read of a damaged file. There is
// no push channel yet, so the list is asked for again every few seconds (a small in-memory list).
import { useEffect } from 'react'
import type { RecoveryValue } from '../../../../shared/channels/data'
import { call } from '../../api/client'
import { useQuery, type QueryState } from '../../api/use-query'

const ASK_AGAIN_MS = 3000

export function useRecoveries(): QueryState<RecoveryValue[]> {
  const [state, reload] = useQuery(() => call('data.recoveries', {}), [])
  useEffect(() => {
    const timer = setInterval(reload, ASK_AGAIN_MS)
    return () => clearInterval(timer)
  }, [reload])
  return state
}
