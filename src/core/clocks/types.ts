// The clock's output: the JSON shape plus a few extra fields (marked) that the app shows.
import type { AgencyState } from '../escalation/agency'
import type { NextStep, StepState } from '../escalation/plan'

export const FINDING_CODES = [
  'response-late',
  'extension-late',
  'extension-no-reason',
  'extension-no-date',
  'extension-too-long',
  'second-extension',
  'denial-missing-elements',
  'fee-not-quoted-in-advance',
  'fee-search-retrieval',
  'fee-per-page-electronic',
  'fee-above-flat-rate',
  'format-not-honored',
  'in-person-required',
  'mail-only-required',
  'portal-only-required'
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

export type Finding = { code: FindingCode; message: string; date: string; citation: string }

export const CLOCK_STATUSES = ['awaiting', 'overdue', 'fulfilled-on-time', 'fulfilled-late', 'denied', 'withdrawn'] as const
export type ClockStatus = (typeof CLOCK_STATUSES)[number]

export type ClockResult = {
  due: string
  originalDue: string
  status: ClockStatus
  daysLate: number | null
  daysRemaining: number | null
  findings: Finding[]
  complaintWindowCloses: string | null
  nextStep: NextStep | null
  controllingRule: string
  explanation: string[]
  /** Extra: shown from 30 days before the complaint window closes, and after it closed. */
  complaintWindowWarning: string | null
  /** Extra: the profile id and version used, e.g. "hipaa@2003-04-14" or "california@1 + hipaa@2003-04-14". */
  profileVersion: string
  /** Extra: things the user should know about the rules applied (profile not in force, proposal…). */
  warnings: string[]
  /** Extra: every ladder step with its due date and whether it was taken or skipped. */
  escalation: StepState[]
  /** Extra: the complaints filed with agencies and the check that is next; null while none is open. */
  agency: AgencyState | null
  /** Extra: personal reminders dated on or after asOf, earliest first. */
  reminders: Array<{ date: string; note: string | null }>
  /** Only with the `hipaaAlone` option, for a state overlay: the same case judged under HIPAA alone. */
  hipaaAlone?: HipaaAloneClock
}

/** The figures of a clock under HIPAA alone (what the profile "hipaa" gives), without its explanation. */
export type HipaaAloneClock = Pick<ClockResult, 'due' | 'originalDue' | 'status' | 'daysLate' | 'daysRemaining' | 'findings' | 'controllingRule' | 'profileVersion'>
