// Where a case stands on the ladder: which steps were taken (events in the log), which were
// skipped (a later step was taken first), and the next step with its due date.
import { addCalendarDays, maxDate } from '../clocks/dates'
import type { EscalationStepId, LadderConfig } from './ladder'

export type StepState = {
  step: EscalationStepId
  letter: string
  due: string
  status: 'taken' | 'skipped' | 'pending'
  takenOn: string | null
}

export type NextStep = { step: EscalationStepId; due: string; letter: string }

export type EscalationPlan = { steps: StepState[]; nextStep: NextStep | null }

export type PlanInput = {
  ladder: LadderConfig
  received: string
  due: string
  /** Date each step was first taken, from the events kept as of the case's asOf. */
  takenOn: ReadonlyMap<EscalationStepId, string>
  /** False once the case is closed (fulfilled, denied, withdrawn): no further step is suggested. */
  clockRunning: boolean
}

export function planEscalation({ ladder, received, due, takenOn, clockRunning }: PlanInput): EscalationPlan {
  const anchorOf = new Map<EscalationStepId, string>()
  const lastTaken = ladder.steps.reduce((last, s, i) => (takenOn.has(s.step) ? i : last), -1)
  const steps = ladder.steps.map((s, i): StepState => {
    const base = s.after === 'due' ? due : (anchorOf.get(s.after) ?? due)
    // A step is never due before the request exists (e.g. a follow-up on a very short clock).
    const stepDue = maxDate(addCalendarDays(base, s.days), received)
    const taken = takenOn.get(s.step) ?? null
    anchorOf.set(s.step, taken ?? stepDue)
    const status = taken ? 'taken' : i < lastTaken ? 'skipped' : 'pending'
    return { step: s.step, letter: s.letter, due: stepDue, status, takenOn: taken }
  })
  const next = clockRunning ? steps.find((s) => s.status === 'pending') : undefined
  return { steps, nextStep: next ? { step: next.step, due: next.due, letter: next.letter } : null }
}
