// The request log of practice audit mode (DOMAIN 7.2): what a records office notes about a request
// it received, beyond what the correspondence log already holds (receipt, extension notices, fee
// quotes and payments, deliveries with their format, denials, reviews and follow-ups are events).
// Every field is optional: a field left out is unknown, never a failing fact.
import { z } from 'zod'
import { CHANNELS } from './case-event'
import { DateSchema, ShortTextSchema } from './primitives'

/** Whose side the app takes on a case: the requester's advocate, or the practice that received it. */
export const PERSPECTIVES = ['advocate', 'practice'] as const
export type Perspective = (typeof PERSPECTIVES)[number]
export const PerspectiveSchema = z.enum(PERSPECTIVES)

export const REQUESTER_TYPES = ['self', 'personal-representative', 'third-party-directive', 'authorization-other'] as const
export const OUTCOMES = ['full', 'partial', 'denied'] as const
export const DENIAL_GROUNDS = ['reviewable', 'unreviewable'] as const

export const RequestLogSchema = z.strictObject({
  /** How the request arrived, and what proves it (a fax confirmation, a portal receipt). */
  receivedChannel: z.enum(CHANNELS).optional(),
  receivedTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30').optional(),
  proofOfReceipt: ShortTextSchema.optional(),
  requesterType: z.enum(REQUESTER_TYPES).optional(),
  /** For a personal representative: the document showing their authority. */
  authorityDocument: ShortTextSchema.optional(),
  patientIdentifiers: ShortTextSchema.optional(),
  verification: z.strictObject({ method: ShortTextSchema.optional(), date: DateSchema.optional() }).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  denialGround: z.enum(DENIAL_GROUNDS).optional(),
  reviewer: ShortTextSchema.optional(),
  recipient: ShortTextSchema.optional(),
  /** Staff member handling the request, the site that received it, and any business associate or copy vendor. */
  staff: ShortTextSchema.optional(),
  site: ShortTextSchema.optional(),
  businessAssociate: ShortTextSchema.optional()
})
export type RequestLog = z.infer<typeof RequestLogSchema>
