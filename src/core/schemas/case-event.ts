// The correspondence log: everything that happened on a case, including every fact that moves a
// clock. The clock-relevant fields mirror the clock engine's events (core/clocks/schema.ts), and
// core/cases/to-clock.ts translates one into the other. A field left out is unknown (docs/day-counting.md §12).
import { z } from 'zod'
import { AGENCY_VENUES } from '../escalation/agency-config'
import { ESCALATION_STEP_IDS } from '../escalation/ladder'
import {
  AttachmentRefSchema,
  DateSchema,
  IdSchema,
  InstantSchema,
  LongTextSchema,
  ShortTextSchema
} from './primitives'

export const CHANNELS = ['fax', 'email', 'portal', 'mail', 'certified-mail', 'in-person', 'phone', 'other'] as const
export const DIRECTIONS = ['outgoing', 'incoming', 'internal'] as const

const common = {
  date: DateSchema,
  direction: z.enum(DIRECTIONS).default('internal'),
  channel: z.enum(CHANNELS).optional(),
  summary: ShortTextSchema.default(''),
  body: LongTextSchema.optional(),
  attachments: z.array(AttachmentRefSchema).max(100).default([]),
  /** e.g. "fax confirmation 14:02, 3 pages" or a certified-mail tracking number. */
  proofOfDelivery: ShortTextSchema.optional(),
  loggedBy: ShortTextSchema.optional()
}
/** What the system adds when an event is stored. */
const stored = { id: IdSchema, createdAt: InstantSchema, updatedAt: InstantSchema }

export const FeeItemSchema = z.strictObject({
  label: ShortTextSchema.min(1, 'must not be empty'),
  amount: z.number().finite().nonnegative()
})

const money = z.number().finite().nonnegative().max(1_000_000, 'is not a plausible amount')

/** Builds the event union over a base shape, so the stored and the input forms cannot drift apart. */
function eventUnion<B extends z.ZodRawShape>(base: B) {
  const plain = <T extends string>(type: T) => z.strictObject({ ...base, type: z.literal(type) })
  return z.discriminatedUnion('type', [
    plain('request-sent'),
    plain('request-received'),
    plain('acknowledgement'),
    plain('clarification-asked'),
    plain('clarification-answered'),
    plain('identity-verification-asked'),
    plain('identity-verification-done'),
    z.strictObject({
      ...base,
      type: z.literal('fee-quoted'),
      amount: money,
      method: z.enum(['actual', 'average', 'flat']).optional(),
      perPage: z.boolean().optional(),
      includesSearchRetrieval: z.boolean().optional(),
      electronicCopyOfElectronicRecords: z.boolean().optional(),
      inAdvance: z.boolean().optional(),
      itemization: z.array(FeeItemSchema).max(50).default([])
    }),
    z.strictObject({ ...base, type: z.literal('fee-paid'), amount: money }),
    plain('fee-disputed'),
    z.strictObject({ ...base, type: z.literal('extension-notice'), reason: ShortTextSchema.optional(), newDate: DateSchema.optional() }),
    // A state's own delay notice (Washington, RCW 70.02.080(1)(d)): moves only the state's date.
    z.strictObject({ ...base, type: z.literal('state-delay-notice'), reason: ShortTextSchema.optional(), newDate: DateSchema.optional() }),
    z.strictObject({
      ...base,
      type: z.literal('partial-delivery'),
      /** Checklist item ids that arrived with this delivery. */
      items: z.array(IdSchema).max(200).default([]),
      format: ShortTextSchema.optional()
    }),
    z.strictObject({
      ...base,
      type: z.literal('records-delivered'),
      items: z.array(IdSchema).max(200).default([]),
      format: ShortTextSchema.optional()
    }),
    z.strictObject({
      ...base,
      type: z.literal('denial'),
      basis: ShortTextSchema.optional(),
      reviewable: z.boolean().optional(),
      reviewRights: z.boolean().optional(),
      complaintContact: z.boolean().optional(),
      /** Amendment denials: is the right to submit a statement of disagreement stated (45 CFR 164.526(d)(1)(ii))? */
      statementOfDisagreement: z.boolean().optional()
    }),
    plain('review-requested'),
    z.strictObject({ ...base, type: z.literal('review-decided'), outcome: z.enum(['upheld', 'reversed', 'partly-reversed']).optional() }),
    z.strictObject({ ...base, type: z.literal('requested-format'), format: ShortTextSchema.min(1, 'must not be empty') }),
    z.strictObject({ ...base, type: z.literal('barrier'), kind: z.enum(['in-person', 'mail-only', 'portal-only']) }),
    plain('follow-up-sent'),
    plain('privacy-officer-escalation'),
    plain('notice-of-intent'),
    plain('phone-call'),
    plain('note'),
    z.strictObject({ ...base, type: z.literal('complaint-filed'), venue: z.enum(AGENCY_VENUES) }),
    /** The agency confirmed it received the complaint (its reference number goes in the case's references). */
    z.strictObject({ ...base, type: z.literal('agency-acknowledged'), venue: z.enum(AGENCY_VENUES) }),
    /** A ladder step set aside for this case (e.g. no information-blocking actor), so it is no longer overdue. */
    z.strictObject({
      ...base,
      type: z.literal('step-skipped'),
      step: z.enum(ESCALATION_STEP_IDS),
      reason: ShortTextSchema.trim().min(1, 'say why this step does not fit the case')
    }),
    plain('withdrawn'),
    /** A letter generated but not yet sent; "Mark sent" turns it into the event the letter is. */
    z.strictObject({ ...base, type: z.literal('letter-draft'), letterId: IdSchema }),
    z.strictObject({ ...base, type: z.literal('resolution'), outcome: ShortTextSchema.optional() })
  ])
}

export const CaseEventSchema = eventUnion({ ...common, ...stored })
export type CaseEvent = z.infer<typeof CaseEventSchema>
export type CaseEventType = CaseEvent['type']

/** An event as a person or the renderer writes it; the system adds its id and timestamps. */
export const CaseEventInputSchema = eventUnion(common)
export type CaseEventInput = z.input<typeof CaseEventInputSchema>

export const CASE_EVENT_TYPES: ReadonlyArray<CaseEventType> = CaseEventSchema.options.map((o) => o.shape.type.value)
