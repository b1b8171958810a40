// Words for the codes the data uses. Unknown codes fall back to a humanized form.
import { labelFrom } from './format'

export const statusLabel = labelFrom({
  awaiting: 'Awaiting',
  overdue: 'Overdue',
  'fulfilled-on-time': 'Fulfilled on time',
  'fulfilled-late': 'Fulfilled late',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  'not-sent': 'Not sent',
  'clock-error': 'Clock error',
  'clock-pending': 'Computing…'
})

export const eventTypeLabel = labelFrom({
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
  withdrawn: 'Withdrawn',
  resolution: 'Resolution',
  'letter-draft': 'Letter draft (not sent)'
})

export const requestKindLabel = labelFrom({
  'access-self': 'Access: own copy',
  'access-third-party': 'Access: third-party directive',
  amendment: 'Amendment',
  accounting: 'Accounting of disclosures',
  'authorization-disclosure': 'Authorization-based disclosure'
})

export const orgKindLabel = labelFrom({
  provider: 'Provider',
  hospital: 'Hospital',
  'health-plan': 'Health plan',
  lab: 'Lab',
  'business-associate': 'Business associate / copy vendor',
  hie: 'Health information exchange',
  'app-developer': 'App developer'
})

export const authorityLabel = labelFrom({
  self: 'Self',
  parent: 'Parent',
  guardian: 'Guardian',
  'health-care-poa': 'Health-care power of attorney',
  executor: 'Executor',
  other: 'Other'
})

export const recordTypeLabel = labelFrom({
  'visit-notes': 'Visit notes',
  'imaging-reports': 'Imaging reports',
  images: 'Images (films)',
  labs: 'Lab results',
  billing: 'Billing records',
  medications: 'Medications',
  'discharge-summaries': 'Discharge summaries',
  correspondence: 'Correspondence',
  other: 'Other'
})

export const stepLabel = labelFrom({
  'follow-up': 'Follow-up letter',
  'privacy-officer-escalation': 'Escalate to the privacy officer',
  'notice-of-intent': 'Notice of intent to complain',
  'ocr-complaint': 'OCR complaint',
  'information-blocking-report': 'Information-blocking report'
})

export const profileLabel = labelFrom({
  hipaa: 'HIPAA (45 CFR 164.524)',
  'hipaa-proposed-2021': 'HIPAA 2021 proposal (not in force)',
  california: 'California',
  'texas-ehr': 'Texas: electronic health records',
  'texas-physician': 'Texas: physicians',
  washington: 'Washington'
})

export const referenceKindLabel = labelFrom({
  'holder-request-id': "Holder's request id",
  'ocr-transaction': 'OCR transaction number',
  'info-blocking-claim': 'Information-blocking claim',
  'state-complaint': 'State complaint',
  other: 'Other'
})

export const backupReasonLabel = labelFrom({
  daily: 'Daily',
  manual: 'Manual',
  'pre-migration': 'Before a data upgrade',
  'pre-import': 'Before an import',
  'pre-restore': 'Before a restore'
})
