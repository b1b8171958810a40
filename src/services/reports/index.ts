// The compliance report service: the report as data, and its DOCX, CSV and PDF renderings.
import type { ComplianceReport } from '../../core/audit'
import { reportCsv } from './csv'
import { reportDocx } from './docx'
import { docxToPdf } from './pdf'

export { complianceService, type ComplianceService, type ReportRequest } from './compliance'
export { csvCell, reportCsv } from './csv'
export { reportDocx } from './docx'
export { docxToPdf, SOFFICE_INSTALL_HINT } from './pdf'
export { summarySentences } from './summary'

export const REPORT_FORMATS = ['docx', 'csv', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  pdf: 'application/pdf'
}

export async function renderReport(r: ComplianceReport, format: ReportFormat, meta: { author: string }): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(reportCsv(r), 'utf8')
  const docx = await reportDocx(r, meta)
  return format === 'docx' ? docx : docxToPdf(docx)
}

export const reportFileName = (r: ComplianceReport, format: ReportFormat): string => `compliance-report-${r.period.from}-to-${r.period.to}.${format}`
