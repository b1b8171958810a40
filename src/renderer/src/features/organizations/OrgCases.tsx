import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { StatusBadge } from '../../ui/Badge'
import { DateText } from '../../ui/DateText'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { requestKindLabel } from '../../ui/labels'
import { useWords } from '../../ui/perspective-words'
import { DaysText } from '../caseload/columns'

/** Every live request to this organization, each a link to its case, with its clock as of today. */
export function OrgCases({ organizationId }: { organizationId: string }) {
  const list = useChannel('cases.list', { organizationId })
  const words = useWords()
  return (
    <section className="panel" aria-labelledby="org-cases-title" data-testid="org-cases">
      <h3 id="org-cases-title" className="panel__title">
        Requests {list.data && <span className="muted panel__aside">{list.data.length}</span>}
      </h3>
      {list.isError && <ErrorMessage message={errorText(list.error)} />}
      {list.data?.length === 0 && <p className="muted">No request to this organization yet.</p>}
      {list.data !== undefined && list.data.length > 0 && (
        <table className="grid" aria-label="Requests to this organization">
          <thead>
            <tr>
              <th scope="col" className="grid__th">{words.requester}</th>
              <th scope="col" className="grid__th">Kind</th>
              <th scope="col" className="grid__th">Status</th>
              <th scope="col" className="grid__th">Due</th>
              <th scope="col" className="grid__th">Late / left</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id} data-testid="org-case-row">
                <td className="grid__td cell-primary">
                  <Link to={{ page: 'case', id: c.id }}>{c.patientName}</Link>
                </td>
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
