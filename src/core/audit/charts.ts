// The report's three charts as plain SVG text: the same drawing is shown in the app (as an image,
// beside a table holding the same numbers) and turned into PNG for the DOCX. Drawing it ourselves
// keeps one picture for both, needs no browser and no chart library in either bundle, and a bar
// chart is a few rectangles. Pure: text in, text out.
import type { FindingCode } from '../clocks'
import { AUDIT } from '../rules'
import type { ComplianceReport } from './report'

export type ChartBar = { label: string; value: number; note: string; ids: string[] }
export type Chart = { id: 'days' | 'months' | 'findings'; title: string; summary: string; unit: string; bars: ChartBar[]; svg: string }

const W = 640
const H = 280
const PAD = { top: 36, right: 16, bottom: 56, left: 48 }
const FONT = 'Liberation Sans, DejaVu Sans, Arial, sans-serif'

const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

export function barChartSvg(title: string, bars: ReadonlyArray<ChartBar>, max: number): string {
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const top = Math.max(max, ...bars.map((b) => b.value), 1)
  const slot = bars.length === 0 ? plotW : plotW / bars.length
  const barW = Math.max(4, slot * 0.7)
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="22" font-family="${FONT}" font-size="15" font-weight="bold" fill="#111">${escapeXml(title)}</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#444"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#444"/>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end" font-family="${FONT}" font-size="11" fill="#333">${escapeXml(String(top))}</text>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end" font-family="${FONT}" font-size="11" fill="#333">0</text>`
  ]
  if (bars.length === 0) {
    parts.push(`<text x="${W / 2}" y="${PAD.top + plotH / 2}" text-anchor="middle" font-family="${FONT}" font-size="13" fill="#555">No requests to show</text>`)
  }
  bars.forEach((b, i) => {
    const h = (b.value / top) * plotH
    const x = PAD.left + i * slot + (slot - barW) / 2
    const y = PAD.top + plotH - h
    parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#2f5f8a"/>`)
    parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-family="${FONT}" font-size="11" fill="#111">${escapeXml(b.note)}</text>`)
    parts.push(
      `<text x="${(x + barW / 2).toFixed(1)}" y="${PAD.top + plotH + 16}" text-anchor="middle" font-family="${FONT}" font-size="${bars.length > 8 ? 9 : 11}" fill="#333">${escapeXml(b.label)}</text>`
    )
  })
  parts.push('</svg>')
  return parts.join('')
}

const pct = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`)

function daysBars(r: ComplianceReport): ChartBar[] {
  const days = new Map(r.rows.map((row) => [row.id, row.daysToRespond]))
  const edges = AUDIT.agingDays
  const bars: ChartBar[] = []
  let low = 0
  for (const edge of edges) {
    const ids = r.metrics.daysToFulfil.ids.filter((id) => {
      const d = days.get(id) ?? -1
      return d >= low && d <= edge
    })
    bars.push({ label: `${low}–${edge}`, value: ids.length, note: String(ids.length), ids })
    low = edge + 1
  }
  const over = r.metrics.daysToFulfil.ids.filter((id) => (days.get(id) ?? -1) >= low)
  bars.push({ label: `over ${low - 1}`, value: over.length, note: String(over.length), ids: over })
  return bars
}

export function reportCharts(r: ComplianceReport, findingLabel: (code: FindingCode) => string = (c) => c): Chart[] {
  const days = daysBars(r)
  const months: ChartBar[] = r.months.map((m) => {
    const decided = m.met.length + m.late.length
    const s = decided === 0 ? null : m.met.length / decided
    return { label: m.month, value: s === null ? 0 : Math.round(s * 100), note: decided === 0 ? '—' : `${pct(s)} of ${decided}`, ids: [...m.met, ...m.late] }
  })
  // Sets, not arrays: a code seen on thousands of requests must not make this quadratic.
  const counts = new Map<FindingCode, Set<string>>()
  for (const row of r.rows) {
    for (const f of row.findings) {
      const set = counts.get(f.code) ?? new Set<string>()
      set.add(row.id)
      counts.set(f.code, set)
    }
  }
  const findings: ChartBar[] = [...counts]
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .map(([code, ids]) => ({ label: findingLabel(code), value: ids.size, note: String(ids.size), ids: [...ids] }))
  const chart = (id: Chart['id'], title: string, unit: string, bars: ChartBar[], max: number, summary: string): Chart => ({ id, title, unit, bars, summary, svg: barChartSvg(title, bars, max) })
  return [
    chart('days', 'Days to fulfil', 'requests', days, 0, `Days from receipt to a complete response, for ${r.metrics.daysToFulfil.ids.length} answered requests: median ${r.metrics.daysToFulfil.median ?? '—'}, 90th percentile ${r.metrics.daysToFulfil.p90 ?? '—'}.`),
    chart('months', 'On-time share by month of receipt', '% on time', months, 100, `Share of decided requests answered on time under each request's controlling rule, by the month the request was received.`),
    chart('findings', 'Findings by type', 'requests', findings, 0, findings.length === 0 ? 'No findings in this period.' : `Requests with each kind of finding; the most common is "${findings[0]!.label}" (${findings[0]!.value}).`)
  ]
}
