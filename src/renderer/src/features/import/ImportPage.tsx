// The CSV import wizard: pick a file, check the column mapping (and the order of ambiguous date
// columns), see the first rows exactly as they will be stored and every problem by row and column,
// decide about records already on file, then confirm. Nothing is written before the confirm.
import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import type { ChannelInput, ChannelOutput } from '#shared/contract'
import { PageHeader } from '../../ui/PageHeader'
import { fileToBase64 } from './read-file'
import { ExportActions } from './ExportActions'

type Kind = ChannelInput<'interop.csvPreview'>['kind']
type Preview = ChannelOutput<'interop.csvPreview'>
type Decision = 'match' | 'new' | 'skip'
const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'requests', label: 'A request log (one request per row)' },
  { value: 'cases', label: 'Cases (patient, holder, dates)' },
  { value: 'patients', label: 'Patients' },
  { value: 'orgs', label: 'Organizations' }
]

export function ImportPage() {
  const [kind, setKind] = useState<Kind>('requests')
  const [source, setSource] = useState<{ name: string; base64: string } | null>(null)
  const [columns, setColumns] = useState<Record<string, string | null> | null>(null)
  const [dateOrder, setDateOrder] = useState<Record<string, 'mdy' | 'dmy'>>({})
  const [duplicates, setDuplicates] = useState<Decision | ''>('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<ChannelOutput<'interop.csvImport'> | null>(null)

  const input = (over: { columns?: Record<string, string | null> | null; dateOrder?: Record<string, 'mdy' | 'dmy'>; duplicates?: Decision | ''; src?: typeof source; kind?: Kind } = {}) => {
    const cols = over.columns === undefined ? columns : over.columns
    const dup = over.duplicates ?? duplicates
    return {
      kind: over.kind ?? kind,
      source: (over.src ?? source)!,
      ...(cols && { mapping: { columns: cols, dateOrder: over.dateOrder ?? dateOrder } }),
      ...(dup && { duplicates: dup })
    }
  }

  async function refresh(over: Parameters<typeof input>[0]) {
    setError(null)
    setBusy('Reading the file…')
    try {
      const p = await call('interop.csvPreview', input(over))
      setPreview(p)
      setColumns(p.mapping.columns)
    } catch (e) {
      setPreview(null)
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  async function pick(file: File | undefined) {
    if (!file) return
    const src = { name: file.name, base64: await fileToBase64(file) }
    setSource(src)
    setDone(null)
    setColumns(null)
    setDateOrder({})
    await refresh({ src, columns: null, dateOrder: {} })
  }

  async function confirm() {
    setBusy(`Importing ${preview?.counts.cases ?? 0} case(s)… (a backup is taken first; nothing is kept unless every row goes in)`)
    setError(null)
    try {
      setDone(await call('interop.csvImport', input()))
      setPreview(null)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-labelledby="import-title">
      <PageHeader title={<span id="import-title">Import a spreadsheet (CSV)</span>} />
      <ExportActions />
      <h3>Import</h3>
      <div className="form-row">
        <label>
          What the file holds{' '}
          <select value={kind} onChange={(e) => { const k = e.target.value as Kind; setKind(k); if (source) void refresh({ kind: k, columns: null }) }}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>{' '}
        <label>
          CSV file <input type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
      </div>
      {busy && <p role="status">{busy}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {done && <p role="status">Imported {done.cases} case(s), {done.patients} patient(s) and {done.organizations} organization(s); {done.skipped} row(s) skipped. Backup taken before: {done.backupId}.</p>}
      {preview && (
        <>
          <p>{preview.name}: {preview.rowCount} row(s), {preview.encoding}. Mapping {preview.mappingSource === 'remembered' ? 'remembered from a file with the same columns' : preview.mappingSource === 'suggested' ? 'suggested from the column names: check it' : 'as chosen'}.</p>
          <h3>Columns</h3>
          <table className="table" aria-label="Column mapping">
            <thead><tr><th>Column</th><th>Goes to</th><th>Dates read as</th></tr></thead>
            <tbody>
              {preview.headers.map((h) => {
                const d = preview.dateColumns.find((x) => x.column === h)
                return (
                  <tr key={h}>
                    <td>{h}</td>
                    <td>
                      <select aria-label={`Field for column ${h}`} value={columns?.[h] ?? ''} onChange={(e) => { const next = { ...columns, [h]: e.target.value || null }; setColumns(next); void refresh({ columns: next }) }}>
                        <option value="">(ignore)</option>
                        {preview.fields.map((f) => <option key={f.key} value={f.key}>{f.label}{f.required ? ' *' : ''}</option>)}
                      </select>
                    </td>
                    <td>
                      {d && (d.state === 'ambiguous' || d.order) ? (
                        <select aria-label={`Date order for column ${h}`} value={dateOrder[h] ?? d.order ?? ''} onChange={(e) => { const next = { ...dateOrder, [h]: e.target.value as 'mdy' | 'dmy' }; setDateOrder(next); void refresh({ dateOrder: next, columns: columns ?? preview.mapping.columns }) }}>
                          {!d.order && <option value="">choose: month and day cannot be told apart</option>}
                          <option value="mdy">MM/DD/YYYY</option>
                          <option value="dmy">DD/MM/YYYY</option>
                        </select>
                      ) : null}
                      {d && <span> {d.examples.map((x) => `${x.value} → ${x.date ?? '?'}`).join(', ')}</span>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {preview.duplicates.length > 0 && (
            <p>
              <label>
                {preview.duplicates.length} group(s) of rows match records already on file ({preview.duplicates.slice(0, 3).map((d) => d.label).join('; ')}…):{' '}
                <select value={duplicates} onChange={(e) => { const v = e.target.value as Decision | ''; setDuplicates(v); void refresh({ duplicates: v, columns: columns ?? preview.mapping.columns }) }}>
                  <option value="">choose…</option>
                  <option value="match">use the existing records</option>
                  <option value="new">create new ones</option>
                  <option value="skip">skip those rows</option>
                </select>
              </label>
            </p>
          )}
          <h3>First rows as they will be stored</h3>
          <table className="table" aria-label="Preview">
            <thead><tr><th>Row</th><th>Patient</th><th>Date of birth</th><th>Organization</th><th>Reference</th><th>Events</th></tr></thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.patient?.name}</td>
                  <td>{r.patient?.dateOfBirth}</td>
                  <td>{r.organization?.name}</td>
                  <td>{r.case?.fields.references[0]?.value}</td>
                  <td>{r.case?.events.map((e) => `${e.type} ${e.date}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problems.length > 0 && (
            <>
              <h3>Problems ({preview.problemCount})</h3>
              <table className="table" aria-label="Validation report">
                <thead><tr><th>Row</th><th>Column</th><th>Value</th><th>Problem</th></tr></thead>
                <tbody>{preview.problems.map((p, i) => <tr key={i}><td>{p.row}</td><td>{p.column}</td><td>{p.value}</td><td>{p.problem}</td></tr>)}</tbody>
              </table>
            </>
          )}
          {preview.blockers.length > 0 && <ul aria-label="Before importing">{preview.blockers.map((b) => <li key={b}>{b}</li>)}</ul>}
          <button type="button" disabled={preview.blockers.length > 0 || busy !== null} onClick={() => void confirm()}>
            Import {preview.counts.cases > 0 ? `${preview.counts.cases} case(s)` : `${preview.counts.patients + preview.counts.organizations} record(s)`}
          </button>
        </>
      )}
    </section>
  )
}
