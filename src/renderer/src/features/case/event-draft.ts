// The add-event form's draft: every field as the person typed it, and the one function that turns
// it into a contract input (leaving out what was not answered, because unknown is not "no").
import { CaseEventInputSchema, type CaseEvent, type CaseEventInput, type CaseEventType } from '#core/schemas'
import { dateFieldValue } from '../../ui/date-input'
import { formatDay, todayIso } from '../../ui/format'
import { boolToTri, triToBool, type TriState } from '../../ui/Field'

export type EventDraft = {
  type: CaseEventType
  date: string
  direction: 'outgoing' | 'incoming' | 'internal'
  directionTouched: boolean
  channel: string
  summary: string
  body: string
  proofOfDelivery: string
  amount: string
  method: string
  perPage: TriState
  includesSearchRetrieval: TriState
  electronicCopyOfElectronicRecords: TriState
  inAdvance: TriState
  reason: string
  newDate: string
  basis: string
  reviewable: TriState
  reviewRights: TriState
  complaintContact: TriState
  statementOfDisagreement: TriState
  items: string[]
  format: string
  kind: string
  venue: string
  /** A ladder step (step-skipped). */
  step: string
  reviewOutcome: string
  resolutionOutcome: string
}

export const newDraft = (type: CaseEventType = 'request-sent'): EventDraft => ({
  type,
  date: todayIso(),
  direction: typicalDirection(type),
  directionTouched: false,
  channel: '',
  summary: '',
  body: '',
  proofOfDelivery: '',
  amount: '',
  method: '',
  perPage: '',
  includesSearchRetrieval: '',
  electronicCopyOfElectronicRecords: '',
  inAdvance: '',
  reason: '',
  newDate: '',
  basis: '',
  reviewable: '',
  reviewRights: '',
  complaintContact: '',
  statementOfDisagreement: '',
  items: [],
  format: '',
  kind: '',
  venue: '',
  step: '',
  reviewOutcome: '',
  resolutionOutcome: ''
})

const OUTGOING = new Set<CaseEventType>([
  'request-sent',
  'clarification-answered',
  'identity-verification-done',
  'fee-paid',
  'fee-disputed',
  'review-requested',
  'requested-format',
  'follow-up-sent',
  'privacy-officer-escalation',
  'notice-of-intent',
  'complaint-filed',
  'withdrawn'
])
const INCOMING = new Set<CaseEventType>([
  'request-received',
  'acknowledgement',
  'clarification-asked',
  'identity-verification-asked',
  'fee-quoted',
  'extension-notice',
  'state-delay-notice',
  'partial-delivery',
  'records-delivered',
  'denial',
  'review-decided',
  'barrier',
  'agency-acknowledged'
])

/** Which way an event of this type usually travels, as a starting point the user can change. */
export function typicalDirection(type: CaseEventType): EventDraft['direction'] {
  if (OUTGOING.has(type)) return 'outgoing'
  if (INCOMING.has(type)) return 'incoming'
  return 'internal'
}

export type { FieldErrors } from '../../api/field-errors'
import type { FieldErrors } from '../../api/field-errors'
export type BuildResult = { ok: true; input: CaseEventInput } | { ok: false; errors: FieldErrors }

const text = (v: string) => (v.trim() === '' ? undefined : v.trim())
const bool = (v: TriState) => triToBool(v)

/** Drops keys whose value is undefined, so the strict schema sees only what was answered. */
const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

function specific(d: EventDraft, errors: FieldErrors): Record<string, unknown> {
  const amount = () => {
    if (d.amount.trim() === '') {
      errors['amount'] = 'Enter the amount (0 if there is no fee).'
      return undefined
    }
    const n = Number(d.amount.replace(/[$,\s]/g, ''))
    if (!Number.isFinite(n)) errors['amount'] = `"${d.amount}" is not an amount of money.`
    return n
  }
  switch (d.type) {
    case 'fee-quoted':
      return {
        amount: amount(),
        method: text(d.method),
        perPage: bool(d.perPage),
        includesSearchRetrieval: bool(d.includesSearchRetrieval),
        electronicCopyOfElectronicRecords: bool(d.electronicCopyOfElectronicRecords),
        inAdvance: bool(d.inAdvance)
      }
    case 'fee-paid':
      return { amount: amount() }
    case 'extension-notice':
    case 'state-delay-notice': {
      const promised = dateFieldValue(d.newDate)
      if (promised.error) errors['newDate'] = promised.error
      return { reason: text(d.reason), newDate: promised.iso }
    }
    case 'partial-delivery':
    case 'records-delivered':
      return { items: d.items, format: text(d.format) }
    case 'denial':
      return {
        basis: text(d.basis),
        reviewable: bool(d.reviewable),
        reviewRights: bool(d.reviewRights),
        complaintContact: bool(d.complaintContact),
        statementOfDisagreement: bool(d.statementOfDisagreement)
      }
    case 'review-decided':
      return { outcome: text(d.reviewOutcome) }
    case 'requested-format':
      if (!text(d.format)) errors['format'] = 'Say which format was asked for (e.g. PDF by e-mail).'
      return { format: text(d.format) }
    case 'barrier':
      if (!d.kind) errors['kind'] = 'Choose the kind of barrier.'
      return { kind: text(d.kind) }
    case 'complaint-filed':
      if (!d.venue) errors['venue'] = 'Choose where the complaint was filed.'
      return { venue: text(d.venue) }
    case 'agency-acknowledged':
      if (!d.venue) errors['venue'] = 'Choose which agency acknowledged the complaint.'
      return { venue: text(d.venue) }
    case 'step-skipped':
      if (!d.step) errors['step'] = 'Choose the step to skip.'
      if (!text(d.reason)) errors['reason'] = 'Say why this step does not fit the case (it goes in the clock’s explanation).'
      return { step: text(d.step), reason: text(d.reason) }
    case 'resolution':
      return { outcome: text(d.resolutionOutcome) }
    default:
      return {}
  }
}

/** Validates the draft with the contract's own schema; errors are keyed by field name. */
export function buildEventInput(d: EventDraft): BuildResult {
  const errors: FieldErrors = {}
  // The date as typed (MM/DD/YYYY here, DD/MM/YYYY there): what it cannot be is said in its terms.
  const date = dateFieldValue(d.date, { required: true })
  if (date.error) errors['date'] = date.error
  const candidate = defined({
    type: d.type,
    date: date.iso,
    direction: d.direction,
    channel: text(d.channel),
    summary: d.summary.trim(),
    body: d.body.trim() === '' ? undefined : d.body,
    proofOfDelivery: text(d.proofOfDelivery),
    ...defined(specific(d, errors))
  })
  const parsed = CaseEventInputSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      errors[key] ??= issue.message
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, input: parsed.data }
}

/** An event as it was logged, as a draft the edit dialog starts from. */
export function draftOfEvent(e: CaseEvent): EventDraft {
  const d: EventDraft = {
    ...newDraft(e.type),
    date: e.date,
    direction: e.direction,
    directionTouched: true,
    channel: e.channel ?? '',
    summary: e.summary,
    body: e.body ?? '',
    proofOfDelivery: e.proofOfDelivery ?? ''
  }
  switch (e.type) {
    case 'fee-quoted':
      return {
        ...d,
        amount: String(e.amount),
        method: e.method ?? '',
        perPage: boolToTri(e.perPage),
        includesSearchRetrieval: boolToTri(e.includesSearchRetrieval),
        electronicCopyOfElectronicRecords: boolToTri(e.electronicCopyOfElectronicRecords),
        inAdvance: boolToTri(e.inAdvance)
      }
    case 'fee-paid':
      return { ...d, amount: String(e.amount) }
    case 'extension-notice':
    case 'state-delay-notice':
      return { ...d, reason: e.reason ?? '', newDate: e.newDate ?? '' }
    case 'partial-delivery':
    case 'records-delivered':
      return { ...d, items: [...e.items], format: e.format ?? '' }
    case 'denial':
      return {
        ...d,
        basis: e.basis ?? '',
        reviewable: boolToTri(e.reviewable),
        reviewRights: boolToTri(e.reviewRights),
        complaintContact: boolToTri(e.complaintContact),
        statementOfDisagreement: boolToTri(e.statementOfDisagreement)
      }
    case 'review-decided':
      return { ...d, reviewOutcome: e.outcome ?? '' }
    case 'requested-format':
      return { ...d, format: e.format }
    case 'barrier':
      return { ...d, kind: e.kind }
    case 'complaint-filed':
    case 'agency-acknowledged':
      return { ...d, venue: e.venue }
    case 'step-skipped':
      return { ...d, step: e.step, reason: e.reason }
    case 'resolution':
      return { ...d, resolutionOutcome: e.outcome ?? '' }
    default:
      return d
  }
}

/** Kept as they are by the edit form: the system's own fields, and lists the form does not show. */
const NOT_EDITED = new Set(['id', 'type', 'createdAt', 'updatedAt', 'attachments', 'itemization', 'loggedBy'])

/**
 * Only what changed between the logged event and the edited one: a new value replaces the old,
 * `null` clears a field that was answered before and is now left empty.
 */
export function eventPatch(old: CaseEvent, edited: CaseEventInput): Record<string, unknown> {
  const before = old as Record<string, unknown>
  const after = edited as Record<string, unknown>
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !NOT_EDITED.has(k)))
  const patch: Record<string, unknown> = {}
  for (const k of keys) {
    const a = after[k]
    if (JSON.stringify(before[k]) !== JSON.stringify(a)) patch[k] = a === undefined ? null : a
  }
  return patch
}

/** The types that start a request: an event dated before them is dated before the request. */
const STARTS = new Set<CaseEventType>(['request-sent', 'request-received'])

/**
 * Said while the date is typed, not after saving: an event dated before the request went out
 * (or was received) is most often a typo in the year or month. It does not block saving: a
 * phone call before the written request is real.
 */
export function predatesRequestWarning(type: CaseEventType, typed: string, events: ReadonlyArray<Pick<CaseEvent, 'type' | 'date'>>, ignoreEventId?: string): string | null {
  if (STARTS.has(type)) return null
  const read = dateFieldValue(typed)
  if (!read.iso) return null
  const starts = events.filter((e) => STARTS.has(e.type) && (ignoreEventId === undefined || (e as { id?: string }).id !== ignoreEventId)).map((e) => e.date).sort()
  const first = starts[0]
  if (first === undefined || read.iso >= first) return null
  const which = events.find((e) => e.date === first && STARTS.has(e.type))?.type === 'request-received' ? 'was received' : 'was sent'
  return `This is before the request ${which} (${formatDay(first)}). Check the date; you can still save it if it is right.`
}
