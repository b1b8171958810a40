// Today: what needs my action today and this week, across the caseload, each item one click from
// its case and one from its action, with counts by status and by who each case waits on.
import type { WorklistValue } from '#shared/channels/worklist'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { routeToHash, type CaseIntent } from '../../app/routes'
import { DateText } from '../../ui/DateText'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { statusLabel, waitingOnLabel } from '../../ui/labels'
import './today.css'

type Item = WorklistValue['items'][number]

const GROUPS: ReadonlyArray<{ when: Item['when']; title: string }> = [
  { when: 'overdue', title: 'Overdue' },
  { when: 'today', title: 'Due today' },
  { when: 'this-week', title: 'This week' },
  { when: 'later', title: 'Complaint windows closing within 30 days' }
]

const WAITING_ORDER = ['me', 'holder', 'agency', 'none'] as const

export function TodayPage() {
  const worklist = useChannel('worklist.today', {})
  if (worklist.isPending) return <p className="muted">Working out today…</p>
  if (worklist.isError) return <ErrorMessage title="Today could not be worked out." message={errorText(worklist.error)} />
  const w = worklist.data
  return (
    <div className="page today" data-testid="today-page">
      <PageHeader title="Today" subtitle={<>What needs doing on <DateText value={w.today} /> and through <DateText value={w.weekEnd} /></>} />
      <section className="today__counts" aria-label="Counts">
        <div className="panel">
          <h3 className="panel__title">Who the cases wait on</h3>
          <dl className="today__tally" data-testid="waiting-counts">
            {WAITING_ORDER.map((k) => (
              <div key={k}>
                <dt>{k === 'none' ? 'Closed, nothing to do' : waitingOnLabel(k)}</dt>
                <dd data-testid={`waiting-${k}`}>{w.counts.byWaitingOn[k]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="panel">
          <h3 className="panel__title">By status ({w.counts.total} cases)</h3>
          <dl className="today__tally" data-testid="status-counts">
            {Object.entries(w.counts.byStatus).map(([k, n]) => (
              <div key={k}>
                <dt>{statusLabel(k)}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      {w.items.length === 0 ? (
        <EmptyState title="Nothing is due this week.">
          <p>
            No step, reminder or acknowledgement check falls due before <DateText value={w.weekEnd} />, and no letter waits to be sent.{' '}
            <a href={routeToHash({ page: 'caseload' })}>Open the caseload</a>
          </p>
        </EmptyState>
      ) : (
        GROUPS.map((g) => {
          const items = w.items.filter((i) => i.when === g.when)
          if (items.length === 0) return null
          return (
            <section key={g.when} className="panel" aria-labelledby={`today-${g.when}`}>
              <h3 id={`today-${g.when}`} className="panel__title">
                {g.title} <span className="muted">({items.length})</span>
              </h3>
              <ul className="today__items">
                {items.map((i, n) => (
                  <TodayItem key={`${i.caseId}-${i.kind}-${n}`} item={i} />
                ))}
              </ul>
            </section>
          )
        })
      )}
    </div>
  )
}

function TodayItem({ item: i }: { item: Item }) {
  const action = actionOf(i)
  return (
    <li className="today__item" data-testid="today-item" data-kind={i.kind}>
      <span className="today__date">
        <DateText value={i.date} />
      </span>
      <span className="today__what">
        <strong>{i.title}</strong>
        <span className="muted"> · </span>
        <a href={routeToHash({ page: 'case', id: i.caseId })} data-testid="today-case-link">
          {i.patientName} — {i.organizationName}
        </a>
      </span>
      {action && (
        <a className="button button--small" href={routeToHash({ page: 'case', id: i.caseId, intent: action.intent })} data-testid="today-action">
          {action.label}
        </a>
      )}
    </li>
  )
}

function actionOf(i: Item): { label: string; intent: CaseIntent } | null {
  switch (i.action.kind) {
    case 'prepare-letter':
      return { label: 'Prepare the letter', intent: { kind: 'prepare', template: i.action.template } }
    case 'mark-sent':
      return { label: 'Mark sent…', intent: { kind: 'mark-sent', letterId: i.action.letterId } }
    case 'log-event':
      return { label: 'Log the acknowledgement…', intent: { kind: 'log', eventType: i.action.eventType, option: i.action.venue } }
    case 'open-case':
      return null
  }
}
