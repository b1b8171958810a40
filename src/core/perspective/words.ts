// The words that change with the perspective. An advocate sends a request and waits on the holder;
// a records office receives one and answers it: "our acknowledgement", "our response". Codes stay
// the same on both sides; only what a person reads differs.
import type { CaseEvent, Perspective } from '../schemas'

type EventType = CaseEvent['type']

/** Event types whose label reads differently from the practice's side (the rest read the same). */
const PRACTICE_EVENT_WORDS: Partial<Record<EventType, string>> = {
  'request-received': 'Request received',
  'request-sent': 'Request sent by the requester',
  acknowledgement: 'Our acknowledgement sent',
  'clarification-asked': 'We asked for clarification',
  'clarification-answered': 'Requester clarified',
  'identity-verification-asked': 'We asked for identity verification',
  'identity-verification-done': 'Identity verified',
  'fee-quoted': 'Our fee estimate',
  'fee-paid': 'Fee paid by the requester',
  'fee-disputed': 'Fee disputed by the requester',
  'extension-notice': 'Our extension notice (HIPAA)',
  'state-delay-notice': 'Our delay notice (state law)',
  'partial-delivery': 'Our response: partial delivery',
  'records-delivered': 'Our response: records delivered (complete)',
  denial: 'Our response: written denial',
  'review-requested': 'Requester asked for a review',
  'review-decided': 'Review decided',
  'follow-up-sent': 'Follow-up from the requester',
  'complaint-filed': 'Complaint filed against us'
}

export function eventWord(perspective: Perspective, type: EventType): string | undefined {
  return perspective === 'practice' ? PRACTICE_EVENT_WORDS[type] : undefined
}

/** Words for the screens: section names, the other party, the request's own date. */
export type Words = {
  caseload: string
  caseloadTitle: string
  newCase: string
  holder: string
  requester: string
  requestDate: string
  response: string
  perspectiveName: string
}

export const WORDS: Readonly<Record<Perspective, Words>> = {
  advocate: {
    caseload: 'Caseload',
    caseloadTitle: 'Caseload',
    newCase: 'New request',
    holder: 'Records holder',
    requester: 'Patient',
    requestDate: 'Request sent',
    response: 'Holder’s response',
    perspectiveName: 'advocate'
  },
  practice: {
    caseload: 'Request log',
    caseloadTitle: 'Requests we received',
    newCase: 'Log a request received',
    holder: 'Our office',
    requester: 'Requester',
    requestDate: 'Request received',
    response: 'Our response',
    perspectiveName: 'practice'
  }
}

export const wordsFor = (perspective: Perspective): Words => WORDS[perspective]
