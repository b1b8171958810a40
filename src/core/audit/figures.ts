// The report's metrics as tables: one table per metric, each row a figure with the requests behind
// it. The DOCX, the CSV's summary, the app's Reports page and the command line all print these rows,
// so every door shows the same numbers with the same words.
import { FEES, HIPAA_ACCESS } from '../rules'
import type { ComplianceReport } from './report'
import type { Quantiles, Share } from './stats'

export type FigureRow = { label: string; value: string; ids: string[] }
export type MetricTable = { id: string; title: string; definition: string; rows: FigureRow[] }

const pct = (s: number | null): string => (s === null ? 'no requests' : `${(s * 100).toFixed(1)}%`)
const days = (n: number | null): string => (n === null ? 'no requests' : `${n} day${n === 1 ? '' : 's'}`)

const shareRows = (s: Share, what: string): FigureRow[] => [
  { label: what, value: `${pct(s.share)} (${s.met.length} of ${s.of.length})`, ids: s.of },
  { label: 'Met', value: String(s.met.length), ids: s.met },
  { label: 'Not met', value: String(s.notMet.length), ids: s.notMet }
]

const quantileRows = (q: Quantiles): FigureRow[] => [
  { label: 'Median', value: days(q.median), ids: q.medianId ? [q.medianId] : [] },
  { label: '90th percentile', value: days(q.p90), ids: q.p90Id ? [q.p90Id] : [] },
  { label: 'Requests counted', value: String(q.ids.length), ids: q.ids }
]

export function metricTables(r: ComplianceReport): MetricTable[] {
  const m = r.metrics
  const money = `$${(FEES.flatFeeCents / 100).toFixed(2)}`
  return [
    {
      id: 'requests',
      title: 'Requests',
      definition: 'Requests received in the period, those still open at its end, and those whose clock could not be computed.',
      rows: [
        { label: 'Requests received', value: String(m.requests.length), ids: m.requests },
        { label: 'Open at the period’s end', value: String(m.openAtEnd.length), ids: m.openAtEnd },
        { label: 'Clock could not be computed', value: String(m.notComputed.length), ids: m.notComputed.map((n) => n.id) }
      ]
    },
    { id: 'days', title: 'Median days to fulfil', definition: 'Calendar days from receipt (day 0) to the first complete delivery or written denial; nearest-rank median and 90th percentile.', rows: quantileRows(m.daysToFulfil) },
    {
      id: 'on-time-hipaa',
      title: 'On-time share against HIPAA',
      definition: `Decided requests answered by the HIPAA due date (${HIPAA_ACCESS.days} days, or the date of a valid extension). Open requests not yet due are pending, not counted.`,
      rows: [...shareRows(m.onTimeHipaa, 'On-time share'), { label: 'Pending (open, not yet due)', value: String(m.onTimeHipaa.pending.length), ids: m.onTimeHipaa.pending }]
    },
    {
      id: 'on-time-state',
      title: 'On-time share against the state rule',
      definition: 'The same, under each request’s own rule profile where that is a state or saved rule; requests judged by HIPAA alone are left out.',
      rows: [...shareRows(m.onTimeState, 'On-time share'), { label: 'Pending (open, not yet due)', value: String(m.onTimeState.pending.length), ids: m.onTimeState.pending }]
    },
    {
      id: 'extensions',
      title: 'Extensions',
      definition: 'Requests with an extension notice, and of those the share whose every notice was valid and in time (reason, new date, sent by the original due date, within the limit, only one).',
      rows: [
        { label: 'Share using an extension', value: `${pct(m.extensionUse.share)} (${m.extensionUse.met.length} of ${m.extensionUse.of.length})`, ids: m.extensionUse.met },
        ...shareRows(m.extensionValid, 'Valid and in time')
      ]
    },
    { id: 'formats', title: 'Formats: format-match rate', definition: 'Complete deliveries that recorded their format, where a format had been requested: the share delivered in the format asked for.', rows: shareRows(m.formatMatch, 'Format-match rate') },
    {
      id: 'fees',
      title: 'Fees',
      definition: `Fee quotes for an individual’s own copy. Each item counts only quotes that recorded the fact it checks.`,
      rows: [
        { label: 'Requests with a fee quote assessed', value: String(m.fees.assessed.length), ids: m.fees.assessed },
        { label: 'No search or retrieval charge', value: `${pct(m.fees.noSearchRetrieval.share)} (${m.fees.noSearchRetrieval.met.length} of ${m.fees.noSearchRetrieval.of.length})`, ids: m.fees.noSearchRetrieval.notMet },
        { label: 'No per-page fee for an e-copy of e-records', value: `${pct(m.fees.noPerPageElectronic.share)} (${m.fees.noPerPageElectronic.met.length} of ${m.fees.noPerPageElectronic.of.length})`, ids: m.fees.noPerPageElectronic.notMet },
        { label: 'Quoted in advance', value: `${pct(m.fees.quotedInAdvance.share)} (${m.fees.quotedInAdvance.met.length} of ${m.fees.quotedInAdvance.of.length})`, ids: m.fees.quotedInAdvance.notMet },
        { label: `Flat fee within ${money}`, value: `${pct(m.fees.flatFeeWithin.share)} (${m.fees.flatFeeWithin.met.length} of ${m.fees.flatFeeWithin.of.length})`, ids: m.fees.flatFeeWithin.notMet }
      ]
    },
    { id: 'denials', title: 'Denials with every required element', definition: 'Written denials of access requests stating the basis, the review rights where reviewable, and how to complain.', rows: shareRows(m.denialsComplete, 'Complete denials') },
    { id: 'review', title: 'Review turnaround', definition: 'Calendar days from a request for review of a denial to the review decision.', rows: quantileRows(m.reviewTurnaround) },
    {
      id: 'aging',
      title: 'Open requests by age',
      definition: 'Requests still open at the period’s end, more than the given number of calendar days after receipt.',
      rows: m.aging.map((a) => ({ label: `Open past ${a.days} days`, value: String(a.ids.length), ids: a.ids }))
    },
    {
      id: 'follow-ups',
      title: 'Repeat follow-ups',
      definition: `Requests that needed more than ${m.repeatFollowUps.above} follow-up from the requester.`,
      rows: [{ label: `More than ${m.repeatFollowUps.above} follow-up`, value: String(m.repeatFollowUps.ids.length), ids: m.repeatFollowUps.ids }]
    }
  ]
}
