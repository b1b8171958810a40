import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'

/** What a records office should still do on an open request it received (practice perspective only). */
export function OpenRequestWarnings({ caseId, version }: { caseId: string; version: string }) {
  // The service answers with nothing for a case on the advocate's side.
  const [warnings] = useQuery(() => call('reports.warnings', { caseId }), [caseId, version])
  if (warnings.status !== 'ready' || warnings.data.length === 0) return null
  return (
    <section className="banner banner--warn" role="status" aria-label="Before the clock runs out" data-testid="open-request-warnings">
      <ul>
        {warnings.data.map((w) => (
          <li key={`${w.code}-${w.date}`}>{w.message}</li>
        ))}
      </ul>
    </section>
  )
}
