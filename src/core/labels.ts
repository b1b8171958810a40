// Words for the codes the data uses, in one place for every front door: the window, the command line
// and the clock's own explanation all say "Escalate to the privacy officer", never
// "privacy-officer-escalation". Codes stay in the data, the export and tooltips.
import type { EscalationStepId } from './escalation/ladder'
import type { FindingCode } from './clocks/types'
import type { CaseEventType } from './schemas/case-event'

export const STEP_LABELS: Readonly<Record<EscalationStepId, string>> = {
  'follow-up': 'Follow-up letter',
  'privacy-officer-escalation': 'Escalate to the privacy officer',
  'notice-of-intent': 'Notice of intent to complain',
  'ocr-complaint': 'OCR complaint',
  'information-blocking-report': 'Information-blocking report',
  'extension-notice': 'Decide on an extension (its notice goes out by the original due date)',
  'practice-response': 'Respond: deliver the records, or send a written denial'
}

export const FINDING_LABELS: Readonly<Record<FindingCode, string>> = {
  'response-late': 'Response late',
  'extension-late': 'Extension notice sent too late',
  'extension-no-reason': 'Extension without a reason',
  'extension-no-date': 'Extension without a new date',
  'extension-too-long': 'Extension longer than allowed',
  'second-extension': 'A second extension',
  'denial-missing-elements': 'Denial missing required elements',
  'fee-not-quoted-in-advance': 'Fee not quoted in advance',
  'fee-search-retrieval': 'Fee for search and retrieval',
  'fee-per-page-electronic': 'Per-page fee for electronic copies',
  'fee-above-flat-rate': 'Fee above the flat rate',
  'format-not-honored': 'Requested format not honored',
  'in-person-required': 'In-person visit required',
  'mail-only-required': 'Requests by mail only',
  'portal-only-required': 'Requests through the portal only'
}

export const EVENT_TYPE_LABELS: Readonly<Record<CaseEventType, string>> = {
  'request-sent': 'Request sent',
  'request-received': 'Request received by holder',
  acknowledgement: 'Acknowledgement',
  'clarification-asked': 'Clarification asked',
  'clarification-answered': 'Clarification answered',
  'identity-verification-asked': 'Identity verification asked',
  'identity-verification-done': 'Identity verification done',
  'fee-quoted': 'Fee quoted',
  'fee-paid': 'Fee paid',
  'fee-disputed': 'Fee disputed',
  'extension-notice': 'Extension notice (HIPAA)',
  'state-delay-notice': 'Delay notice (state law)',
  'partial-delivery': 'Partial delivery',
  'records-delivered': 'Records delivered (complete)',
  denial: 'Denial',
  'review-requested': 'Review requested',
  'review-decided': 'Review decided',
  'requested-format': 'Format requested',
  barrier: 'Barrier',
  'follow-up-sent': 'Follow-up sent',
  'privacy-officer-escalation': 'Privacy officer escalation',
  'notice-of-intent': 'Notice of intent to complain',
  'phone-call': 'Phone call',
  note: 'Note',
  'complaint-filed': 'Complaint filed',
  'agency-acknowledged': 'Agency acknowledged the complaint',
  'step-skipped': 'Ladder step skipped',
  withdrawn: 'Withdrawn',
  resolution: 'Resolution',
  'letter-draft': 'Letter draft (not sent)'
}

/** The label of a code, or the code made readable ("some-code" → "Some code") if it has none. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  const known = labels[code]
  if (known !== undefined) return known
  const words = code.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const stepLabel = (step: string): string => labelOf(STEP_LABELS, step)
export const findingLabel = (code: string): string => labelOf(FINDING_LABELS, code)
