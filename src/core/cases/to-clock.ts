// Translates a stored case into the clock engine's input: which request kind and request type the
// law sees, when the holder received the request, and which logged events move a clock.
import type { ClockEvent, ClockInput } from '../clocks/schema'
import type { Case, CaseEvent, CaseRequestKind, Perspective } from '../schemas'

const CLOCK_KIND: Record<CaseRequestKind, { kind: 'access' | 'amendment' | 'accounting'; requestType: 'self' | 'third-party-directive' | 'authorization' }> = {
  'access-self': { kind: 'access', requestType: 'self' },
  'access-third-party': { kind: 'access', requestType: 'third-party-directive' },
  'authorization-disclosure': { kind: 'access', requestType: 'authorization' },
  amendment: { kind: 'amendment', requestType: 'self' },
  accounting: { kind: 'accounting', requestType: 'self' }
}

/** The clock's scenario for a case, without `asOf` (the caller supplies "today"). */
export type CaseClockScenario = Omit<ClockInput, 'asOf' | 'description'> & {
  /** True when no receipt was logged and the day the request was sent stands in for it. */
  receiptAssumed: boolean
  /** Clock-relevant events dated before receipt, which the clock cannot use. */
  ignoredBeforeReceipt: number
  /** The case's own perspective, when it names one (it picks the escalation ladder); else the workspace's. */
  perspective?: Perspective
}

/**
 * The day the holder received the request: a logged receipt (fax confirmation, certified-mail
 * delivery), else the day it was sent (assumed, and said so), else unknown (no clock yet).
 */
export function receiptOf(events: ReadonlyArray<CaseEvent>): { date: string; assumed: boolean } | undefined {
  const earliest = (type: CaseEvent['type']) =>
    events.filter((e) => e.type === type).reduce<string | undefined>((min, e) => (min === undefined || e.date < min ? e.date : min), undefined)
  const received = earliest('request-received')
  if (received) return { date: received, assumed: false }
  const sent = earliest('request-sent')
  return sent ? { date: sent, assumed: true } : undefined
}

export function toClockEvent(e: CaseEvent): ClockEvent | undefined {
  switch (e.type) {
    case 'extension-notice':
      return { type: 'extension-notice', date: e.date, ...(e.reason !== undefined && { reason: e.reason }), ...(e.newDate !== undefined && { newDate: e.newDate }) }
    case 'state-delay-notice':
      return { type: 'state-delay-notice', date: e.date, ...(e.reason !== undefined && { reason: e.reason }), ...(e.newDate !== undefined && { newDate: e.newDate }) }
    case 'partial-delivery':
      return { type: 'delivered', date: e.date, complete: false, ...(e.format !== undefined && { format: e.format }) }
    case 'records-delivered':
      return { type: 'delivered', date: e.date, complete: true, ...(e.format !== undefined && { format: e.format }) }
    case 'denial': {
      const { basis, reviewable, reviewRights, complaintContact, statementOfDisagreement } = e
      return {
        type: 'denied',
        date: e.date,
        ...(basis !== undefined && { basis }),
        ...(reviewable !== undefined && { reviewable }),
        ...(reviewRights !== undefined && { reviewRights }),
        ...(complaintContact !== undefined && { complaintContact }),
        ...(statementOfDisagreement !== undefined && { statementOfDisagreement })
      }
    }
    case 'fee-quoted': {
      const { amount, method, perPage, includesSearchRetrieval, electronicCopyOfElectronicRecords, inAdvance } = e
      return {
        type: 'fee-quoted',
        date: e.date,
        amount,
        ...(method !== undefined && { method }),
        ...(perPage !== undefined && { perPage }),
        ...(includesSearchRetrieval !== undefined && { includesSearchRetrieval }),
        ...(electronicCopyOfElectronicRecords !== undefined && { electronicCopyOfElectronicRecords }),
        ...(inAdvance !== undefined && { inAdvance })
      }
    }
    case 'requested-format':
      return { type: 'requested-format', date: e.date, format: e.format }
    case 'barrier':
      return { type: 'barrier', date: e.date, kind: e.kind }
    case 'follow-up-sent':
      return { type: 'follow-up', date: e.date }
    case 'privacy-officer-escalation':
      return { type: 'privacy-officer-escalation', date: e.date }
    case 'notice-of-intent':
      return { type: 'notice-of-intent', date: e.date }
    case 'complaint-filed':
      if (e.venue === 'ocr') return { type: 'ocr-complaint', date: e.date }
      if (e.venue === 'information-blocking') return { type: 'information-blocking-report', date: e.date }
      return { type: 'state-complaint', date: e.date }
    case 'agency-acknowledged':
      return { type: 'agency-acknowledged', date: e.date, venue: e.venue }
    case 'step-skipped':
      return { type: 'step-skipped', date: e.date, step: e.step, reason: e.reason }
    case 'resolution':
      return { type: 'resolution', date: e.date }
    case 'withdrawn':
      return { type: 'withdrawn', date: e.date }
    default:
      return undefined
  }
}

export function caseClockScenario(c: Case): CaseClockScenario | undefined {
  const receipt = receiptOf(c.events)
  if (!receipt) return undefined
  const { kind, requestType } = CLOCK_KIND[c.requestKind]
  const mapped = c.events.map(toClockEvent).filter((e): e is ClockEvent => e !== undefined)
  const events = mapped.filter((e) => e.date >= receipt.date)
  // The format asked for when the case was opened counts from the day the request arrived.
  if (c.requestedFormat) events.unshift({ type: 'requested-format', date: receipt.date, format: c.requestedFormat })
  return {
    kind,
    requestType,
    profile: c.profile,
    received: receipt.date,
    events,
    reminders: c.reminders.filter((r) => r.date >= receipt.date).map((r) => ({ date: r.date, ...(r.note ? { note: r.note } : {}) })),
    receiptAssumed: receipt.assumed,
    ignoredBeforeReceipt: mapped.length - (events.length - (c.requestedFormat ? 1 : 0)),
    ...(c.perspective && { perspective: c.perspective })
  }
}
