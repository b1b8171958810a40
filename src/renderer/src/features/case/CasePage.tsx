import { useEffect, useState } from 'react'
import type { CaseIntent } from '../../app/routes'
import { CaseOrigin } from '../sync/CaseOrigin'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'
import { AddEventForm } from './AddEventForm'
import { CaseFacts, CaseHeader } from './CaseHeader'
import { useAddEventCommand } from './use-add-event-command'
import { useFileDropZone } from './file-drop'
import { useAttachFiles } from './use-attach-files'
import { useKeptState } from '../../ui/use-kept-state'
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
import { perspectiveOf } from '#core/perspective'
import { usePerspective } from '../../ui/perspective-words'

/** One case in full: who asked whom for what, the clock with its working, and the correspondence. */
export function CasePage({ id, intent }: { id: string; intent?: CaseIntent }) {
  const view = useChannel('cases.get', { id })
  // The user's saved rule profiles: their names in the header, and choices in "Edit request".
  const settings = useChannel('settings.get', {})
  const savedProfiles = settings.data?.savedProfiles ?? []
  const workspacePerspective = usePerspective()
  const restoring = useChannelMutation('cases.restore')
  // The letter being prepared: a template id, '' for "choose one", null when the dialog is closed.
  const [preparing, setPreparing] = useState<string | null>(intent?.kind === 'prepare' ? intent.template : null)
  const reload = useRefresh()
  // The add-event form opens at the top of the page (button, `a`, or the app's add-event command),
  // and stays open while it holds a draft, also after leaving the case and coming back.
  const [adding, setAdding] = useKeptState(`event-form-open:${id}`, false)
  const [focusRequest, setFocusRequest] = useState(0)
  const openAddEvent = () => {
    setAdding(true)
    setFocusRequest((n) => n + 1)
  }
  const trashedNow = Boolean(view.data?.case.deletedAt)
  useAddEventCommand(view.isSuccess && !trashedNow, openAddEvent)
  // Today's "log the event" arrives as an intent: the form opens on that event type.
  const logIntent = intent?.kind === 'log' ? `${intent.eventType}:${intent.option ?? ''}` : null
  useEffect(() => {
    if (logIntent !== null) setAdding(true)
  }, [logIntent, setAdding])
  // Files dropped anywhere on the case (not on an event) become a note dated today with the files.
  const [dropNotice, setDropNotice] = useState<string | null>(null)
  const caseAttacher = useAttachFiles(id, undefined, setDropNotice)
  const caseDrop = useFileDropZone((files) => {
    setDropNotice(null)
    void caseAttacher.attachFiles(files)
  }, view.isSuccess && !trashedNow)

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
    <article className={`page case-page${caseDrop.over ? ' case-page--drop' : ''}`} aria-labelledby="case-title" data-testid="case-page" {...caseDrop.props}>
      {caseDrop.over && (
        <p className="case-drop-hint" aria-hidden="true">
          Drop to attach to the case (a note dated today); drop on an event to attach to it.
        </p>
      )}
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
      <CaseHeader view={v} savedProfiles={savedProfiles} onAddEvent={openAddEvent} />
      {caseAttacher.progress && (
        <p className="muted small" role="status" data-testid="case-drop-progress">
          {caseAttacher.progress}
        </p>
      )}
      <Notice message={dropNotice} />
      <ErrorMessage message={caseAttacher.errors.length > 0 ? caseAttacher.errors.join(' ') : null} />
      <CaseOrigin caseId={id} />
      <div className="case-grid">
        <div className="case-grid__main">
          {trashed ? (
            <Notice message="Restore the case to log new events." />
          ) : (
            adding && (
              <AddEventForm
                caseId={id}
                checklist={v.case.requested.items}
                events={v.case.events}
                focusRequest={focusRequest}
                onClose={() => setAdding(false)}
                {...(intent?.kind === 'log' && { start: { type: intent.eventType, ...(intent.option !== undefined && { option: intent.option }) } })}
              />
            )
          )}
          <ClockPanel clock={v.clock} asOf={v.asOf} onPrepare={trashed ? undefined : setPreparing} caseId={id} references={v.case.references} />
          <OpenRequestWarnings caseId={id} version={v.case.updatedAt} />
          <CaseFacts view={v} savedProfiles={savedProfiles} />
          <EventLog caseId={id} events={v.case.events} checklist={v.case.requested.items} readOnly={Boolean(trashed)} />
        </div>
        <aside className="case-grid__side">
          <LettersPanel caseId={id} letters={v.case.letters} today={v.asOf} readOnly={Boolean(trashed)} onChanged={reload} onPrepare={() => setPreparing('')} {...(intent?.kind === 'mark-sent' && { sendingFirst: intent.letterId })} />
          <RemindersPanel caseId={id} reminders={v.case.reminders} asOf={v.asOf} readOnly={Boolean(trashed)} />
          <Checklist completeness={v.completeness} />
          <RequestLogPanel c={v.case} readOnly={Boolean(trashed)} />
          <HistoryList history={v.case.history} />
        </aside>
      </div>
      {preparing !== null && (
        <PrepareLetterDialog caseId={id} requestKind={v.case.requestKind} perspective={perspectiveOf(v.case, workspacePerspective)} templateId={preparing || undefined} today={v.asOf} onClose={() => setPreparing(null)} onChanged={reload} />
      )}
    </article>
  )
}
