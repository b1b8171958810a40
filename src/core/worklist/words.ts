// Plain words for the ladder's steps and the agencies, for lists a person reads (Today, the command line).
import type { AgencyVenue, EscalationStepId } from '../escalation'

export const STEP_WORDS: Record<EscalationStepId, string> = {
  'follow-up': 'Follow-up',
  'privacy-officer-escalation': 'Escalation to the privacy officer',
  'notice-of-intent': 'Notice of intent to complain',
  'ocr-complaint': 'OCR complaint',
  'information-blocking-report': 'Information-blocking report',
  'extension-notice': 'Decision on an extension',
  'practice-response': 'Our response'
}

export const VENUE_WORDS: Record<AgencyVenue, string> = {
  ocr: 'OCR',
  'information-blocking': 'the information-blocking portal',
  state: 'the state agency'
}
