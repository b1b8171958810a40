// The "Edit request" dialog's draft, and the patch it sends: only the fields that changed, `null`
// for an optional field emptied, lists (tags, references) whole when they changed.
import { CaseFieldsSchema, patchSchema, type Case, type CaseFieldsInput, type Patch } from '#core/schemas'
import { dateFieldValue, formatDateInput } from '../../ui/date-input'
import { newLocalId } from '../../ui/format'
import { compact, issuesByPath, opt } from '../../ui/zod-errors'
import type { ItemDraft, Priority, RefDraft } from '../new-case/case-draft'

export type RequestDraft = {
  priority: Priority
  tags: string
  references: RefDraft[]
  requestedFormat: string
  deliveryManner: string
  profile: string
  state: string
  assignee: string
  patientId: string
  organizationId: string
  notes: string
  description: string
  from: string
  to: string
  items: ItemDraft[]
  /** The date of the case's first "Request sent", as typed; edited on that event (or logged as one). */
  sentOn: string
}

export const requestDraftOf = (c: Case): RequestDraft => ({
  priority: c.priority,
  tags: c.tags.join(', '),
  references: c.references.map((r) => ({ key: newLocalId('ref'), kind: r.kind, value: r.value })),
  requestedFormat: c.requestedFormat ?? '',
  deliveryManner: c.deliveryManner ?? '',
  profile: c.profile,
  state: c.state ?? '',
  assignee: c.assignee ?? '',
  patientId: c.patientId,
  organizationId: c.organizationId,
  notes: c.notes ?? '',
  description: c.requested.description ?? '',
  from: c.requested.range.from ? formatDateInput(c.requested.range.from) : '',
  to: c.requested.range.to ? formatDateInput(c.requested.range.to) : '',
  items: c.requested.items.map((i) => ({ ...i })),
  sentOn: firstSent(c) ? formatDateInput(firstSent(c)?.date ?? '') : ''
})

/** The case's first "Request sent" event, the one the sent date stands for. */
export const firstSent = (c: Pick<Case, 'events'>) => [...c.events].filter((e) => e.type === 'request-sent').sort((a, b) => a.date.localeCompare(b.date))[0]

const CasePatchSchema = patchSchema(CaseFieldsSchema)
type CasePatch = Patch<CaseFieldsInput>

export const tagList = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The sent date to write: a new date for the first "Request sent", or one to log; absent when unchanged. */
export type SentChange = { eventId: string; date: string } | { eventId: null; date: string }
export type RequestCheck = { ok: true; patch: CasePatch; sent?: SentChange } | { ok: false; errors: Record<string, string> }

export function checkRequestDraft(c: Case, d: RequestDraft): RequestCheck {
  const patch: Record<string, unknown> = {}
  const errors: Record<string, string> = {}
  if (d.patientId && d.patientId !== c.patientId) patch['patientId'] = d.patientId
  if (d.organizationId && d.organizationId !== c.organizationId) patch['organizationId'] = d.organizationId
  const notes = opt(d.notes)
  if (notes === undefined && c.notes !== undefined) patch['notes'] = null
  else if (notes !== undefined && notes !== c.notes) patch['notes'] = notes
  // The request's own facts travel together (items, range, description), as the schema keeps them.
  const from = dateFieldValue(d.from)
  const to = dateFieldValue(d.to)
  if (from.error) errors['requested.range.from'] = from.error
  if (to.error) errors['requested.range.to'] = to.error
  const requested = {
    items: d.items.map((i) => ({ id: i.id, recordType: i.recordType, label: i.label.trim() })),
    range: compact({ from: from.iso, to: to.iso }),
    ...compact({ description: opt(d.description) })
  }
  const before = { items: c.requested.items.map((i) => ({ id: i.id, recordType: i.recordType, label: i.label })), range: compact({ from: c.requested.range.from, to: c.requested.range.to }), ...compact({ description: c.requested.description }) }
  if (!same(requested, before)) patch['requested'] = requested
  const sentRead = dateFieldValue(d.sentOn)
  if (sentRead.error) errors['sentOn'] = sentRead.error
  const logged = firstSent(c)
  let sent: SentChange | undefined
  if (sentRead.iso && sentRead.iso !== logged?.date) sent = logged ? { eventId: logged.id, date: sentRead.iso } : { eventId: null, date: sentRead.iso }
  if (!sentRead.iso && !sentRead.error && logged) errors['sentOn'] = 'The request is logged as sent; to take that back, edit or remove its "Request sent" event in the log.'
  if (d.priority !== c.priority) patch['priority'] = d.priority
  if (d.profile !== c.profile) patch['profile'] = d.profile
  const tags = tagList(d.tags)
  if (!same(tags, c.tags)) patch['tags'] = tags
  const references = d.references.map((r) => ({ kind: r.kind, value: r.value.trim() }))
  if (!same(references, c.references)) patch['references'] = references
  const optional = (key: 'requestedFormat' | 'deliveryManner' | 'assignee' | 'state', normalize: (v: string) => string = (v) => v) => {
    const typed = opt(d[key])
    const next = typed === undefined ? undefined : normalize(typed)
    const before = c[key]
    if (next === undefined && before !== undefined) patch[key] = null
    else if (next !== undefined && next !== before) patch[key] = next
  }
  optional('requestedFormat')
  optional('deliveryManner')
  optional('assignee')
  optional('state', (v) => v.toUpperCase())
  const parsed = CasePatchSchema.safeParse(patch)
  if (!parsed.success) Object.assign(errors, issuesByPath(parsed.error), { ...errors })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return sent ? { ok: true, patch: patch as CasePatch, sent } : { ok: true, patch: patch as CasePatch }
}

export const REQUEST_FIELD_NAMES: Record<string, string> = {
  priority: 'Priority',
  profile: 'Rule profile',
  tags: 'Tags',
  requestedFormat: 'Requested format',
  deliveryManner: 'Delivery manner',
  state: 'State',
  assignee: 'Advocate',
  patientId: 'Patient',
  organizationId: 'Records holder',
  notes: 'Notes',
  requested: 'What is requested',
  'requested.range.from': 'Records from',
  'requested.range.to': 'Records to',
  'requested.description': 'Description',
  sentOn: 'Request sent on'
}
