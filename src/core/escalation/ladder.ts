// The escalation ladder: what an advocate does, in order, when records are late (as advocates describe it), and
// when each step falls due. Configurable; each step names the letter that fits it.
import { z } from 'zod'

export const ESCALATION_STEP_IDS = [
  'follow-up',
  'privacy-officer-escalation',
  'notice-of-intent',
  'ocr-complaint',
  'information-blocking-report',
  // A practice's own steps (core/perspective/ladder.ts): the extension decision, then the response.
  'extension-notice',
  'practice-response'
] as const
export type EscalationStepId = (typeof ESCALATION_STEP_IDS)[number]

export const LadderStepSchema = z.strictObject({
  step: z.enum(ESCALATION_STEP_IDS),
  /** Stable id of the letter template for this step. */
  letter: z.string().min(1, 'must not be empty'),
  /** What the delay counts from: the due date, or an earlier step (its date taken, else its date due). */
  after: z.union([z.literal('due'), z.enum(ESCALATION_STEP_IDS)]),
  /** Calendar days after the anchor; negative is before it. */
  days: z.number().int()
})
export type LadderStep = z.infer<typeof LadderStepSchema>

export const LadderConfigSchema = z
  .strictObject({ steps: z.array(LadderStepSchema).min(1, 'needs at least one step') })
  .superRefine((ladder, ctx) => {
    const seen = new Set<string>()
    for (const [i, s] of ladder.steps.entries()) {
      if (seen.has(s.step)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'step'], message: `"${s.step}" appears twice` })
      if (s.after !== 'due' && !seen.has(s.after)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'after'], message: `"${s.after}" must be an earlier step of the ladder` })
      }
      seen.add(s.step)
    }
  })
export type LadderConfig = z.infer<typeof LadderConfigSchema>

// App defaults from issue 5, not legal numbers: follow up a week before the due date, go to the
// privacy officer the day after it, give notice of intent a week later, then complain a week after that.
const FOLLOW_UP_LEAD = -7
const DAY_AFTER_DUE = 1
const WEEK = 7

export const DEFAULT_LADDER: LadderConfig = {
  steps: [
    { step: 'follow-up', letter: 'follow-up', after: 'due', days: FOLLOW_UP_LEAD },
    { step: 'privacy-officer-escalation', letter: 'privacy-officer-escalation', after: 'due', days: DAY_AFTER_DUE },
    { step: 'notice-of-intent', letter: 'notice-of-intent', after: 'privacy-officer-escalation', days: WEEK },
    { step: 'ocr-complaint', letter: 'ocr-complaint', after: 'notice-of-intent', days: WEEK },
    { step: 'information-blocking-report', letter: 'information-blocking-report', after: 'notice-of-intent', days: WEEK }
  ]
}
