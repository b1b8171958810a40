import type { CaseEvent, ChecklistItem } from '../../../../core/schemas'
import { DateText } from '../../ui/DateText'
import { humanize } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'
import { eventFacts } from './event-facts'

const DIRECTION_MARK: Record<string, string> = { outgoing: '→ out', incoming: '← in', internal: '· internal' }

/** The correspondence log, oldest first, as it would be read out in a complaint. */
export function EventLog({ events, checklist }: { events: ReadonlyArray<CaseEvent>; checklist: ReadonlyArray<ChecklistItem> }) {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
  return (
    <section className="panel" aria-labelledby="log-title">
      <h3 id="log-title" className="panel__title">
        Correspondence log <span className="muted panel__aside">{sorted.length} events</span>
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <ol className="event-log" data-testid="event-log">
          {sorted.map((e) => {
            const facts = eventFacts(e, checklist)
            return (
              <li key={e.id} className={`event event--${e.direction}`} data-testid="event" data-event-type={e.type}>
                <div className="event__date">
                  <DateText value={e.date} />
                </div>
                <div className="event__main">
                  <div className="event__head">
                    <strong className="event__type">{eventTypeLabel(e.type)}</strong>
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
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
