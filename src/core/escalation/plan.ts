// Where a case stands on the ladder: which steps were taken (events in the log), which were
// skipped (set aside for this case with a reason, or passed over because a later step was taken),
// and the next step with its due date.
import { addCalendarDays, maxDate } from '../clocks/dates'
import type { EscalationStepId, LadderConfig } from './ladder'

export type StepSkip = { on: string; reason: string }

export type StepState = {
  step: EscalationStepId
  letter: string
  due: string
  status: 'taken' | 'skipped' | 'pending'
  takenOn: string | null
  /** Set when the step was skipped on purpose for this case (a `step-skipped` event), with its reason. */
  skip: StepSkip | null
}

export type NextStep = { step: EscalationStepId; due: string; letter: string }

export type EscalationPlan = { steps: StepState[]; nextStep: NextStep | null }

export type PlanInput = {
  ladder: LadderConfig
  received: string
  due: string
  /** Date each step was first taken, from the events kept as of the case's asOf. */
  takenOn: ReadonlyMap<EscalationStepId, string>
  /** Steps set aside for this case (the first skip of each counts). */
  skipped?: ReadonlyMap<EscalationStepId, StepSkip>
  /** False once the case is closed (fulfilled, denied, withdrawn): no further step is suggested. */
  clockRunning: boolean
}

export function planEscalation({ ladder, received, due, takenOn, skipped, clockRunning }: PlanInput): EscalationPlan {
  const anchorOf = new Map<EscalationStepId, string>()
  const lastTaken = ladder.steps.reduce((last, s, i) => (takenOn.has(s.step) ? i : last), -1)
  const steps = ladder.steps.map((s, i): StepState => {
    const base = s.after === 'due' ? due : (anchorOf.get(s.after) ?? due)
    // A step is never due before the request exists (e.g. a follow-up on a very short clock).
    const stepDue = maxDate(addCalendarDays(base, s.days), received)
    const taken = takenOn.get(s.step) ?? null
    // A step taken counts even if it was skipped earlier: what happened wins over what was planned.
    const skip = taken ? null : (skipped?.get(s.step) ?? null)
    // A later step counts from the day this one was taken, or set aside, else from its own due date.
    anchorOf.set(s.step, taken ?? skip?.on ?? stepDue)
    const status = taken ? 'taken' : skip || i < lastTaken ? 'skipped' : 'pending'
    return { step: s.step, letter: s.letter, due: stepDue, status, takenOn: taken, skip }
  })
  const next = clockRunning ? steps.find((s) => s.status === 'pending') : undefined
  return { steps, nextStep: next ? { step: next.step, due: next.due, letter: next.letter } : null }
}
