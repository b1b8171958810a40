// The escalation ladder, the next-step function the clock uses, and the states after a complaint.
export {
  DEFAULT_LADDER,
  ESCALATION_STEP_IDS,
  LadderConfigSchema,
  LadderStepSchema,
  type EscalationStepId,
  type LadderConfig,
  type LadderStep
} from './ladder'
export { planEscalation, type EscalationPlan, type NextStep, type PlanInput, type StepSkip, type StepState } from './plan'
export { AGENCY_CHECK_DEFAULT_DAYS, AGENCY_REFERENCE_KIND, AGENCY_VENUES, AgencyCheckDaysSchema, type AgencyVenue } from './agency-config'
export { agencyReference, agencyState, parseReferences, type AgencyFiling, type AgencyInput, type AgencyState } from './agency'
export { waitingOnOf, WAITING_ON, type WaitingOn, type WaitingOnInput } from './waiting-on'
