// The report's underlying requests as CSV: one row per request with its findings. Written for
// spreadsheets: a UTF-8 byte-order mark (so Excel reads the encoding), CRLF line ends (RFC 4180),
// and every cell that a spreadsheet would run as a formula made inert.
import type { ComplianceReport } from '../../core/audit'

const BOM = '\uFEFF'
const CRLF = '\r\n'

/** A cell starting with = + - @ (or a tab or carriage return) runs as a formula: prefix a quote (OWASP CSV injection). */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const HEADER = ['request', 'holder', 'patient', 'kind', 'requester', 'site', 'staff', 'received', 'due', 'hipaa due', 'status', 'responded', 'days to respond', 'extension notices', 'follow-ups', 'findings', 'citations', 'details']

export function reportCsv(r: ComplianceReport): string {
  const lines = [HEADER.map(csvCell).join(',')]
  for (const row of r.rows) {
    lines.push(
      [
        row.id,
        row.organizationName,
        row.patientName,
        row.requestKind,
        row.requesterType,
        row.site,
        row.staff,
        row.received,
        row.due,
        row.hipaaDue,
        row.status,
        row.response,
        row.daysToRespond,
        row.extensionNotices,
        row.followUps,
        row.findings.map((f) => f.code).join('; '),
        [...new Set(row.findings.map((f) => f.citation))].join('; '),
        row.findings.map((f) => f.message).join(' | ')
      ]
        .map(csvCell)
        .join(',')
    )
  }
  return BOM + lines.join(CRLF) + CRLF
}
