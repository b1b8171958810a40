// The CSV import wizard: pick a file, check the column mapping (and the order of ambiguous date
// columns), see the first rows exactly as they will be stored and every problem by row and column,
// decide about records already on file, group by group, then confirm. Nothing is written before
// the confirm; the import shows its progress and can be cancelled (the folder is then as before).
import { useState } from 'react'
import { ApiError, call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { newTaskId } from '../../api/push-events'
import { useChannelMutation } from '../../api/queries'
import type { ChannelInput, ChannelOutput } from '#shared/contract'
import type { PickedFile } from '#shared/files'
import { PageHeader } from '../../ui/PageHeader'
import { TaskProgress } from '../../ui/TaskProgress'
import { formatBytes, formatDay } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'
import { DuplicateChoices, type Decision } from './DuplicateChoices'
import { ExportActions } from './ExportActions'
import { FullImport } from './FullImport'
import { pickFile } from './pick-file'

type Kind = ChannelInput<'interop.csvPreview'>['kind']
type Preview = ChannelOutput<'interop.csvPreview'>
const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'requests', label: 'A request log (one request per row)' },
  { value: 'cases', label: 'Cases (patient, holder, dates)' },
  { value: 'patients', label: 'Patients' },
  { value: 'orgs', label: 'Organizations' }
]

export function ImportPage() {
  const [kind, setKind] = useState<Kind>('requests')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [columns, setColumns] = useState<Record<string, string | null> | null>(null)
  const [dateOrder, setDateOrder] = useState<Record<string, 'mdy' | 'dmy'>>({})
  const [decisions, setDecisions] = useState<Record<string, Decision>>({})
  const [preview, setPreview] = useState<Preview | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<ChannelOutput<'interop.csvImport'> | null>(null)
  const [taskId, setTaskId] = useState<string | null>(null)
  const importing = useChannelMutation('interop.csvImport')
  const cancelled = importing.error instanceof ApiError && importing.error.code === 'CANCELLED'

  const input = (over: { columns?: Record<string, string | null> | null; dateOrder?: Record<string, 'mdy' | 'dmy'>; decisions?: Record<string, Decision>; src?: PickedFile; kind?: Kind } = {}) => {
    const cols = over.columns === undefined ? columns : over.columns
    const chosen = over.decisions ?? decisions
    return {
      kind: over.kind ?? kind,
      source: { token: (over.src ?? file)!.token },
      ...(cols && { mapping: { columns: cols, dateOrder: over.dateOrder ?? dateOrder } }),
      ...(Object.keys(chosen).length > 0 && { decisions: chosen })
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

  async function pick() {
    setError(null)
    let src: PickedFile | null
    try {
      src = await pickFile()
    } catch (e) {
      setError(`No file was picked: ${errorText(e)}`)
      return
    }
    if (!src) return
    setFile(src)
    setDone(null)
    importing.reset()
    setColumns(null)
    setDateOrder({})
    setDecisions({})
    await refresh({ src, columns: null, dateOrder: {}, decisions: {} })
  }

  function confirm() {
    const id = newTaskId()
    setTaskId(id)
    setError(null)
    importing.mutate(
      { ...input(), taskId: id },
      {
        onSuccess: (r) => {
          setDone(r)
          setPreview(null)
        },
        onError: (e) => {
          if (!(e instanceof ApiError && e.code === 'CANCELLED')) setError(errorText(e))
        }
      }
    )
  }

  return (
    <section aria-labelledby="import-title">
      <PageHeader title={<span id="import-title">Import a spreadsheet (CSV)</span>} />
      <ExportActions />
      <h3>Import</h3>
      <div className="form-row">
        <label>
          What the file holds{' '}
          <select value={kind} onChange={(e) => { const k = e.target.value as Kind; setKind(k); if (file) void refresh({ kind: k, columns: null }) }}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>{' '}
        <button type="button" className="button" onClick={() => void pick()} disabled={busy !== null || importing.isPending}>
          Choose a CSV file…
        </button>
        {file && <span className="muted"> {file.name} ({formatBytes(file.size)})</span>}
      </div>
      {busy && <p role="status">{busy}</p>}
      {importing.isPending && taskId && <TaskProgress taskId={taskId} fallbackLabel="Importing (a backup is taken first; nothing is kept unless every row goes in)" />}
      {cancelled && <p role="status">The import was cancelled; nothing was changed (the folder was put back as it was).</p>}
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
            <DuplicateChoices
              duplicates={preview.duplicates}
              decisions={decisions}
              onChange={(next) => {
                setDecisions(next)
                void refresh({ decisions: next, columns: columns ?? preview.mapping.columns })
              }}
            />
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
                  <td>{r.case?.events.map((e) => `${eventTypeLabel(e.type)} ${formatDay(e.date)}`).join('; ')}</td>
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
          <button type="button" disabled={preview.blockers.length > 0 || busy !== null || importing.isPending} onClick={confirm}>
            Import {preview.counts.cases > 0 ? `${preview.counts.cases} case(s)` : `${preview.counts.patients + preview.counts.organizations} record(s)`}
          </button>
        </>
      )}
      <FullImport />
    </section>
  )
}
