// The clock's result as it crosses IPC. `satisfies` ties it to the engine's own type, so the two
// cannot drift apart silently.
import { z } from 'zod'
import { CLOCK_STATUSES, FINDING_CODES, type ClockResult } from '../../core/clocks/types'
import { AGENCY_VENUES, ESCALATION_STEP_IDS } from '../../core/escalation'

const NextStepSchema = z.object({ step: z.enum(ESCALATION_STEP_IDS), due: z.string(), letter: z.string() })

export const ClockResultSchema = z.object({
  due: z.string(),
  originalDue: z.string(),
  status: z.enum(CLOCK_STATUSES),
  daysLate: z.number().nullable(),
  daysRemaining: z.number().nullable(),
  findings: z.array(z.object({ code: z.enum(FINDING_CODES), message: z.string(), date: z.string(), citation: z.string() })),
  complaintWindowCloses: z.string().nullable(),
  nextStep: NextStepSchema.nullable(),
  controllingRule: z.string(),
  explanation: z.array(z.string()),
  complaintWindowWarning: z.string().nullable(),
  profileVersion: z.string(),
  warnings: z.array(z.string()),
  escalation: z.array(
    z.object({
      step: z.enum(ESCALATION_STEP_IDS),
      letter: z.string(),
      due: z.string(),
      status: z.enum(['taken', 'skipped', 'pending']),
      takenOn: z.string().nullable(),
      skip: z.object({ on: z.string(), reason: z.string() }).nullable()
    })
  ),
  agency: z
    .object({
      filings: z.array(
        z.object({ venue: z.enum(AGENCY_VENUES), filedOn: z.string(), acknowledgedOn: z.string().nullable(), checkDue: z.string().nullable() })
      ),
      nextCheck: z.object({ venue: z.enum(AGENCY_VENUES), due: z.string() }).nullable()
    })
    .nullable(),
  reminders: z.array(z.object({ date: z.string(), note: z.string().nullable() }))
}) satisfies z.ZodType<ClockResult>

export const CaseClockSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-sent') }),
  z.object({ state: z.literal('ok'), result: ClockResultSchema, receiptAssumed: z.boolean() }),
  z.object({ state: z.literal('error'), message: z.string() })
])
