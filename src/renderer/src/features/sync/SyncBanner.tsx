import { useEffect } from 'react'
import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { Link } from '../../app/Link'
import { plural } from '../../ui/format'
import { SYNC_POLL_MS } from './use-sync-changes'

/** Says when conflicting versions of a file wait for a choice (nothing is lost meanwhile). */
export function SyncBanner() {
  const [status, reload] = useQuery(() => call('sync.status', {}), [])
  useEffect(() => {
    const timer = window.setInterval(reload, SYNC_POLL_MS * 2)
    return () => window.clearInterval(timer)
  }, [reload])
  if (status.status !== 'ready' || status.data.conflicts === 0) return null
  return (
    <div className="banner banner--warn" role="status" data-testid="sync-banner">
      <span>
        {plural(status.data.conflicts, 'file was', 'files were')} changed on two computers at once in a way that cannot be merged
        safely. Both versions are kept; choose which one stays.
      </span>
      <Link to={{ page: 'sync' }}>Review conflicts</Link>
    </div>
  )
}
