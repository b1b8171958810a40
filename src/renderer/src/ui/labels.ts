// Words for the codes the data uses. Unknown codes fall back to a humanized form.
import { EVENT_TYPE_LABELS, FINDING_LABELS, STEP_LABELS } from '#core/labels'
import { builtInTemplates } from '#core/letters'
import { eventWord } from '#core/perspective'
import type { CaseEvent, Perspective } from '#core/schemas'
import { labelFrom } from './format'
import { wordingPerspective } from './perspective-words'

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

const eventTypeBase = labelFrom(EVENT_TYPE_LABELS)

export const waitingOnLabel = labelFrom({
  me: 'Needs my action',
  holder: 'Waiting on the holder',
  agency: 'With the agency'
})

export const venueLabel = labelFrom({
  ocr: 'HHS Office for Civil Rights (OCR)',
  'information-blocking': 'Information-blocking portal (ONC/OIG)',
  state: 'State agency'
})

/** An event type as the workspace's side reads it ("Our extension notice" for a practice). */
export const eventTypeLabel = (code: string): string => eventTypeLabelFor(wordingPerspective(), code)

/** The same, for a given side: a component that reads the perspective reactively passes it in. */
export const eventTypeLabelFor = (perspective: Perspective, code: string): string => eventWord(perspective, code as CaseEvent['type']) ?? eventTypeBase(code)

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

export const stepLabel = labelFrom(STEP_LABELS)
export const findingLabel = labelFrom(FINDING_LABELS)

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

/** A letter template by its title (a built-in one; a saved copy keeps its id readable). */
// Built on first use: the templates are parsed when first asked for, not while the window starts.
let templateTitles: ((code: string) => string) | undefined
export const letterTemplateLabel = (code: string): string =>
  (templateTitles ??= labelFrom(Object.fromEntries(builtInTemplates().map((t) => [t.id, t.title]))))(code)

/** A requested item in words: "Visit notes", or "2024 MRI (Imaging reports)" when the label says something the type does not. */
export function checklistItemLabel(item: { label: string; recordType: string }): string {
  const type = recordTypeLabel(item.recordType)
  return item.label.trim().toLowerCase() === type.toLowerCase() ? item.label : `${item.label} (${type})`
}
