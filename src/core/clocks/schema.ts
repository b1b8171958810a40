// The clock's input, validated with zod v4. Objects are strict: an unknown field is an error, never
// silently dropped. A field left out is unknown, never a failing fact (docs/day-counting.md §12).
import { z } from 'zod'
import { BUILT_IN_PROFILE_IDS, DAY_KINDS, REQUEST_KINDS, isBuiltInProfileId } from '../rules'
import { isValidIsoDate } from './dates'
import { ESCALATION_STEP_IDS } from '../escalation/ladder'
import { AGENCY_VENUES } from '../escalation/agency-config'

export const IsoDateSchema = z.string({ error: 'expected a date written YYYY-MM-DD' }).check((ctx) => {
  const v = ctx.value
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    ctx.issues.push({ code: 'custom', input: v, message: `${JSON.stringify(v)} is not a date written YYYY-MM-DD` })
  } else if (!isValidIsoDate(v)) {
    ctx.issues.push({ code: 'custom', input: v, message: `${v} is not a real calendar date` })
  }
})

const date = IsoDateSchema
const text = z.string()

const stepEvent = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), date })

export const ClockEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('extension-notice'),
    date,
    reason: text.optional(),
    newDate: date.optional()
  }),
  // A state's own delay notice (Washington: RCW 70.02.080(1)(d), 70.02.100(2)(d)); it moves only the
  // state's date, as a HIPAA extension notice moves only HIPAA's (docs/day-counting.md §8).
  z.strictObject({
    type: z.literal('state-delay-notice'),
    date,
    reason: text.optional(),
    newDate: date.optional()
  }),
  z.strictObject({ type: z.literal('delivered'), date, complete: z.boolean(), format: text.optional() }),
  z.strictObject({
    type: z.literal('denied'),
    date,
    basis: text.optional(),
    reviewable: z.boolean().optional(),
    reviewRights: z.boolean().optional(),
    complaintContact: z.boolean().optional(),
    /** Amendment denials: does the letter state the right to submit a statement of disagreement (45 CFR 164.526(d)(1)(ii))? */
    statementOfDisagreement: z.boolean().optional()
  }),
  z.strictObject({
    type: z.literal('fee-quoted'),
    date,
    amount: z.number().finite().nonnegative(),
    method: z.enum(['actual', 'average', 'flat']).optional(),
    perPage: z.boolean().optional(),
    includesSearchRetrieval: z.boolean().optional(),
    electronicCopyOfElectronicRecords: z.boolean().optional(),
    inAdvance: z.boolean().optional()
  }),
  z.strictObject({ type: z.literal('requested-format'), date, format: text.min(1, 'must not be empty') }),
  z.strictObject({ type: z.literal('barrier'), date, kind: z.enum(['in-person', 'mail-only', 'portal-only']) }),
  stepEvent('follow-up'),
  stepEvent('privacy-officer-escalation'),
  stepEvent('notice-of-intent'),
  stepEvent('ocr-complaint'),
  stepEvent('information-blocking-report'),
  // With an agency (docs/escalation.md): a complaint to a state body, the agency's acknowledgement of a
  // complaint (of the venue named, else of the latest one filed), and the end of the matter.
  stepEvent('state-complaint'),
  z.strictObject({ type: z.literal('agency-acknowledged'), date, venue: z.enum(AGENCY_VENUES).optional() }),
  stepEvent('resolution'),
  // A ladder step set aside for this case, with the reason: it is no longer suggested or overdue.
  z.strictObject({
    type: z.literal('step-skipped'),
    date,
    step: z.enum(ESCALATION_STEP_IDS),
    reason: text.trim().min(1, 'say why the step is skipped')
  }),
  // A free-text note: recorded, never changes any result.
  z.strictObject({ type: z.literal('note'), date, text: text.optional() }),
  z.strictObject({ type: z.literal('withdrawn'), date })
])
export type ClockEvent = z.infer<typeof ClockEventSchema>
export type ClockEventType = ClockEvent['type']

export const InForceSchema = z.strictObject({ from: date.nullable(), to: date.nullable() })

const notBuiltIn = (id: string): boolean => !isBuiltInProfileId(id)
const builtInClash = `is a built-in profile id (${BUILT_IN_PROFILE_IDS.join(', ')}); choose another id`

/** The rule fields shared by inline and saved profiles: one clock that stands alone (docs/day-counting.md §8). */
const profileRuleShape = {
  id: z.string().min(1, 'must not be empty').max(64, 'is too long (at most 64 characters)').refine(notBuiltIn, builtInClash),
  days: z.number().int().positive(),
  dayKind: z.enum(DAY_KINDS),
  holidays: z.array(date).default([]),
  extensionDays: z.number().int().nonnegative(),
  rollForward: z.boolean().optional(),
  citation: z.string().min(1).optional(),
  inForce: InForceSchema.optional()
}

/**
 * Sanity bounds on profile input (not law: no statute gives a records holder more than a few
 * months; these only keep a typo such as 1000000000 days from reaching the date arithmetic).
 * Checked where a profile comes IN (saving one, an inline profile); stored profiles are read as
 * they are, and one that still cannot be computed shows a clock error for its cases only.
 */
export const PROFILE_INPUT_LIMITS = { maxDays: 3650, maxExtensionDays: 3650 } as const
const SAFE_PROFILE_ID = /^[a-z0-9][a-z0-9._-]*$/

type RuleFields = { id: string; days: number; extensionDays: number; inForce?: { from: string | null; to: string | null } | undefined }
function checkProfileInput(p: RuleFields, ctx: z.RefinementCtx): void {
  if (!SAFE_PROFILE_ID.test(p.id)) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: 'may hold only lower-case letters, digits, ".", "-" and "_", starting with a letter or digit' })
  }
  if (p.days > PROFILE_INPUT_LIMITS.maxDays) ctx.addIssue({ code: 'custom', path: ['days'], message: `must be at most ${PROFILE_INPUT_LIMITS.maxDays}` })
  if (p.extensionDays > PROFILE_INPUT_LIMITS.maxExtensionDays) {
    ctx.addIssue({ code: 'custom', path: ['extensionDays'], message: `must be at most ${PROFILE_INPUT_LIMITS.maxExtensionDays}` })
  }
  if (p.inForce?.from && p.inForce.to && p.inForce.from > p.inForce.to) {
    ctx.addIssue({ code: 'custom', path: ['inForce'], message: `starts (${p.inForce.from}) after it ends (${p.inForce.to})` })
  }
}

export const InlineProfileSchema = z.strictObject(profileRuleShape).superRefine(checkProfileInput)
export type InlineProfile = z.infer<typeof InlineProfileSchema>

/** A profile a user saved in the app: validated, versioned, never replacing a built-in id. */
export const ProfileDefinitionSchema = z.strictObject({
  ...profileRuleShape,
  version: z.string().min(1, 'must not be empty'),
  label: z.string().min(1, 'must not be empty')
})
export type ProfileDefinition = z.infer<typeof ProfileDefinitionSchema>
/** A profile being saved: the stored shape plus the input bounds above. */
export const ProfileInputSchema = ProfileDefinitionSchema.superRefine(checkProfileInput)

/** Personal reminders: any date, independent of status; shown from `asOf` on, never change a result. */
export const ReminderSchema = z.strictObject({ date, note: text.optional() })
export type Reminder = z.infer<typeof ReminderSchema>

export const ClockInputSchema = z.strictObject({
  /** Free text describing the scenario; ignored by the computation. */
  description: text.optional(),
  kind: z.enum(REQUEST_KINDS).default('access'),
  profile: z.union([z.string().min(1, 'must not be empty'), InlineProfileSchema]).default('hipaa'),
  received: date,
  asOf: date,
  requestType: z.enum(['self', 'third-party-directive', 'authorization']).default('self'),
  events: z.array(ClockEventSchema).default([]),
  reminders: z.array(ReminderSchema).default([])
})
export type ClockInput = z.infer<typeof ClockInputSchema>
/** What a caller may pass before defaults are applied. */
export type ClockInputDraft = z.input<typeof ClockInputSchema>
