import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { ErrorMessage } from '../../ui/ErrorMessage'

const pct = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`)

/** One holder's scorecard from every request it received, for the organization's page. */
export function HolderScorecard({ organizationId }: { organizationId: string }) {
  const card = useChannel('reports.scorecard', { organizationId })
  if (card.isPending) return <p className="muted">Loading the scorecard…</p>
  if (card.isError) return <ErrorMessage title="The scorecard could not be computed." message={errorText(card.error)} />
  const c = card.data
  return (
    <section className="panel" aria-labelledby="scorecard-title" data-testid="holder-scorecard">
      <h3 id="scorecard-title">Holder scorecard</h3>
      {c === null ? (
        <p className="muted">No request to this holder has been received yet.</p>
      ) : (
        <>
          <p>
            <strong>Grade {c.grade ?? '— (nothing decided yet)'}</strong> <span className="muted">({c.formula})</span>
          </p>
          <table className="simple-table">
            <tbody>
              <tr><th scope="row">Requests</th><td>{c.requests.length}</td></tr>
              <tr><th scope="row">Median days to respond</th><td>{c.days.median ?? '—'}</td></tr>
              <tr><th scope="row">On-time share</th><td>{pct(c.onTime.share)} of {c.onTime.of.length} decided</td></tr>
              <tr><th scope="row">Findings seen</th><td>{c.findings.total}</td></tr>
              <tr><th scope="row">Extensions</th><td>{c.extensions.length}</td></tr>
              <tr><th scope="row">Fee findings</th><td>{c.feeFindings.length}</td></tr>
            </tbody>
          </table>
          <p>
            <Link to={{ page: 'reports', organizationId }}>Open the compliance report for this holder</Link>
          </p>
        </>
      )}
    </section>
  )
}
