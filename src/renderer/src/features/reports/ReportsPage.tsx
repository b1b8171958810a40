import { useState, type FormEvent } from 'react'
import { dateFieldValue } from '../../ui/date-input'
import { DateField } from '../../ui/DateField'
import type { ComplianceViewValue } from '#shared/channels/reports'
import type { ChannelInput } from '#shared/contract'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { todayIso } from '../../ui/format'
import { FigureButton } from './figure-link'
import { PerspectiveSetting } from './PerspectiveSetting'
import { ReportCharts } from './ReportCharts'
import { RequestList } from './RequestList'
import { ScorecardTable } from './ScorecardTable'

type Request = ChannelInput<'reports.compliance'>
type Format = ChannelInput<'reports.export'>['format']

const FILTERS = [
  { key: 'site', label: 'Site' },
  { key: 'staff', label: 'Staff member' }
] as const

function download(name: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Reports → Compliance report: the metrics for any period and filter, every figure linked to its requests. */
export function ReportsPage({ organizationId }: { organizationId?: string }) {
  const today = todayIso()
  const [draft, setDraft] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today, site: '', staff: '', requesterType: '', requestKind: '', perspective: '' })
  const build = (d: typeof draft): Request => {
    const filter = Object.fromEntries(
      Object.entries({ site: d.site, staff: d.staff, requesterType: d.requesterType, requestKind: d.requestKind, perspective: d.perspective, organizationId: organizationId ?? '' }).filter(([, v]) => v.trim() !== '')
    )
    return { from: dateFieldValue(d.from).iso ?? d.from, to: dateFieldValue(d.to).iso ?? d.to, ...(Object.keys(filter).length > 0 && { filter: filter as Request['filter'] }) }
  }
  const [periodErrors, setPeriodErrors] = useState<{ from?: string; to?: string }>({})
  const [request, setRequest] = useState<Request>(() => build(draft))
  const view = useChannel('reports.compliance', request)
  const [shown, setShown] = useState<{ title: string; ids: ReadonlyArray<string> } | null>(null)
  const [exporting, setExporting] = useState<Format | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)
  const [exported, setExported] = useState<string | null>(null)
  const show = (title: string, ids: ReadonlyArray<string>) => setShown({ title, ids })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // A period that is not one keeps the last report on screen and says why, beside its field.
    const from = dateFieldValue(draft.from, { required: true })
    const to = dateFieldValue(draft.to, { required: true })
    setPeriodErrors({ ...(from.error && { from: from.error }), ...(to.error && { to: to.error }) })
    if (from.error || to.error) return
    setShown(null)
    setRequest(build(draft))
  }
  const exportAs = async (format: Format) => {
    setExporting(format)
    setExportError(null)
    setExported(null)
    try {
      const file = await call('reports.export', { request, format })
      download(file.name, file.mime, file.base64)
      setExported(`Saved ${file.name}.`)
    } catch (e) {
      setExportError(errorText(e))
    } finally {
      setExporting(null)
    }
  }
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })
  const names = new Map(view.data !== undefined ? view.data.report.rows.map((r) => [r.organizationId, r.organizationName]) : [])

  return (
    <section className="page" aria-labelledby="reports-title">
      <PageHeader title={<span id="reports-title">Compliance report</span>} subtitle="Reports: how requests were answered, by the rules">
        {(['docx', 'csv', 'pdf'] as const).map((f) => (
          <button key={f} type="button" className="button" disabled={exporting !== null || view.data === undefined} onClick={() => void exportAs(f)}>
            {exporting === f ? `Preparing ${f.toUpperCase()}…` : `Export ${f.toUpperCase()}`}
          </button>
        ))}
      </PageHeader>
      <PerspectiveSetting />
      <form className="filter-bar" onSubmit={submit} aria-label="Period and filter">
        <div className="filter-bar__row">
          <DateField label="From" value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} required error={periodErrors.from} />
          <DateField label="To" value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} required error={periodErrors.to} />
          {FILTERS.map((f) => (
            <label key={f.key}>
              {f.label} <input className="input" value={draft[f.key]} onChange={set(f.key)} />
            </label>
          ))}
          <label>
            Requester
            <select className="input" value={draft.requesterType} onChange={set('requesterType')}>
              <option value="">Any</option>
              <option value="self">Self</option>
              <option value="personal-representative">Personal representative</option>
              <option value="third-party-directive">Third-party directive</option>
              <option value="authorization-other">Authorization or other</option>
            </select>
          </label>
          <label>
            Perspective
            <select className="input" value={draft.perspective} onChange={set('perspective')}>
              <option value="">Both</option>
              <option value="practice">Practice (requests received)</option>
              <option value="advocate">Advocate (requests sent)</option>
            </select>
          </label>
          <button type="submit" className="button button--primary">
            Show report
          </button>
        </div>
        {organizationId && (
          <p>
            One holder only. <Link to={{ page: 'reports' }}>Show every holder</Link>
          </p>
        )}
      </form>
      <ErrorMessage title="The file could not be made." message={exportError} />
      <Notice message={exported} />
      {view.isFetching && <p className="muted">Computing the report…</p>}
      {view.isError && <ErrorMessage title="The report could not be computed." message={errorText(view.error)} />}
      {view.data !== undefined && !view.isError && (
        <>
          <section className="panel" aria-labelledby="report-summary">
            <h3 id="report-summary">Summary</h3>
            {view.data.summary.map((s) => (
              <p key={s}>{s}</p>
            ))}
          </section>
          {shown && <RequestList title={shown.title} ids={shown.ids} onClose={() => setShown(null)} />}
          <h3>Charts</h3>
          <ReportCharts charts={view.data.charts} onShow={show} />
          <h3>Metrics</h3>
          {view.data.tables.map((t) => (
            <section key={t.id} className="panel" aria-labelledby={`metric-${t.id}`} data-testid={`metric-${t.id}`}>
              <h4 id={`metric-${t.id}`}>{t.title}</h4>
              <p className="muted">{t.definition}</p>
              <table className="simple-table">
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">Value</th>
                    <th scope="col">Requests</th>
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      <td>{r.value}</td>
                      <td>
                        <FigureButton label={`${t.title}: ${r.label}`} ids={r.ids} onShow={show} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <h3>Holder scorecards</h3>
          <ScorecardTable cards={view.data.report.scorecards} nameOf={(id) => names.get(id) ?? id} onShow={show} />
          <h3>Non-compliant requests</h3>
          <NonCompliant rows={view.data.report.rows.filter((r) => r.findings.length > 0)} />
          <section className="panel" aria-labelledby="report-conventions">
            <h3 id="report-conventions">How requests are counted</h3>
            <ul>
              {[...view.data.report.conventions, ...view.data.report.rules].map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  )
}

type Row = ComplianceViewValue['report']['rows'][number]

function NonCompliant({ rows }: { rows: ReadonlyArray<Row> }) {
  if (rows.length === 0) return <p className="muted">No request in this period has a finding.</p>
  return (
    <div className="table-wrap">
      <table className="grid" aria-label="Non-compliant requests" data-testid="non-compliant">
        <thead>
          <tr>
            <th scope="col" className="grid__th">Request</th>
            <th scope="col" className="grid__th">Holder</th>
            <th scope="col" className="grid__th">Received</th>
            <th scope="col" className="grid__th">Findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="grid__td">
                <Link to={{ page: 'case', id: r.id }}>{r.id}</Link>
              </td>
              <td className="grid__td">{r.organizationName}</td>
              <td className="grid__td">{r.received}</td>
              <td className="grid__td">
                <ul>
                  {r.findings.map((f) => (
                    <li key={`${f.code}-${f.date}`} data-code={f.code}>
                      {f.message} <span className="muted">({f.citation})</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
