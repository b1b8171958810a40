import type { CaseViewValue } from '#shared/channels/cases'
import { DateText } from '../../ui/DateText'
import { checklistItemLabel } from '../../ui/labels'

/** What was asked for against what arrived: "report received, films not included". */
export function Checklist({ completeness }: { completeness: CaseViewValue['completeness'] }) {
  const { items, missing } = completeness
  return (
    <section className="panel" aria-labelledby="checklist-title" data-testid="checklist">
      <h3 id="checklist-title" className="panel__title">
        Completeness{' '}
        {items.length > 0 && <span className="muted panel__aside">{missing.length === 0 ? 'all received' : `${missing.length} of ${items.length} missing`}</span>}
      </h3>
      {items.length === 0 ? (
        <p className="muted">No checklist: the request did not list record types.</p>
      ) : (
        <ul className="checklist">
          {items.map((i) => (
            <li key={i.id} className={i.receivedOn ? 'checklist__item checklist__item--received' : 'checklist__item checklist__item--missing'}>
              <span aria-hidden="true" className="checklist__mark">
                {i.receivedOn ? '✓' : '✗'}
              </span>
              <span className="checklist__label">
                {checklistItemLabel(i)}
              </span>
              <span className="checklist__state">{i.receivedOn ? <>received <DateText value={i.receivedOn} /></> : <strong>missing</strong>}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
