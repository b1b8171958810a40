// Practice audit mode and reports: the compliance report (as data for the Reports page, or as a
// DOCX, CSV or PDF file), a holder's scorecard, open-request warnings, and the workspace perspective.
import { z } from 'zod'
import { FINDING_CODES } from '../../core/clocks/types'
import { DateSchema, IdSchema, PERSPECTIVES, REQUEST_KINDS, SettingsSchema, ShortTextSchema } from '../../core/schemas'
import type { Chart, ComplianceReport, HolderScorecard, MetricTable, OpenRequestWarning } from '../../core/audit'
import { channel } from './channel'

export const AuditFilterSchema = z.strictObject({
  organizationId: IdSchema.optional(),
  site: ShortTextSchema.optional(),
  staff: ShortTextSchema.optional(),
  requesterType: z.string().max(40).optional(),
  requestKind: z.enum(REQUEST_KINDS).optional(),
  perspective: z.enum(PERSPECTIVES).optional()
})

export const ReportRequestSchema = z
  .strictObject({ from: DateSchema, to: DateSchema, filter: AuditFilterSchema.optional() })
  .refine((r) => r.from <= r.to, { message: 'the period ends before it starts', path: ['to'] })

const ids = z.array(z.string())
const ShareSchema = z.object({ share: z.number().nullable(), met: ids, notMet: ids, of: ids })
const OnTimeSchema = ShareSchema.extend({ pending: ids })
const QuantilesSchema = z.object({ median: z.number().nullable(), p90: z.number().nullable(), medianId: z.string().nullable(), p90Id: z.string().nullable(), ids })
const FindingSchema = z.object({ code: z.enum(FINDING_CODES), message: z.string(), date: z.string(), citation: z.string() })

export const HolderScorecardSchema = z.object({
  organizationId: z.string(),
  requests: ids,
  days: QuantilesSchema,
  onTime: ShareSchema,
  findings: z.object({ total: z.number(), byCode: z.partialRecord(z.enum(FINDING_CODES), ids) }),
  extensions: ids,
  feeFindings: ids,
  withoutOtherFindings: ShareSchema,
  withoutFeeFindings: ShareSchema,
  score: z.number().nullable(),
  grade: z.number().nullable(),
  formula: z.string()
}) satisfies z.ZodType<HolderScorecard>

export const ComplianceReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  filter: AuditFilterSchema,
  conventions: z.array(z.string()),
  rules: z.array(z.string()),
  metrics: z.object({
    requests: ids,
    notComputed: z.array(z.object({ id: z.string(), message: z.string() })),
    notReceived: ids,
    openAtEnd: ids,
    daysToFulfil: QuantilesSchema,
    onTimeHipaa: OnTimeSchema,
    onTimeState: OnTimeSchema,
    extensionUse: ShareSchema,
    extensionValid: ShareSchema,
    formatMatch: ShareSchema,
    fees: z.object({ assessed: ids, noSearchRetrieval: ShareSchema, noPerPageElectronic: ShareSchema, quotedInAdvance: ShareSchema, flatFeeWithin: ShareSchema }),
    denialsComplete: ShareSchema,
    reviewTurnaround: QuantilesSchema,
    aging: z.array(z.object({ days: z.number(), ids })),
    repeatFollowUps: z.object({ above: z.number(), ids })
  }),
  scorecards: z.array(HolderScorecardSchema),
  rows: z.array(
    z.object({
      id: z.string(),
      organizationId: z.string(),
      organizationName: z.string(),
      patientName: z.string(),
      requestKind: z.string(),
      requesterType: z.string(),
      site: z.string().nullable(),
      staff: z.string().nullable(),
      received: z.string().nullable(),
      due: z.string().nullable(),
      hipaaDue: z.string().nullable(),
      status: z.string(),
      response: z.string().nullable(),
      daysToRespond: z.number().nullable(),
      extensionNotices: z.number(),
      followUps: z.number(),
      findings: z.array(FindingSchema)
    })
  ),
  nonCompliant: ids,
  months: z.array(z.object({ month: z.string(), met: ids, late: ids }))
}) satisfies z.ZodType<ComplianceReport>

export const MetricTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.string(),
  rows: z.array(z.object({ label: z.string(), value: z.string(), ids }))
}) satisfies z.ZodType<MetricTable>

export const ChartSchema = z.object({
  id: z.enum(['days', 'months', 'findings']),
  title: z.string(),
  summary: z.string(),
  unit: z.string(),
  bars: z.array(z.object({ label: z.string(), value: z.number(), note: z.string(), ids })),
  svg: z.string()
}) satisfies z.ZodType<Chart>

export const ComplianceViewSchema = z.object({ report: ComplianceReportSchema, summary: z.array(z.string()), tables: z.array(MetricTableSchema), charts: z.array(ChartSchema) })
export type ComplianceViewValue = z.infer<typeof ComplianceViewSchema>

export const OpenRequestWarningSchema = z.object({
  code: z.enum(['due-soon', 'extension-notice-deadline', 'fee-no-advance-notice', 'format-differs']),
  message: z.string(),
  date: z.string()
}) satisfies z.ZodType<OpenRequestWarning>

export const REPORT_FILE_FORMATS = ['docx', 'csv', 'pdf'] as const

export const reportChannels = {
  'reports.compliance': channel(ReportRequestSchema, ComplianceViewSchema),
  /** The file itself, as base64 (a report of thousands of requests stays well under the payload limit). */
  'reports.export': channel(
    z.strictObject({ request: ReportRequestSchema, format: z.enum(REPORT_FILE_FORMATS) }),
    z.object({ name: z.string(), mime: z.string(), base64: z.string(), bytes: z.number() })
  ),
  'reports.scorecard': channel(z.strictObject({ organizationId: IdSchema }), HolderScorecardSchema.nullable()),
  'reports.warnings': channel(z.strictObject({ caseId: IdSchema }), z.array(OpenRequestWarningSchema)),
  'workspace.setPerspective': channel(z.strictObject({ perspective: z.enum(PERSPECTIVES) }), SettingsSchema)
}
