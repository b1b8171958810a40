import { Link } from '../../app/Link'

/** The requests behind a figure, each a link to its case. */
export function RequestList({ title, ids, onClose }: { title: string; ids: ReadonlyArray<string>; onClose: () => void }) {
  return (
    <section className="panel report-requests" aria-label={`Requests behind: ${title}`} data-testid="report-requests">
      <div className="page-header">
        <h3>
          {title}: {ids.length} request{ids.length === 1 ? '' : 's'}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          Close list
        </button>
      </div>
      {ids.length === 0 ? (
        <p className="muted">No request.</p>
      ) : (
        <ul className="report-requests__list">
          {ids.map((id) => (
            <li key={id}>
              <Link to={{ page: 'case', id }}>{id}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
