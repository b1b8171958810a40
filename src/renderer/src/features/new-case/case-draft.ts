import { CaseFieldsSchema, CHANNELS, PRIORITIES, RECORD_TYPES, REFERENCE_KINDS, type CaseFieldsInput, type CaseRequestKind } from '#core/schemas'
import type { RequestSent } from '#shared/channels/cases'
import { dateFieldValue } from '../../ui/date-input'
import { newLocalId } from '../../ui/format'
import { compact, issuesByPath, opt } from '../../ui/zod-errors'

export type RecordType = (typeof RECORD_TYPES)[number]
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]
export type Priority = (typeof PRIORITIES)[number]
export type ItemDraft = { id: string; recordType: RecordType; label: string }
export type RefDraft = { key: string; kind: ReferenceKind; value: string }

export type CaseDraft = {
  organizationIds: string[]
  requestKind: CaseRequestKind
  items: ItemDraft[]
  from: string
  to: string
  description: string
  requestedFormat: string
  deliveryManner: string
  profile: string
  state: string
  references: RefDraft[]
  priority: Priority
  tags: string
  assignee: string
  notes: string
  /** The day the request went out, as typed; empty for a request not sent yet. */
  sentOn: string
  sentChannel: string
}

export const newItem = (): ItemDraft => ({ id: newLocalId('item'), recordType: 'visit-notes', label: '' })
export const newRef = (): RefDraft => ({ key: newLocalId('ref'), kind: 'holder-request-id', value: '' })

export const newCaseDraft = (organizationIds: string[] = []): CaseDraft => ({
  organizationIds,
  requestKind: 'access-self',
  items: [],
  from: '',
  to: '',
  description: '',
  requestedFormat: '',
  deliveryManner: '',
  profile: 'hipaa',
  state: '',
  references: [],
  priority: 'normal',
  tags: '',
  assignee: '',
  notes: '',
  sentOn: '',
  sentChannel: ''
})

/** What every case of the batch shares (everything but the organization). */
export type SharedFields = Omit<CaseFieldsInput, 'organizationId' | 'batchId'>

export function sharedFieldsOf(d: CaseDraft, patientId: string): SharedFields {
  return {
    patientId,
    requestKind: d.requestKind,
    requested: {
      items: d.items.map((i) => ({ id: i.id, recordType: i.recordType, label: i.label })),
      range: compact({ from: opt(d.from), to: opt(d.to) }),
      ...compact({ description: opt(d.description) })
    },
    profile: d.profile,
    references: d.references.map((r) => ({ kind: r.kind, value: r.value })),
    priority: d.priority,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    ...compact({
      requestedFormat: opt(d.requestedFormat),
      deliveryManner: opt(d.deliveryManner),
      state: opt(d.state),
      assignee: opt(d.assignee),
      notes: opt(d.notes)
    })
  }
}

export type CaseCheck = { ok: true; shared: SharedFields; sent?: RequestSent } | { ok: false; errors: Record<string, string> }

/** Checks the draft with the contract's case schema; the organization choice is checked here too. */
export function checkCaseDraft(draft: CaseDraft, patientId: string): CaseCheck {
  const errors: Record<string, string> = {}
  // Dates as typed are read first: one that is not a date keeps the form open with the reason.
  const dates = { from: dateFieldValue(draft.from), to: dateFieldValue(draft.to), sentOn: dateFieldValue(draft.sentOn ?? '') }
  if (dates.from.error) errors['requested.range.from'] = dates.from.error
  if (dates.to.error) errors['requested.range.to'] = dates.to.error
  if (dates.sentOn.error) errors['sentOn'] = dates.sentOn.error
  const d: CaseDraft = { ...draft, from: dates.from.iso ?? '', to: dates.to.iso ?? '' }
  const shared = sharedFieldsOf(d, patientId)
  if (d.organizationIds.length === 0) errors['organizationId'] = 'Choose at least one organization.'
  const parsed = CaseFieldsSchema.safeParse({ ...shared, organizationId: d.organizationIds[0] ?? 'org-none' })
  if (!parsed.success) Object.assign(errors, issuesByPath(parsed.error), { ...errors })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const channel = CHANNELS.find((c) => c === draft.sentChannel)
  const sent: RequestSent | undefined = dates.sentOn.iso ? { date: dates.sentOn.iso, ...(channel && { channel }) } : undefined
  return sent ? { ok: true, shared, sent } : { ok: true, shared }
}
