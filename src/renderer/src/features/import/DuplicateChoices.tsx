// Rows that match records already on file, one group per record: the user decides for each group
// whether to use the existing record, create a new one, or skip the rows (and may set all at once).
import type { ChannelOutput } from '#shared/contract'

export type Decision = 'match' | 'new' | 'skip'
type Duplicate = ChannelOutput<'interop.csvPreview'>['duplicates'][number]

const CHOICES: Array<{ value: Decision; label: string }> = [
  { value: 'match', label: 'use the existing record' },
  { value: 'new', label: 'create a new one' },
  { value: 'skip', label: 'skip these rows' }
]

const ENTITY: Record<Duplicate['entity'], string> = { patient: 'Patient', organization: 'Organization', case: 'Case (same reference number)' }

type Props = {
  duplicates: ReadonlyArray<Duplicate>
  decisions: Readonly<Record<string, Decision>>
  onChange: (decisions: Record<string, Decision>) => void
}

export function DuplicateChoices({ duplicates, decisions, onChange }: Props) {
  const undecided = duplicates.filter((d) => d.decision === null).length
  const setAll = (v: Decision | '') => {
    if (!v) return
    // A case already on file cannot be created twice: "create" for all leaves cases to match.
    onChange(Object.fromEntries(duplicates.map((d) => [d.key, v === 'new' && d.entity === 'case' ? 'match' : v])))
  }
  return (
    <section aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">Already on file ({duplicates.length})</h3>
      <p>
        {undecided > 0 ? `${undecided} group(s) still need a choice. ` : 'Every group has a choice. '}
        <label>
          For every group:{' '}
          <select aria-label="Choice for every group" value="" onChange={(e) => setAll(e.target.value as Decision | '')}>
            <option value="">choose…</option>
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <table className="table" aria-label="Records already on file">
        <thead>
          <tr>
            <th>Record</th>
            <th>Rows</th>
            <th>On file as</th>
            <th>Choice</th>
          </tr>
        </thead>
        <tbody>
          {duplicates.map((d) => (
            <tr key={d.key} data-testid="duplicate-row">
              <td>
                {ENTITY[d.entity]}: {d.label}
              </td>
              <td>{d.rows.length > 6 ? `${d.rows.slice(0, 6).join(', ')} and ${d.rows.length - 6} more` : d.rows.join(', ')}</td>
              <td>{d.existingId}</td>
              <td>
                <select aria-label={`Choice for ${d.label}`} value={decisions[d.key] ?? d.decision ?? ''} onChange={(e) => onChange({ ...decisions, [d.key]: e.target.value as Decision })}>
                  {(decisions[d.key] ?? d.decision) === null && <option value="">choose…</option>}
                  {CHOICES.filter((c) => !(d.entity === 'case' && c.value === 'new')).map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
