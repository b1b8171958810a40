// The audit trail's field paths ("requested.range.from", "requestedFormat") as the words the forms
// use, so the case history reads like the case page. The path itself stays in the export and a tooltip.
import { humanize } from '../../ui/format'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  patientId: 'Patient',
  organizationId: 'Records holder',
  batchId: 'Batch',
  requestKind: 'Kind of request',
  'requested.items': 'Requested records',
  'requested.range.from': 'Records from',
  'requested.range.to': 'Records to',
  'requested.description': 'Description of the records',
  requestedFormat: 'Requested format',
  deliveryManner: 'Delivery manner',
  profile: 'Rule profile',
  state: 'State',
  references: 'Reference numbers',
  assignee: 'Assigned to',
  tags: 'Tags',
  priority: 'Priority',
  notes: 'Notes',
  perspective: 'Perspective',
  requestLog: 'Request log',
  events: 'Events',
  reminders: 'Reminders',
  letters: 'Letters',
  deletedAt: 'In the trash since',
  // An event's own fields (the history of an edited event names them bare).
  type: 'Event',
  date: 'Date',
  direction: 'Direction',
  channel: 'Channel',
  summary: 'Summary',
  details: 'Details',
  note: 'Note',
  mergedFrom: 'Merged from',
  casesMoved: 'Cases moved',
  'holdersToRequest.organizationId': 'Holder to request'
}

/** "requestedFormat" → "Requested format"; "requested.range.from" → "Records from"; unknown paths word by word. */
export function historyFieldLabel(path: string): string {
  const bare = path.replace(/^(fields|patch|subject)\./, '')
  const known = FIELD_LABELS[bare]
  if (known) return known
  return bare
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => FIELD_LABELS[part] ?? humanize(part.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()))
    .join(' › ')
}
