// The escalation ladder and the next-step function the clock uses.
export {
  DEFAULT_LADDER,
  ESCALATION_STEP_IDS,
  LadderConfigSchema,
  LadderStepSchema,
  type EscalationStepId,
  type LadderConfig,
  type LadderStep
} from './ladder'
export { planEscalation, type EscalationPlan, type NextStep, type PlanInput, type StepState } from './plan'
