import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useQuery } from '../../api/use-query'
import { Link } from '../../app/Link'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'
import { AddEventForm } from './AddEventForm'
import { CaseOrigin } from '../sync/CaseOrigin'
import { useSyncTick } from '../sync/use-sync-changes'
import { CaseHeader } from './CaseHeader'
import { Checklist } from './Checklist'
import { ClockPanel } from './ClockPanel'
import { EventLog } from './EventLog'
import { HistoryList } from './HistoryList'
import { RemindersPanel } from './RemindersPanel'

/** One case in full: who asked whom for what, the clock with its working, and the correspondence. */
export function CasePage({ id }: { id: string }) {
  // Another computer's edit of this case (through a sync tool) reloads it.
  const synced = useSyncTick((c) => c.collection !== 'cases' || c.id === id)
  const [view, reload] = useQuery(() => call('cases.get', { id }), [id, synced])
  // The user's saved rule profiles: their names in the header, and choices in "Edit request".
  const [settings] = useQuery(() => call('settings.get', {}), [])
  const savedProfiles = settings.status === 'ready' ? settings.data.savedProfiles : []
  const [restoreError, setRestoreError] = useState<string | null>(null)

  if (view.status === 'loading') return <p className="muted">Loading the case…</p>
  if (view.status === 'error') {
    return (
      <div className="page">
        <ErrorMessage title="This case could not be opened." message={view.message} />
        <Link to={{ page: 'caseload' }}>Back to the caseload</Link>
      </div>
    )
  }
  const v = view.data
  const trashed = v.case.deletedAt
  const restore = async () => {
    setRestoreError(null)
    try {
      await call('cases.restore', { id })
      reload()
    } catch (e) {
      setRestoreError(errorText(e))
    }
  }
  return (
    <article className="page case-page" aria-labelledby="case-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'caseload' }}>Caseload</Link> <span aria-hidden="true">›</span> <span>{v.patientName}</span>
      </nav>
      {trashed && (
        <div className="banner banner--warn" role="status" data-testid="trash-banner">
          <span>
            This case is in the trash since {formatInstant(trashed)}. It can be restored for 30 days after that, then it is deleted for good.
          </span>
          <button type="button" className="button" onClick={restore}>
            Restore
          </button>
        </div>
      )}
      <ErrorMessage message={restoreError} />
      <CaseHeader view={v} savedProfiles={savedProfiles} onChanged={reload} />
      <CaseOrigin caseId={id} refresh={view.data} />
      <div className="case-grid">
        <div className="case-grid__main">
          <ClockPanel clock={v.clock} asOf={v.asOf} />
          <EventLog caseId={id} events={v.case.events} checklist={v.case.requested.items} readOnly={Boolean(trashed)} onChanged={reload} />
          {trashed ? (
            <Notice message="Restore the case to log new events." />
          ) : (
            <AddEventForm caseId={id} checklist={v.case.requested.items} onSaved={reload} />
          )}
        </div>
        <aside className="case-grid__side">
          <RemindersPanel caseId={id} reminders={v.case.reminders} asOf={v.asOf} readOnly={Boolean(trashed)} onSaved={reload} />
          <Checklist completeness={v.completeness} />
          <HistoryList history={v.case.history} />
        </aside>
      </div>
    </article>
  )
}
