import { FINDING_LABELS, metricTables, reportCharts } from '../../core/audit'
import type { Handlers } from '../router'
import { complianceService, renderReport, reportFileName, REPORT_MIME, summarySentences } from '../reports'
import type { ServicesRef } from './index'

type ReportChannels = 'reports.compliance' | 'reports.export' | 'reports.scorecard' | 'reports.warnings' | 'workspace.setPerspective'

export function reportHandlers(s: ServicesRef): Pick<Handlers, ReportChannels> {
  // Built per call over the services of the moment: the window may switch data folders.
  const reports = () => complianceService(s().context, s().cases, s().clocks)
  return {
    'reports.compliance': async (request) => {
      const report = await reports().compliance(request)
      return { report, summary: summarySentences(report), tables: metricTables(report), charts: reportCharts(report, (c) => FINDING_LABELS[c]) }
    },
    'reports.export': async ({ request, format }) => {
      const report = await reports().compliance(request)
      const bytes = await renderReport(report, format, { author: s().settings.get().advocateName ?? 'Access Advocate' })
      return { name: reportFileName(report, format), mime: REPORT_MIME[format], base64: bytes.toString('base64'), bytes: bytes.length }
    },
    'reports.scorecard': ({ organizationId }) => reports().scorecard(organizationId),
    'reports.warnings': ({ caseId }) => reports().warnings(caseId),
    'workspace.setPerspective': async ({ perspective }) => {
      const store = s().store.singletons.settings
      const next = { ...store.get(), perspective }
      await store.put(next)
      return next
    }
  }
}
