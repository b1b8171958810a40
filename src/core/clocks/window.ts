// The OCR complaint window (45 CFR 160.306(b)(3)): 180 days after the day the complainant knew,
// taken per docs/day-counting.md §9 — the day after the due date for a late response, the denial date for a
// denial, the quote date for a fee finding, the delivery date for a format finding, the event date
// for a barrier. Extension findings open no window of their own. The window closing first is shown.
import { COMPLAINT_WINDOW } from '../rules'
import { addCalendarDays, diffCalendarDays, formatDate } from './dates'
import type { Finding, FindingCode } from './types'

const OPENS_WINDOW: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'response-late',
  'fee-not-quoted-in-advance',
  'fee-search-retrieval',
  'fee-per-page-electronic',
  'fee-above-flat-rate',
  'format-not-honored',
  'in-person-required',
  'mail-only-required',
  'portal-only-required'
])

const WHY: Readonly<Record<string, string>> = {
  'response-late': 'the day after the due date passed without a response',
  denial: 'the date of the denial',
  'format-not-honored': 'the delivery in the wrong format',
  'in-person-required': 'the barrier',
  'mail-only-required': 'the barrier',
  'portal-only-required': 'the barrier'
}
const why = (code: string): string => WHY[code] ?? 'the fee quote'

export type ComplaintWindow = { closes: string | null; warning: string | null; lines: string[] }

export function complaintWindow(findings: ReadonlyArray<Finding>, denialDates: ReadonlyArray<string>, asOf: string): ComplaintWindow {
  const knew: Array<{ date: string; why: string }> = [
    ...findings.filter((f) => OPENS_WINDOW.has(f.code)).map((f) => ({ date: f.date, why: f.code })),
    ...denialDates.map((d) => ({ date: d, why: 'denial' }))
  ]
  if (knew.length === 0) return { closes: null, warning: null, lines: ['No finding opens an OCR complaint window yet.'] }
  const first = knew.reduce((a, b) => (b.date < a.date ? b : a))
  const closes = addCalendarDays(first.date, COMPLAINT_WINDOW.days)
  const lines = [
    `OCR complaint window: the earliest day the complainant knew is ${formatDate(first.date)} (${why(first.why)}) → ${COMPLAINT_WINDOW.days} days → last day to file ${formatDate(closes)} (${COMPLAINT_WINDOW.citation}).`
  ]
  const left = diffCalendarDays(closes, asOf)
  let warning: string | null = null
  if (left < 0) {
    warning = `The OCR complaint window closed on ${formatDate(closes)}, ${-left} days before ${formatDate(asOf)}; OCR may waive the limit for good cause (${COMPLAINT_WINDOW.citation}).`
  } else if (left <= COMPLAINT_WINDOW.warningDays) {
    warning = `The OCR complaint window closes on ${formatDate(closes)}: ${left} day${left === 1 ? '' : 's'} left to file.`
  }
  if (warning) lines.push(warning)
  return { closes, warning, lines }
}
