import { plural } from '../../ui/format'

const ONE: Record<string, string> = { patients: 'patient', organizations: 'organization', cases: 'case', attachments: 'attachment' }

/** "3 patients · 2 organizations · 5 cases" */
export function BackupCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts)
  if (entries.length === 0) return <span className="muted">—</span>
  return (
    <span className="counts" data-testid="backup-counts">
      {entries.map(([k, n], i) => (
        <span key={k} data-count={k} data-value={n}>
          {i > 0 && ' · '}
          {plural(n, ONE[k] ?? k, k)}
        </span>
      ))}
    </span>
  )
}
