import { useState } from 'react'
import type { CaseEvent, ChecklistItem } from '#core/schemas'
import { DateText } from '../../ui/DateText'
import { Notice } from '../../ui/ErrorMessage'
import { formatDay, humanize } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'
import { AttachButton } from './AttachButton'
import { AttachmentList } from './Attachments'
import { EditEventDialog } from './EditEventDialog'
import { useFileDropZone } from './file-drop'
import { useAttachFiles } from './use-attach-files'
import { eventFacts } from './event-facts'

const DIRECTION_MARK: Record<string, string> = { outgoing: '→ out', incoming: '← in', internal: '· internal' }

type Props = {
  caseId: string
  events: ReadonlyArray<CaseEvent>
  checklist: ReadonlyArray<ChecklistItem>
  /** A case in the trash is read only: its files can be opened, nothing can be changed. */
  readOnly: boolean
}

/** The correspondence log, oldest first, as it would be read out in a complaint. */
export function EventLog({ caseId, events, checklist, readOnly }: Props) {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
  const [editing, setEditing] = useState<CaseEvent | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  // The writes themselves mark the case stale (api/queries.ts); here only the confirmation is kept.
  const changed = (m: string) => setMessage(m)
  return (
    <section className="panel" aria-labelledby="log-title" data-testid="correspondence-log">
      <div className="panel__head">
        <h3 id="log-title" className="panel__title">
          Correspondence log <span className="muted panel__aside">{sorted.length} events</span>
        </h3>
        {!readOnly && (
          <AttachButton caseId={caseId} label="Attach file to the case…" accessibleName="Attach file to the case (logged as a note dated today)" onAttached={changed} />
        )}
      </div>
      <Notice message={message} />
      {sorted.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <ol className="event-log" data-testid="event-log">
          {sorted.map((e) => (
            <EventRow
              key={e.id}
              caseId={caseId}
              event={e}
              checklist={checklist}
              readOnly={readOnly}
              onEdit={() => {
                setMessage(null)
                setEditing(e)
              }}
              onChanged={changed}
            />
          ))}
        </ol>
      )}
      {editing && (
        <EditEventDialog
          caseId={caseId}
          event={editing}
          events={events}
          checklist={checklist}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null)
            changed(m)
          }}
        />
      )}
    </section>
  )
}

type RowProps = { caseId: string; event: CaseEvent; checklist: ReadonlyArray<ChecklistItem>; readOnly: boolean; onEdit: () => void; onChanged: (m: string) => void }

/** One event of the log; files dropped anywhere on it are attached to it. */
function EventRow({ caseId, event: e, checklist, readOnly, onEdit, onChanged }: RowProps) {
  const facts = eventFacts(e, checklist)
  const attacher = useAttachFiles(caseId, e.id, onChanged)
  const drop = useFileDropZone((files) => void attacher.attachFiles(files), !readOnly)
  const name = `${eventTypeLabel(e.type)} of ${formatDay(e.date)}`
  return (
    <li className={`event event--${e.direction}${drop.over ? ' event--drop' : ''}`} data-testid="event" data-event-type={e.type} data-event-id={e.id} {...drop.props}>
      <div className="event__date">
        <DateText value={e.date} />
      </div>
      <div className="event__main">
        <div className="event__head">
          <strong className="event__type" title={`Event type: ${e.type}`}>
            {eventTypeLabel(e.type)}
          </strong>
          <span className="event__meta">
            {DIRECTION_MARK[e.direction] ?? e.direction}
            {e.channel && ` · ${humanize(e.channel)}`}
          </span>
        </div>
        {e.summary && <div className="event__summary">{e.summary}</div>}
        {facts.length > 0 && (
          <ul className="event__facts">
            {facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
        {e.proofOfDelivery && <div className="muted small">Proof of delivery: {e.proofOfDelivery}</div>}
        {e.body && (
          <details className="event__body">
            <summary>Full text</summary>
            <pre>{e.body}</pre>
          </details>
        )}
        <AttachmentList attachments={e.attachments} />
        {drop.over && (
          <p className="event__drop-hint" aria-hidden="true">
            Drop to attach to {name}
          </p>
        )}
        {!readOnly && (
          <div className="event__actions">
            <button type="button" className="button button--small button--ghost" onClick={onEdit} aria-label={`Edit ${name}`}>
              Edit…
            </button>
            <AttachButton caseId={caseId} eventId={e.id} label="Attach file…" accessibleName={`Attach file to ${name}`} onAttached={onChanged} attacher={attacher} />
          </div>
        )}
      </div>
    </li>
  )
}
