// The compliance report as data: the period and filter used, the rules applied, the metrics, the
// holder scorecards and one row per request with its findings. The DOCX, CSV and PDF are renderings
// of this value (src/services/reports), and the app's Reports page shows the same value.
import { addCalendarDays, type Finding } from '../clocks'
import { ACCESS_CITATIONS, AUDIT, FEES, HIPAA_ACCESS, SCORECARD } from '../rules'
import type { Case } from '../schemas'
import { computeMetrics, onTimeVerdict, type ComplianceMetrics } from './metrics'
import { auditRecordOf, type AuditOptions, type AuditRecord } from './records'
import { rankHolders, type HolderScorecard } from './scorecard'

export type AuditFilter = {
  organizationId?: string
  site?: string
  staff?: string
  requesterType?: string
  requestKind?: Case['requestKind']
  perspective?: 'advocate' | 'practice'
}

export type ReportPeriod = { from: string; to: string }

export type ReportRow = {
  id: string
  organizationId: string
  organizationName: string
  patientName: string
  requestKind: string
  requesterType: string
  site: string | null
  staff: string | null
  received: string | null
  due: string | null
  hipaaDue: string | null
  status: string
  response: string | null
  daysToRespond: number | null
  extensionNotices: number
  followUps: number
  findings: Finding[]
}

export type ComplianceReport = {
  period: ReportPeriod
  /** The day the clocks were computed as of: the period's end, or today if that is earlier. */
  asOf: string
  filter: AuditFilter
  conventions: string[]
  rules: string[]
  metrics: ComplianceMetrics
  scorecards: HolderScorecard[]
  rows: ReportRow[]
  /** Requests with at least one finding, with the findings and their citations. */
  nonCompliant: string[]
  /** Requests received in each month of the period with their on-time verdict under the controlling rule. */
  months: Array<{ month: string; met: string[]; late: string[] }>
}

export type ReportInput = {
  cases: ReadonlyArray<Case>
  period: ReportPeriod
  asOf: string
  filter?: AuditFilter
  options?: AuditOptions
  names?: { organization: (id: string) => string; patient: (id: string) => string }
}

/** How the report counts; printed in every rendering so a reader can reproduce each figure. */
export const REPORT_CONVENTIONS: ReadonlyArray<string> = [
  'A request belongs to the period when it was received on a day from the period’s first to its last day, inclusive.',
  'Every clock is computed as of the period’s last day (or today, if that is earlier): events after that day are left out.',
  'Requests still open at the period’s end count in the number of requests and in the aging figures, and have no days to fulfil. In the on-time shares, an open request already past its due date counts as late; one not yet due is left out of the share and listed as pending.',
  'Days to fulfil run from the day of receipt (day 0) to the first complete delivery or written denial; a withdrawn request has none.',
  'Median and 90th percentile use the nearest-rank method: the value of the request at rank ceil(p/100 × n) when sorted, so each is one request’s own figure.',
  'A fee fact that was not recorded is unknown: that request is left out of that fee item’s share (only recorded facts produce findings).',
  `Aging: open requests more than ${AUDIT.agingDays.join(', ')} calendar days after receipt. Repeat follow-ups: requests with more than ${AUDIT.followUpsFlaggedAbove} follow-up logged.`,
  `Holder grade: ${SCORECARD.formula}; no grade without a decided request.`
]

const money = (cents: number): string => `$${(cents / 100).toFixed(2)}`

export const REPORT_RULES: ReadonlyArray<string> = [
  `${HIPAA_ACCESS.label}: ${HIPAA_ACCESS.days} calendar days from receipt, one extension of up to ${HIPAA_ACCESS.extension?.days ?? 0} days by written notice with the reason and the new date sent by the original due date (${HIPAA_ACCESS.citation}).`,
  'On time against the state rule: each request’s own rule profile (a state overlay takes the earlier of HIPAA’s and the state’s date); requests judged by HIPAA alone are left out of that share.',
  `Fees for an individual’s own copy: no search or retrieval charge, no per-page fee for an electronic copy of electronically kept records, quoted in advance, a flat fee no more than ${money(FEES.flatFeeCents)} where that option is used (${FEES.citation}; ${FEES.selfOnlySource} limits this to the individual’s own copy).`,
  `Format: a complete delivery in the format the requester asked for, when readily producible (${ACCESS_CITATIONS.format}).`,
  `Denials: the basis, the review rights where reviewable, and how to complain (${ACCESS_CITATIONS.denialContents}).`
]

function matches(r: AuditRecord, f: AuditFilter): boolean {
  return (
    (!f.organizationId || r.organizationId === f.organizationId) &&
    (!f.site || r.site === f.site) &&
    (!f.staff || r.staff === f.staff) &&
    (!f.requesterType || r.requesterType === f.requesterType) &&
    (!f.requestKind || r.requestKind === f.requestKind) &&
    (!f.perspective || r.perspective === f.perspective)
  )
}

export function buildComplianceReport(input: ReportInput): ComplianceReport {
  const { period, asOf } = input
  const filter = input.filter ?? {}
  const names = input.names ?? { organization: (id: string) => id, patient: (id: string) => id }
  const records: AuditRecord[] = []
  for (const c of input.cases) {
    if (c.deletedAt) continue
    const r = auditRecordOf(c, asOf, input.options)
    // A request with no receipt yet belongs to no period.
    if (r.received === null || r.received < period.from || r.received > period.to) continue
    if (matches(r, filter)) records.push(r)
  }
  records.sort((a, b) => (a.received! < b.received! ? -1 : a.received! > b.received! ? 1 : a.id < b.id ? -1 : 1))
  const metrics = computeMetrics(records, asOf)
  const rows: ReportRow[] = records.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    organizationName: names.organization(r.organizationId),
    patientName: names.patient(r.patientId),
    requestKind: r.requestKind,
    requesterType: r.requesterType,
    site: r.site,
    staff: r.staff,
    received: r.received,
    due: r.clock?.due ?? null,
    hipaaDue: r.hipaa?.due ?? null,
    status: r.clock?.status ?? (r.clockError ? 'clock-error' : 'not-received'),
    response: r.response?.date ?? null,
    daysToRespond: r.daysToRespond,
    extensionNotices: r.extensionNotices,
    followUps: r.followUps,
    findings: r.clock?.findings ?? []
  }))
  return {
    period,
    asOf,
    filter,
    conventions: [...REPORT_CONVENTIONS],
    rules: [...REPORT_RULES],
    metrics,
    scorecards: rankHolders(records, names.organization),
    rows,
    nonCompliant: rows.filter((r) => r.findings.length > 0).map((r) => r.id),
    months: monthsOf(period, records)
  }
}

function monthsOf(period: ReportPeriod, records: ReadonlyArray<AuditRecord>): ComplianceReport['months'] {
  const out: ComplianceReport['months'] = []
  const byMonth = new Map<string, ComplianceReport['months'][number]>()
  let day = `${period.from.slice(0, 7)}-01`
  // Month by month: the 28th plus 4 days is always in the next month.
  while (day.slice(0, 7) <= period.to.slice(0, 7)) {
    const entry = { month: day.slice(0, 7), met: [] as string[], late: [] as string[] }
    out.push(entry)
    byMonth.set(entry.month, entry)
    day = `${addCalendarDays(`${entry.month}-28`, 4).slice(0, 7)}-01`
  }
  // One pass over the requests, not one per month.
  for (const r of records) {
    const entry = r.clock && r.received ? byMonth.get(r.received.slice(0, 7)) : undefined
    if (!entry) continue
    const verdict = onTimeVerdict(r.clock!)
    if (verdict === 'met') entry.met.push(r.id)
    else if (verdict === 'late') entry.late.push(r.id)
  }
  return out
}
