// Today: the worklist across the caseload (core/worklist), as it crosses IPC.
import { z } from 'zod'
import { DateSchema } from '../../core/schemas'
import { AGENCY_VENUES, ESCALATION_STEP_IDS, WAITING_ON } from '../../core/escalation'
import type { Worklist } from '../../core/worklist'
import { channel } from './channel'

const ActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prepare-letter'), template: z.string() }),
  z.object({ kind: z.literal('log-event'), eventType: z.literal('agency-acknowledged'), venue: z.enum(AGENCY_VENUES) }),
  z.object({ kind: z.literal('mark-sent'), letterId: z.string() }),
  z.object({ kind: z.literal('open-case') })
])

export const WorklistSchema = z.object({
  today: z.string(),
  weekEnd: z.string(),
  windowHorizon: z.string(),
  items: z.array(
    z.object({
      caseId: z.string(),
      patientName: z.string(),
      organizationName: z.string(),
      kind: z.enum(['next-step', 'agency-check', 'reminder', 'complaint-window', 'draft-letter']),
      date: z.string(),
      when: z.enum(['overdue', 'today', 'this-week', 'later']),
      title: z.string(),
      step: z.enum(ESCALATION_STEP_IDS).nullable(),
      action: ActionSchema
    })
  ),
  counts: z.object({
    total: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byWaitingOn: z.object(Object.fromEntries([...WAITING_ON, 'none'].map((k) => [k, z.number()])) as Record<(typeof WAITING_ON)[number] | 'none', z.ZodNumber>)
  })
}) satisfies z.ZodType<Worklist>
export type WorklistValue = z.infer<typeof WorklistSchema>

export const worklistChannels = {
  /** What needs doing today and this week, with counts; `asOf` stands in for today (tests, "as of" views). */
  'worklist.today': channel(z.strictObject({ asOf: DateSchema.optional() }), WorklistSchema)
}
