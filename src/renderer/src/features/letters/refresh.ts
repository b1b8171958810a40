// After a letters call made with call() (not a mutation hook), mark stale what letters change:
// the case (its letters, events and clock) and the template lists.
import { useQueryClient } from '@tanstack/react-query'
import { invalidateAfter } from '../../api/queries'

export function useRefresh(): () => void {
  const client = useQueryClient()
  return () => void invalidateAfter(client, 'letters.generate')
}
