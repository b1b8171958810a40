// Cases, their correspondence and the caseload list.
import { z } from 'zod'
import {
  CaseEventInputSchema,
  CaseEventSchema,
  CaseFieldsSchema,
  CaseSchema,
  DateSchema,
  IdSchema,
  ReminderEntrySchema,
  PRIORITIES,
  REQUEST_KINDS,
  AttachmentRefSchema,
  CHANNELS,
  patchSchema
} from '../../core/schemas'
import { CLOCK_STATUSES } from '../../core/clocks/types'
import { WAITING_ON } from '../../core/escalation'
import { CaseClockSchema } from './clock-result'
import { channel } from './channel'
import { TaskIdSchema } from '../event-contract'
import { PickedFileSchema, PickTokenSchema } from '../files'

export const CASE_LIST_STATUSES = [...CLOCK_STATUSES, 'not-sent', 'clock-error'] as const
/**
 * What a row's status may say: a list status, or `clock-pending` while the first list of a day is
 * still computing that case's clock (cases.query answers at once and fills it in; see case-query.ts).
 */
export const CASE_ROW_STATUSES = [...CASE_LIST_STATUSES, 'clock-pending'] as const

export const CaseFilterSchema = z.strictObject({
  asOf: DateSchema.optional(),
  status: z.array(z.enum(CASE_LIST_STATUSES)).max(CASE_LIST_STATUSES.length).optional(),
  minDaysLate: z.number().int().min(0).max(100_000).optional(),
  text: z.string().max(200).optional(),
  patientId: IdSchema.optional(),
  organizationId: IdSchema.optional(),
  tag: z.string().max(40).optional(),
  /** Only cases that wait on these (me: needs my action; holder; agency). */
  waitingOn: z.array(z.enum(WAITING_ON)).max(WAITING_ON.length).optional(),
  trash: z.enum(['only', 'include']).optional(),
  /** Only these cases (a selection in the window, e.g. to export it). */
  ids: z.array(IdSchema).max(100_000).optional(),
  limit: z.number().int().positive().max(100_000).optional()
})

export const CaseListItemSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  requestKind: z.enum(REQUEST_KINDS),
  priority: z.enum(PRIORITIES),
  tags: z.array(z.string()),
  references: z.array(z.string()),
  status: z.enum(CASE_ROW_STATUSES),
  /** Who works the case (free text), or null. */
  assignee: z.string().nullable(),
  /** Two-letter US state: the case's own, else its holder's, else null. */
  state: z.string().nullable(),
  /** The first day the request was sent, or null. */
  sent: z.string().nullable(),
  received: z.string().nullable(),
  due: z.string().nullable(),
  daysLate: z.number().nullable(),
  daysRemaining: z.number().nullable(),
  nextStep: z.object({ step: z.string(), due: z.string(), letter: z.string() }).nullable(),
  findings: z.array(z.string()),
  lastEventDate: z.string().nullable(),
  eventCount: z.number(),
  deletedAt: z.string().nullable(),
  /** Who the case waits on today; null: closed, nothing left to do. */
  waitingOn: z.enum(WAITING_ON).nullable()
})
export type CaseListItemValue = z.infer<typeof CaseListItemSchema>

export const CaseViewSchema = z.object({
  case: CaseSchema,
  patientName: z.string(),
  organizationName: z.string(),
  asOf: z.string(),
  clock: CaseClockSchema,
  completeness: z.object({
    items: z.array(z.object({ id: z.string(), label: z.string(), recordType: z.string(), receivedOn: z.string().nullable() })),
    missing: z.array(z.string()),
    complete: z.boolean()
  })
})
export type CaseViewValue = z.infer<typeof CaseViewSchema>

const byId = z.strictObject({ id: IdSchema })

/** The day a new request went out (and how), logged as its first event when the case is made. */
export const RequestSentSchema = z.strictObject({ date: DateSchema, channel: z.enum(CHANNELS).optional() })
export type RequestSent = z.infer<typeof RequestSentSchema>

export const caseChannels = {
  'cases.list': channel(CaseFilterSchema, z.array(CaseListItemSchema)),
  'cases.get': channel(z.strictObject({ id: IdSchema, asOf: DateSchema.optional() }), CaseViewSchema),
  /** With `sent`, the case starts with its "Request sent" event, in the same write. */
  'cases.add': channel(z.strictObject({ case: CaseFieldsSchema, sent: RequestSentSchema.optional() }), CaseSchema),
  /** With `sent`, every case of the batch starts with the same "Request sent" event. */
  'cases.addBatch': channel(
    z.strictObject({
      batch: CaseFieldsSchema.omit({ organizationId: true, batchId: true }).extend({ organizationIds: z.array(IdSchema).min(1).max(100) }),
      sent: RequestSentSchema.optional()
    }),
    z.array(CaseSchema)
  ),
  'cases.update': channel(z.strictObject({ id: IdSchema, patch: patchSchema(CaseFieldsSchema) }), CaseSchema),
  'cases.addEvent': channel(z.strictObject({ caseId: IdSchema, event: CaseEventInputSchema }), CaseEventSchema),
  'cases.editEvent': channel(
    z.strictObject({ caseId: IdSchema, eventId: IdSchema, patch: z.record(z.string(), z.unknown()) }),
    CaseEventSchema
  ),
  'cases.addReminder': channel(z.strictObject({ caseId: IdSchema, reminder: ReminderEntrySchema.omit({ id: true }) }), ReminderEntrySchema),
  'cases.removeReminder': channel(z.strictObject({ caseId: IdSchema, reminderId: IdSchema }), z.object({ ok: z.literal(true) })),
  'cases.trash': channel(byId, CaseSchema),
  'cases.restore': channel(byId, CaseSchema)
}

/** Files travel by path, never as bytes: see shared/files.ts. */
export const attachmentChannels = {
  /** Opens the native file dialog (in the main process); the window gets a token per picked file, never its path. */
  'files.pick': channel(z.strictObject({ multiple: z.boolean().optional() }), z.object({ files: z.array(PickedFileSchema) })),
  /**
   * Attaches a picked file to an event (or, without one, to a new note dated today): the services
   * copy it into the data folder, streaming and hashing as they go. Read it back at its URL.
   */
  'attachments.add': channel(
    z.strictObject({ caseId: IdSchema, eventId: IdSchema.optional(), token: PickTokenSchema }),
    z.object({ attachment: AttachmentRefSchema, eventId: z.string() })
  )
}

export const searchChannels = {
  /** Also reads the full text of every event: slower than cases.list's text filter, so it is separate. */
  'cases.deepSearch': channel(
    // With a taskId, progress arrives as task.progress events and tasks.cancel stops it.
    z.strictObject({ text: z.string().trim().min(2, 'type at least 2 characters').max(200), taskId: TaskIdSchema.optional() }),
    z.array(z.string())
  )
}
