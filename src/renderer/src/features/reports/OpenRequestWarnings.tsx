import { useQuery } from '@tanstack/react-query'
import { call } from '../../api/client'

/** What a records office should still do on an open request it received (practice perspective only). */
export function OpenRequestWarnings({ caseId, version }: { caseId: string; version: string }) {
  // The service answers with nothing for a case on the advocate's side.
  // Keyed by the case's last change too, so a logged event refreshes the warnings at once.
  const warnings = useQuery({ queryKey: ['reports.warnings', { caseId }, version], queryFn: () => call('reports.warnings', { caseId }) })
  if (warnings.data === undefined || warnings.data.length === 0) return null
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
