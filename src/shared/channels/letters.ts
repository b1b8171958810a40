// Letters: templates (built-in and the user's own, versioned), preparing a letter (missing fields,
// preview), generating it into the case, marking it sent, the PDF / e-mail / fax renderings, bulk.
import { z } from 'zod'
import { AttachmentRefSchema, CHANNELS, DateSchema, IdSchema, LetterRecordSchema, ShortTextSchema } from '../../core/schemas'
import { ESCALATION_STEP_IDS } from '../../core/escalation'
import { LetterTemplateSchema, TemplateIdSchema } from '../../core/letters'
import { TaskIdSchema } from '../event-contract'
import { channel } from './channel'

/** Values typed for one letter: merge-field path → text. */
export const LetterValuesSchema = z
  .record(z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'must be a merge field such as holder.privacyOfficer'), z.string().max(4000, 'is too long (at most 4,000 characters)'))
  .default({})

export const TemplateInfoSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  side: z.enum(['advocate', 'practice']),
  kinds: z.array(z.string()),
  steps: z.array(z.string()),
  required: z.array(z.string()),
  optional: z.array(z.string()),
  builtIn: z.boolean(),
  base: z.string(),
  versions: z.array(z.number())
})
export type TemplateInfoValue = z.infer<typeof TemplateInfoSchema>

export const MissingFieldSchema = z.object({ path: z.string(), label: z.string() })

export const PreparedLetterSchema = z.object({
  templateId: z.string(),
  templateVersion: z.number(),
  title: z.string(),
  letterDate: z.string(),
  missing: z.array(MissingFieldSchema),
  refusal: z.string().nullable(),
  /** The letter as an HTML fragment (escaped), or null while fields are missing. */
  html: z.string().nullable(),
  text: z.string().nullable()
})
export type PreparedLetterValue = z.infer<typeof PreparedLetterSchema>

const templateRef = { templateId: TemplateIdSchema, templateVersion: z.number().int().positive().optional() }
const letterRef = z.strictObject({ caseId: IdSchema, letterId: IdSchema })
const Base64Schema = z.string().max(10 * 1024 * 1024, 'is too large to send in one piece').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64 text')

export const PrepareInputSchema = z.strictObject({
  caseId: IdSchema,
  ...templateRef,
  /** A template being edited (not saved yet), for the live preview; replaces templateId's text. */
  draft: LetterTemplateSchema.optional(),
  date: DateSchema.optional(),
  values: LetterValuesSchema
})

export const GenerateInputSchema = z.strictObject({ caseId: IdSchema, ...templateRef, date: DateSchema.optional(), values: LetterValuesSchema })

export const MarkSentInputSchema = z.strictObject({
  caseId: IdSchema,
  letterId: IdSchema,
  date: DateSchema,
  channel: z.enum(CHANNELS),
  /** Fax number, certified-mail article number, e-mail address… */
  channelDetail: ShortTextSchema.optional(),
  proof: z.strictObject({ name: AttachmentRefSchema.shape.name, base64: Base64Schema }).optional()
})

export const BULK_FILTERS = ['overdue', 'awaiting', 'next-step'] as const
export const BulkInputSchema = z
  .strictObject({
    templateId: TemplateIdSchema,
    caseIds: z.array(IdSchema).max(10_000).optional(),
    filter: z.enum(BULK_FILTERS).optional(),
    date: DateSchema.optional(),
    values: LetterValuesSchema,
    /** With a taskId, progress arrives as task.progress events and tasks.cancel stops it between cases (the summary says cancelled). */
    taskId: TaskIdSchema.optional()
  })
  .refine((b) => b.caseIds !== undefined || b.filter !== undefined, { message: 'give caseIds or a filter', path: ['filter'] })

export const BulkResultSchema = z.object({
  /** `patient`: whose case it is, for a summary a person reads (absent when the case cannot be found). */
  made: z.array(z.object({ caseId: z.string(), letterId: z.string(), name: z.string(), patient: z.string().optional() })),
  skipped: z.array(z.object({ caseId: z.string(), reason: z.string(), patient: z.string().optional() })),
  cancelled: z.boolean()
})
export type BulkResultValue = z.infer<typeof BulkResultSchema>

export const FieldInfoSchema = z.object({ path: z.string(), label: z.string(), group: z.string(), computed: z.boolean(), flag: z.boolean() })

export const letterChannels = {
  'letters.templates': channel(z.strictObject({ step: z.enum(ESCALATION_STEP_IDS).optional() }), z.array(TemplateInfoSchema)),
  'letters.template': channel(z.strictObject(templateRef), LetterTemplateSchema),
  'letters.fields': channel(z.strictObject({}), z.array(FieldInfoSchema)),
  'letters.prepare': channel(PrepareInputSchema, PreparedLetterSchema),
  'letters.generate': channel(GenerateInputSchema, LetterRecordSchema),
  'letters.markSent': channel(MarkSentInputSchema, LetterRecordSchema),
  'letters.archivePdf': channel(letterRef, AttachmentRefSchema),
  'letters.savePdf': channel(letterRef, AttachmentRefSchema),
  'letters.attachPdf': channel(letterRef.extend({ base64: Base64Schema }), AttachmentRefSchema),
  'letters.html': channel(letterRef, z.object({ html: z.string() })),
  'letters.eml': channel(letterRef, AttachmentRefSchema),
  'letters.faxCover': channel(letterRef.extend({ pages: z.number().int().positive().max(10_000).optional() }), AttachmentRefSchema),
  'letters.saveTemplate': channel(z.strictObject({ template: LetterTemplateSchema }), LetterTemplateSchema),
  'letters.duplicateTemplate': channel(z.strictObject({ ...templateRef, newId: TemplateIdSchema.optional(), title: z.string().trim().min(1).max(200).optional() }), LetterTemplateSchema),
  'letters.bulk': channel(BulkInputSchema, BulkResultSchema)
}
