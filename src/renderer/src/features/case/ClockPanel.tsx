// The clock and its working: the product's differentiator. Every date comes with the steps that
// produced it, because in a complaint the day count is the evidence.
import type { CaseViewValue } from '#shared/channels/cases'
import { StatusBadge } from '../../ui/Badge'
import { DateText } from '../../ui/DateText'
import { humanize } from '../../ui/format'
import { findingLabel, letterTemplateLabel, stepLabel } from '../../ui/labels'
import type { Reference } from '#core/schemas'
import { routeToHash } from '../../app/routes'
import { AgencyNextStep } from './AgencyNextStep'

type Clock = CaseViewValue['clock']
type Result = Extract<Clock, { state: 'ok' }>['result']

type Extra = { caseId?: string; references?: ReadonlyArray<Reference> }

export function ClockPanel({ clock, asOf, onPrepare, caseId, references }: { clock: Clock; asOf: string; onPrepare?: ((letter: string) => void) | undefined } & Extra) {
  return (
    <section className="panel clock" aria-labelledby="clock-title" data-testid="clock-panel">
      <h3 id="clock-title" className="panel__title">
        Clock <span className="muted panel__aside">as of <DateText value={asOf} /></span>
      </h3>
      {clock.state === 'not-sent' && (
        <div className="clock__summary">
          <StatusBadge status="not-sent" large />
          <p>
            No request is logged yet, so no clock runs. Log <strong>Request sent</strong> or <strong>Request received by holder</strong> below to start it.
          </p>
        </div>
      )}
      {clock.state === 'error' && (
        <div className="clock__summary">
          <StatusBadge status="clock-error" large />
          <p role="alert">The clock could not be computed: {clock.message}</p>
        </div>
      )}
      {clock.state === 'ok' && <ClockResultView result={clock.result} receiptAssumed={clock.receiptAssumed} asOf={asOf} onPrepare={onPrepare} {...(caseId !== undefined && { caseId })} references={references ?? []} />}
    </section>
  )
}

function ClockResultView({ result: r, receiptAssumed, asOf, onPrepare, caseId, references }: { result: Result; receiptAssumed: boolean; asOf: string; onPrepare?: ((letter: string) => void) | undefined; caseId?: string; references: ReadonlyArray<Reference> }) {
  return (
    <>
      <div className="clock__summary">
        <StatusBadge status={r.status} large />
        <dl className="clock__facts">
          <div>
            <dt>Due</dt>
            <dd data-testid="clock-due">
              <DateText value={r.due} />
            </dd>
          </div>
          {r.originalDue !== r.due && (
            <div>
              <dt>Originally due</dt>
              <dd data-testid="clock-original-due">
                <DateText value={r.originalDue} />
              </dd>
            </div>
          )}
          <div>
            <dt>{r.daysLate !== null ? 'Days late' : 'Days remaining'}</dt>
            <dd data-testid="clock-days" className={r.daysLate ? 'days--late' : undefined}>
              {r.daysLate !== null ? r.daysLate : (r.daysRemaining ?? '—')}
            </dd>
          </div>
          <div>
            <dt>Next step</dt>
            <dd data-testid="clock-next-step">
              {r.agency ? (
                <AgencyNextStep agency={r.agency} asOf={asOf} references={references} {...(caseId !== undefined && onPrepare && { caseId })} />
              ) : r.nextStep ? (
                <>
                  {stepLabel(r.nextStep.step)} by <DateText value={r.nextStep.due} />{' '}
                  {r.nextStep.due < asOf ? <strong className="days--late">overdue </strong> : null}
                  <span className="muted" title={`Letter template: ${r.nextStep.letter}`}>
                    (letter: {letterTemplateLabel(r.nextStep.letter)})
                  </span>
                  {onPrepare && (
                    <button type="button" className="button button--small" onClick={() => onPrepare(r.nextStep!.letter)} data-testid="prepare-next-step">
                      Prepare
                    </button>
                  )}
                  {onPrepare && caseId && (
                    <>
                      {' '}
                      <a href={routeToHash({ page: 'case', id: caseId, intent: { kind: 'log', eventType: 'step-skipped', option: r.nextStep.step } })} data-testid="skip-next-step">
                        Skip this step…
                      </a>
                    </>
                  )}
                </>
              ) : (
                <span className="muted">none: the clock has stopped</span>
              )}
            </dd>
          </div>
          <div>
            <dt>OCR complaint window closes</dt>
            <dd data-testid="clock-complaint-window">
              <DateText value={r.complaintWindowCloses} fallback="not open" />
            </dd>
          </div>
        </dl>
      </div>
      {r.complaintWindowWarning && (
        <p className="warning" role="alert" data-testid="complaint-warning">
          ⚠ {r.complaintWindowWarning}
        </p>
      )}
      {receiptAssumed && <p className="warning">No receipt is logged: the day the request was sent is taken as the day it was received.</p>}
      {r.warnings.map((w) => (
        <p key={w} className="warning">
          ⚠ {w}
        </p>
      ))}

      <h4 className="panel__subtitle">Findings ({r.findings.length})</h4>
      {r.findings.length === 0 ? (
        <p className="muted">No rule broken so far.</p>
      ) : (
        <ul className="findings" data-testid="findings">
          {r.findings.map((f, i) => (
            <li key={`${f.code}-${i}`} className="finding">
              <div className="finding__head">
                <strong className="finding__code" title={`Code: ${f.code}`} data-code={f.code}>
                  {findingLabel(f.code)}
                </strong>
                <DateText value={f.date} />
              </div>
              <p className="finding__message">{f.message}</p>
              <p className="finding__citation">{f.citation}</p>
            </li>
          ))}
        </ul>
      )}

      <h4 className="panel__subtitle">How this was worked out</h4>
      <ol className="explanation" data-testid="explanation">
        {r.explanation.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <p className="muted small">
        Controlling rule: {r.controllingRule} · profile <code>{r.profileVersion}</code>
      </p>

      {r.escalation.length > 0 && (
        <details className="escalation">
          <summary>Escalation ladder</summary>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col">Letter</th>
              </tr>
            </thead>
            <tbody>
              {r.escalation.map((s) => (
                <tr key={s.step}>
                  <td>{stepLabel(s.step)}</td>
                  <td>
                    <DateText value={s.due} />
                  </td>
                  <td>
                    {humanize(s.status)}
                    {s.skip && (
                      <>
                        {' '}
                        on <DateText value={s.skip.on} />: {s.skip.reason}
                      </>
                    )}
                    {s.takenOn && (
                      <>
                        {' '}
                        on <DateText value={s.takenOn} />
                      </>
                    )}
                  </td>
                  <td title={`Letter template: ${s.letter}`}>{letterTemplateLabel(s.letter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  )
}
