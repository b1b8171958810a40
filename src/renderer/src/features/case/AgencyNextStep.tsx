// The next step of a case that is with an agency: each complaint with its filing date and the
// agency's reference, and the check for its acknowledgement (with a link that logs it).
import { agencyReference, type AgencyState } from '#core/escalation'
import type { Reference } from '#core/schemas'
import { routeToHash } from '../../app/routes'
import { DateText } from '../../ui/DateText'
import { venueLabel } from '../../ui/labels'

export function AgencyNextStep({ agency, asOf, references, caseId }: { agency: AgencyState; asOf: string; references: ReadonlyArray<Reference>; caseId?: string }) {
  return (
    <div data-testid="agency-state">
      <strong>With the agency.</strong>
      <ul className="plain-list">
        {agency.filings.map((f) => {
          const ref = agencyReference(f.venue, references)
          return (
            <li key={f.venue} data-testid="agency-filing">
              Filed with {venueLabel(f.venue)} on <DateText value={f.filedOn} />
              {ref ? <>, reference {ref}</> : <span className="muted"> (no reference number yet: add it under References)</span>}.{' '}
              {f.acknowledgedOn ? (
                <>
                  Acknowledged on <DateText value={f.acknowledgedOn} />.
                </>
              ) : f.checkDue ? (
                <>
                  Check for the acknowledgement by <DateText value={f.checkDue} />
                  {f.checkDue < asOf ? <strong className="days--late"> overdue</strong> : null}.{' '}
                  {caseId && (
                    <a href={routeToHash({ page: 'case', id: caseId, intent: { kind: 'log', eventType: 'agency-acknowledged', option: f.venue } })} data-testid="log-acknowledgement">
                      Log the acknowledgement…
                    </a>
                  )}
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
