// Data in and out: CSV import and export, the full export zip, the calendar, e-mail import and the
// complaint evidence bundle. Files to read travel by path (the command line) or, from the window,
// as the token of a file picked in the native dialog or dropped on the window (files.pick, as
// attachments do: the window never sends a file's bytes or names a path). Results are written to
// `out` when given, else returned as base64 for the window to save. Long work takes a `taskId`:
// progress arrives as task.progress events and tasks.cancel stops it, changing nothing.
import { z } from 'zod'
import { CaseEventInputSchema, CaseFieldsSchema, CsvMappingSchema, IdSchema, OrganizationFieldsSchema, PatientFieldsSchema } from '../../core/schemas'
import { PickTokenSchema } from '../files'
import { TaskIdSchema } from '../event-contract'
import { CaseFilterSchema } from './cases'
import { channel } from './channel'

const PathSchema = z.string().min(1).max(4096)
export const FileSourceSchema = z.union([
  z.strictObject({ path: PathSchema }),
  z.strictObject({ token: PickTokenSchema })
])
const TaskField = { taskId: TaskIdSchema.optional() }
export type FileSource = z.infer<typeof FileSourceSchema>
/**
 * Where an export goes: `out`, a path (the command line); `saveAs`, the native "Save as" dialog of
 * the front door (the window, which never names a path); neither, the bytes as base64 (scripts).
 */
const FileOutSchema = z.strictObject({ out: PathSchema.optional(), saveAs: z.boolean().optional() })
const WrittenSchema = z.object({ path: z.string().nullable(), base64: z.string().nullable(), bytes: z.number() })

export const CSV_IMPORT_KINDS = ['patients', 'orgs', 'cases', 'requests'] as const
export const CASE_EXPORT_COLUMNS = ['id', 'patient', 'holder', 'status', 'received', 'due', 'daysLate', 'daysRemaining', 'nextStep', 'nextStepDue', 'findings', 'references', 'tags', 'priority', 'lastEvent'] as const
const Decision = z.enum(['match', 'new', 'skip'])

const CsvImportInputSchema = z.strictObject({
  kind: z.enum(CSV_IMPORT_KINDS),
  source: FileSourceSchema,
  mapping: CsvMappingSchema.omit({ kind: true }).extend({ kind: z.enum(CSV_IMPORT_KINDS).optional() }).optional(),
  duplicates: Decision.optional(),
  decisions: z.record(z.string().max(500), Decision).optional(),
  ...TaskField
})

const RowProblemSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), problem: z.string() })
export const CsvPreviewSchema = z.object({
  name: z.string(),
  kind: z.enum(CSV_IMPORT_KINDS),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  layoutHash: z.string(),
  headers: z.array(z.string()),
  rowCount: z.number(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string(), required: z.boolean(), aliases: z.array(z.string()) })),
  mapping: CsvMappingSchema,
  mappingSource: z.enum(['given', 'remembered', 'suggested']),
  unmapped: z.array(z.string()),
  missingRequired: z.array(z.string()),
  dateColumns: z.array(
    z.object({
      column: z.string(),
      field: z.string(),
      state: z.enum(['ok', 'ambiguous', 'unreadable', 'empty']),
      order: z.enum(['mdy', 'dmy']).nullable(),
      forms: z.array(z.string()),
      examples: z.array(z.object({ value: z.string(), date: z.string().nullable() }))
    })
  ),
  rows: z.array(
    z.object({
      row: z.number(),
      patient: PatientFieldsSchema.optional(),
      organization: OrganizationFieldsSchema.optional(),
      case: z.object({ fields: CaseFieldsSchema.omit({ patientId: true, organizationId: true }), events: z.array(CaseEventInputSchema) }).optional()
    })
  ),
  problems: z.array(RowProblemSchema),
  problemCount: z.number(),
  duplicates: z.array(z.object({ key: z.string(), entity: z.enum(['patient', 'organization', 'case']), label: z.string(), rows: z.array(z.number()), existingId: z.string(), decision: Decision.nullable() })),
  counts: z.object({ patients: z.number(), organizations: z.number(), cases: z.number(), events: z.number(), skipped: z.number() }),
  blockers: z.array(z.string())
})
export type CsvPreviewValue = z.infer<typeof CsvPreviewSchema>

const ImportItemSchema = z.object({ key: z.string(), entity: z.enum(['case', 'patient', 'organization', 'settings']), id: z.string(), label: z.string() })
export const FullImportPreviewSchema = z.object({
  name: z.string(),
  exportedAt: z.string(),
  counts: z.object({ cases: z.number(), patients: z.number(), organizations: z.number(), attachments: z.number() }),
  emptyFolder: z.boolean(),
  added: z.array(ImportItemSchema),
  conflicts: z.array(ImportItemSchema.extend({ changes: z.array(z.object({ path: z.string(), ours: z.unknown(), theirs: z.unknown() })) })),
  unchanged: z.number()
})

export const EmlOutcomeSchema = z.union([
  z.object({ file: z.string(), status: z.literal('imported'), eventId: z.string(), date: z.string(), direction: z.enum(['incoming', 'outgoing']), subject: z.string(), attachments: z.number() }),
  z.object({ file: z.string(), status: z.literal('skipped'), reason: z.string() })
])

export const interopChannels = {
  'interop.csvPreview': channel(CsvImportInputSchema, CsvPreviewSchema),
  'interop.csvImport': channel(
    CsvImportInputSchema,
    z.object({ backupId: z.string(), patients: z.number(), organizations: z.number(), cases: z.number(), events: z.number(), skipped: z.number() })
  ),
  'interop.csvExport': channel(
    FileOutSchema.extend({ what: z.enum(CSV_IMPORT_KINDS), filter: CaseFilterSchema.optional(), columns: z.array(z.enum(CASE_EXPORT_COLUMNS)).max(CASE_EXPORT_COLUMNS.length).optional() }),
    WrittenSchema.extend({ rows: z.number() })
  ),
  'interop.exportAll': channel(FileOutSchema, WrittenSchema.extend({ files: z.number(), counts: FullImportPreviewSchema.shape.counts })),
  'interop.importPreview': channel(z.strictObject({ source: FileSourceSchema }), FullImportPreviewSchema),
  'interop.importAll': channel(
    z.strictObject({ source: FileSourceSchema, takeNew: z.boolean().optional(), take: z.union([z.literal('all'), z.array(z.string().max(200)).max(500_000)]).optional(), ...TaskField }),
    z.object({ backupId: z.string().nullable(), written: z.number(), skipped: z.number(), attachments: z.number() })
  ),
  'interop.calendar': channel(
    FileOutSchema.extend({ caseIds: z.array(IdSchema).max(100_000).optional(), phi: z.enum(['initials', 'names', 'none']).default('initials') }),
    WrittenSchema.extend({ events: z.number() })
  ),
  'interop.importEml': channel(z.strictObject({ caseId: IdSchema, files: z.array(FileSourceSchema).min(1, 'name at least one .eml file').max(500) }), z.array(EmlOutcomeSchema)),
  /** The exhibits a case's bundle would hold, in exhibit-list order: for choosing which to leave out. */
  'interop.bundleExhibits': channel(
    z.strictObject({ caseId: IdSchema }),
    z.array(z.object({ label: z.string(), fileName: z.string(), originalName: z.string(), sha256: z.string(), date: z.string() }))
  ),
  'interop.bundle': channel(
    FileOutSchema.extend({
      ...TaskField,
      caseId: IdSchema,
      exclude: z.array(z.string().max(64)).max(10_000).optional(),
      withholdDateOfBirth: z.boolean().optional(),
      withholdIdentifiers: z.boolean().optional()
    }),
    WrittenSchema.extend({ files: z.array(z.string()), exhibits: z.array(z.object({ label: z.string(), fileName: z.string(), originalName: z.string() })), excluded: z.array(z.string()), packetIncluded: z.boolean(), packetNote: z.string().nullable() })
  )
}
