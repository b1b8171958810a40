import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { plural } from '../../ui/format'

/** Says when conflicting versions of a file wait for a choice (nothing is lost meanwhile). Refreshed by the sync.changed event. */
export function SyncBanner() {
  const status = useChannel('sync.status', {})
  if (status.data === undefined || status.data.conflicts === 0) return null
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
