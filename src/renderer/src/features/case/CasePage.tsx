import { useState } from 'react'
import { CaseOrigin } from '../sync/CaseOrigin'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'
import { AddEventForm } from './AddEventForm'
import { CaseHeader } from './CaseHeader'
import { Checklist } from './Checklist'
import { ClockPanel } from './ClockPanel'
import { EventLog } from './EventLog'
import { HistoryList } from './HistoryList'
import { RemindersPanel } from './RemindersPanel'
import { LettersPanel } from '../letters/LettersPanel'
import { RequestLogPanel } from '../request-log/RequestLogPanel'
import { PrepareLetterDialog } from '../letters/PrepareLetterDialog'
import { useRefresh } from '../letters/refresh'
import { OpenRequestWarnings } from '../reports/OpenRequestWarnings'

/** One case in full: who asked whom for what, the clock with its working, and the correspondence. */
export function CasePage({ id }: { id: string }) {
  const view = useChannel('cases.get', { id })
  // The user's saved rule profiles: their names in the header, and choices in "Edit request".
  const settings = useChannel('settings.get', {})
  const savedProfiles = settings.data?.savedProfiles ?? []
  const restoring = useChannelMutation('cases.restore')
  // The letter being prepared: a template id, '' for "choose one", null when the dialog is closed.
  const [preparing, setPreparing] = useState<string | null>(null)
  const reload = useRefresh()

  if (view.isPending) return <p className="muted">Loading the case…</p>
  if (view.isError) {
    return (
      <div className="page">
        <ErrorMessage title="This case could not be opened." message={errorText(view.error)} />
        <Link to={{ page: 'caseload' }}>Back to the caseload</Link>
      </div>
    )
  }
  const v = view.data
  const trashed = v.case.deletedAt
  const restore = () => restoring.mutate({ id })
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
      <ErrorMessage message={restoring.error ? errorText(restoring.error) : null} />
      <CaseHeader view={v} savedProfiles={savedProfiles} />
      <CaseOrigin caseId={id} />
      <div className="case-grid">
        <div className="case-grid__main">
          <OpenRequestWarnings caseId={id} version={v.case.updatedAt} />
          <ClockPanel clock={v.clock} asOf={v.asOf} onPrepare={trashed ? undefined : setPreparing} />
          <EventLog caseId={id} events={v.case.events} checklist={v.case.requested.items} readOnly={Boolean(trashed)} />
          {trashed ? (
            <Notice message="Restore the case to log new events." />
          ) : (
            <AddEventForm caseId={id} checklist={v.case.requested.items} />
          )}
        </div>
        <aside className="case-grid__side">
          <LettersPanel caseId={id} letters={v.case.letters} today={v.asOf} readOnly={Boolean(trashed)} onChanged={reload} onPrepare={() => setPreparing('')} />
          <RemindersPanel caseId={id} reminders={v.case.reminders} asOf={v.asOf} readOnly={Boolean(trashed)} />
          <Checklist completeness={v.completeness} />
          <RequestLogPanel c={v.case} readOnly={Boolean(trashed)} />
          <HistoryList history={v.case.history} />
        </aside>
      </div>
      {preparing !== null && (
        <PrepareLetterDialog caseId={id} requestKind={v.case.requestKind} templateId={preparing || undefined} today={v.asOf} onClose={() => setPreparing(null)} onChanged={reload} />
      )}
    </article>
  )
}
