import type { AuditEntry } from '#core/schemas'
import { formatDay, formatInstant, humanize, isIsoDay } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'
import { historyFieldLabel } from './history-labels'

const show = (v: unknown, path = ''): string => {
  if (v === null || v === undefined) return '—'
  // An event's type reads as its label ("Request sent"); the code stays in the data and the export.
  if (typeof v === 'string' && path === 'type') return eventTypeLabel(v)
  if (typeof v === 'string') return isIsoDay(v) ? formatDay(v) : v
  return JSON.stringify(v)
}

/** The audit trail: every change to this case, newest first. */
export function HistoryList({ history }: { history: ReadonlyArray<AuditEntry> }) {
  const entries = [...history].reverse()
  return (
    <section className="panel" aria-labelledby="history-title" data-testid="history">
      <details>
        <summary>
          <h3 id="history-title" className="panel__title panel__title--inline">
            History <span className="muted panel__aside">{entries.length} changes</span>
          </h3>
        </summary>
        <ol className="history">
          {entries.map((h, i) => (
            <li key={`${h.at}-${i}`} className="history__entry">
              <div>
                <strong>{humanize(h.action)}</strong> <span className="muted">{h.entity}</span>
                {h.by && <span className="muted"> by {h.by}</span>}
              </div>
              <div className="muted small">{formatInstant(h.at)}</div>
              {h.changes.length > 0 && (
                <ul className="history__changes">
                  {h.changes.slice(0, 12).map((c) => (
                    <li key={c.path}>
                      <span title={c.path}>{historyFieldLabel(c.path)}</span>: {show(c.before, c.path)} → {show(c.after, c.path)}
                    </li>
                  ))}
                  {h.changes.length > 12 && <li className="muted">…and {h.changes.length - 12} more</li>}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  )
}
