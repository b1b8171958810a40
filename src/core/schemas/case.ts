// A case: one request by or for one patient to one records holder, with its correspondence.
import { z } from 'zod'
import {
  AttachmentRefSchema,
  DateSchema,
  IdSchema,
  InstantSchema,
  LongTextSchema,
  NameSchema,
  ShortTextSchema,
  TagSchema,
  UsStateSchema
} from './primitives'
import { AuditEntrySchema } from './audit'
import { CaseEventSchema } from './case-event'
import { PerspectiveSchema, RequestLogSchema } from './request-log'

export const REQUEST_KINDS = [
  'access-self',
  'access-third-party',
  'amendment',
  'accounting',
  'authorization-disclosure'
] as const
export type CaseRequestKind = (typeof REQUEST_KINDS)[number]

export const RECORD_TYPES = [
  'visit-notes',
  'imaging-reports',
  'images',
  'labs',
  'billing',
  'medications',
  'discharge-summaries',
  'correspondence',
  'other'
] as const

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const

export const REFERENCE_KINDS = ['holder-request-id', 'ocr-transaction', 'info-blocking-claim', 'state-complaint', 'other'] as const

/** One line of what was requested; deliveries name the items that arrived. */
export const ChecklistItemSchema = z.strictObject({
  id: IdSchema,
  recordType: z.enum(RECORD_TYPES),
  label: NameSchema
})
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>
/** As written by a person: the service gives an item without an id one. */
export const ChecklistItemInputSchema = ChecklistItemSchema.extend({ id: IdSchema.optional() })

export const ReferenceSchema = z.strictObject({
  kind: z.enum(REFERENCE_KINDS),
  value: ShortTextSchema.min(1, 'must not be empty').max(120, 'is too long (a reference: at most 120 characters)')
})
export type Reference = z.infer<typeof ReferenceSchema>

export const ReminderEntrySchema = z.strictObject({ id: IdSchema, date: DateSchema, note: ShortTextSchema.optional() })

export const LetterRecordSchema = z.strictObject({
  id: IdSchema,
  template: ShortTextSchema,
  createdAt: InstantSchema,
  file: AttachmentRefSchema
})

const dateRange = z
  .strictObject({ from: DateSchema.optional(), to: DateSchema.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'the range ends before it starts', path: ['to'] })

function requestedSchema<I extends z.ZodType>(item: I) {
  return z
    .strictObject({
      items: z.array(item).max(200).default([]),
      range: dateRange.default({}),
      description: LongTextSchema.optional()
    })
    .default({ items: [], range: {} })
}

export const CaseFieldsSchema = z.strictObject({
  patientId: IdSchema,
  organizationId: IdSchema,
  /** Requests created together for one patient to several holders share a batch id. */
  batchId: IdSchema.optional(),
  requestKind: z.enum(REQUEST_KINDS).default('access-self'),
  requested: requestedSchema(ChecklistItemInputSchema),
  requestedFormat: ShortTextSchema.optional(),
  deliveryManner: ShortTextSchema.optional(),
  /** Rule profile id: a built-in one (default `hipaa`) or one the user saved. */
  profile: z.string().min(1).max(64).default('hipaa'),
  state: UsStateSchema.optional(),
  references: z.array(ReferenceSchema).max(50).default([]),
  assignee: ShortTextSchema.optional(),
  tags: z.array(TagSchema).max(30).default([]),
  priority: z.enum(PRIORITIES).default('normal'),
  notes: LongTextSchema.optional(),
  /** Left out: the workspace's perspective (settings), advocate by default. */
  perspective: PerspectiveSchema.optional(),
  /** Practice audit mode's request log (DOMAIN 7.2). */
  requestLog: RequestLogSchema.optional()
})
export type CaseFields = z.infer<typeof CaseFieldsSchema>
export type CaseFieldsInput = z.input<typeof CaseFieldsSchema>

export const CaseSchema = z.strictObject({
  ...CaseFieldsSchema.shape,
  requested: requestedSchema(ChecklistItemSchema),
  id: IdSchema,
  events: z.array(CaseEventSchema).max(5000).default([]),
  reminders: z.array(ReminderEntrySchema).max(500).default([]),
  letters: z.array(LetterRecordSchema).max(1000).default([]),
  history: z.array(AuditEntrySchema).default([]),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  /** Set while the case is in the trash. */
  deletedAt: InstantSchema.optional()
})
export type Case = z.infer<typeof CaseSchema>
