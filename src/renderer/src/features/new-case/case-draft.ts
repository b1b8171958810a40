import { CaseFieldsSchema, PRIORITIES, RECORD_TYPES, REFERENCE_KINDS, type CaseFieldsInput, type CaseRequestKind } from '#core/schemas'
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
  notes: ''
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

export type CaseCheck = { ok: true; shared: SharedFields } | { ok: false; errors: Record<string, string> }

/** Checks the draft with the contract's case schema; the organization choice is checked here too. */
export function checkCaseDraft(d: CaseDraft, patientId: string): CaseCheck {
  const shared = sharedFieldsOf(d, patientId)
  const errors: Record<string, string> = {}
  if (d.organizationIds.length === 0) errors['organizationId'] = 'Choose at least one organization.'
  const parsed = CaseFieldsSchema.safeParse({ ...shared, organizationId: d.organizationIds[0] ?? 'org-none' })
  if (!parsed.success) Object.assign(errors, issuesByPath(parsed.error), errors)
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, shared }
}
