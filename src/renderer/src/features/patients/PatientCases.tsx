import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { navigate } from '../../app/navigation'
import { StatusBadge } from '../../ui/Badge'
import { DateText } from '../../ui/DateText'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { requestKindLabel } from '../../ui/labels'
import { DaysText } from '../caseload/columns'

/** The patient's requests, each with its clock (any case write marks it stale). */
export function PatientCases({ patientId }: { patientId: string }) {
  const list = useChannel('cases.list', { patientId })
  return (
    <section className="panel" aria-labelledby="patient-cases-title">
      <h3 id="patient-cases-title" className="panel__title">
        Requests {list.data && <span className="muted panel__aside">{list.data.length}</span>}
      </h3>
      {list.isError && <ErrorMessage message={errorText(list.error)} />}
      {list.data?.length === 0 && <p className="muted">No request yet. Use “New request…” to ask one or several holders.</p>}
      {list.data !== undefined && list.data.length > 0 && (
        <table className="grid" aria-label="Requests of this patient">
          <thead>
            <tr>
              <th scope="col" className="grid__th">Holder</th>
              <th scope="col" className="grid__th">Kind</th>
              <th scope="col" className="grid__th">Status</th>
              <th scope="col" className="grid__th">Due</th>
              <th scope="col" className="grid__th">Late / left</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr
                key={c.id}
                className="grid__row"
                tabIndex={0}
                data-testid="patient-case-row"
                onClick={() => navigate({ page: 'case', id: c.id })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) navigate({ page: 'case', id: c.id })
                }}
              >
                <td className="grid__td cell-primary">{c.organizationName}</td>
                <td className="grid__td">{requestKindLabel(c.requestKind)}</td>
                <td className="grid__td">
                  <StatusBadge status={c.status} />
                </td>
                <td className="grid__td">
                  <DateText value={c.due} />
                </td>
                <td className="grid__td">
                  <DaysText item={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
