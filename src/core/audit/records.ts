// One request as the audit sees it: its clocks as of the audit day (from the clock engine, once under
// the case's own rule and once under HIPAA alone), plus the recorded facts the metrics count.
// Nothing here counts deadline days: due dates, lateness and findings all come from computeClock.
import { computeClock, ClockInputError, diffCalendarDays, type ClockEvent, type ClockInput, type ClockResult, type ProfileDefinition } from '../clocks'
import { caseClockScenario } from '../cases/to-clock'
import type { LadderConfig } from '../escalation'
import type { Case, Perspective } from '../schemas'

export type AuditOptions = {
  savedProfiles?: ReadonlyArray<ProfileDefinition>
  ladder?: LadderConfig
  /** The workspace's perspective, for cases that do not name their own. */
  perspective?: Perspective
}

/** What the audit keeps of a clock: the figures, not the explanation (10,000 of those would only weigh on memory). */
export type AuditClock = Pick<ClockResult, 'due' | 'originalDue' | 'status' | 'daysLate' | 'daysRemaining' | 'findings' | 'controllingRule' | 'profileVersion'>

const slim = (c: ClockResult): AuditClock => ({
  due: c.due,
  originalDue: c.originalDue,
  status: c.status,
  daysLate: c.daysLate,
  daysRemaining: c.daysRemaining,
  findings: c.findings,
  controllingRule: c.controllingRule,
  profileVersion: c.profileVersion
})

export type FeeFacts = { assessed: boolean; quotes: Array<Extract<ClockEvent, { type: 'fee-quoted' }>> }

export type AuditRecord = {
  id: string
  organizationId: string
  patientId: string
  requestKind: Case['requestKind']
  perspective: Perspective
  profile: string
  requesterType: string
  site: string | null
  staff: string | null
  received: string | null
  /** As of the audit day; null when the request has no receipt yet or its clock could not be computed. */
  clock: AuditClock | null
  /** The same request under HIPAA alone (the very same result when the case's rule is HIPAA). */
  hipaa: AuditClock | null
  clockError: string | null
  /** The first complete delivery or denial on or before the audit day (the response that ends the clock). */
  response: { date: string; kind: 'delivered' | 'denied' } | null
  withdrawn: string | null
  /** Calendar days from receipt to that response (the receipt is day 0). */
  daysToRespond: number | null
  extensionNotices: number
  fees: FeeFacts
  /** True when a complete delivery recorded its format and a format had been requested before it. */
  formatCompared: boolean
  /** True when a denial was recorded and the engine assesses its contents (access requests). */
  denialAssessed: boolean
  review: { requested: string; decided: string | null } | null
  followUps: number
}

const REQUESTER_OF_KIND: Record<Case['requestKind'], string> = {
  'access-self': 'self',
  'access-third-party': 'third-party-directive',
  'authorization-disclosure': 'authorization-other',
  amendment: 'self',
  accounting: 'self'
}

const earliest = (dates: ReadonlyArray<string>): string | null => dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null)

export function auditRecordOf(c: Case, asOf: string, options: AuditOptions = {}): AuditRecord {
  const scenario = caseClockScenario(c)
  const onOrBefore = (d: string) => d <= asOf
  const caseEvents = c.events.filter((e) => onOrBefore(e.date))
  const reviewRequested = earliest(caseEvents.filter((e) => e.type === 'review-requested').map((e) => e.date))
  const reviewDecided = reviewRequested ? earliest(caseEvents.filter((e) => e.type === 'review-decided' && e.date >= reviewRequested).map((e) => e.date)) : null
  // Every record is built by `record` below with all its fields in one literal: spreading a partial
  // object into a 25-field one left V8 with slow (dictionary) objects, and every metric read them.
  const base: RecordBase = {
    id: c.id,
    organizationId: c.organizationId,
    patientId: c.patientId,
    requestKind: c.requestKind,
    perspective: c.perspective ?? options.perspective ?? 'advocate',
    profile: c.profile,
    requesterType: c.requestLog?.requesterType ?? REQUESTER_OF_KIND[c.requestKind],
    site: c.requestLog?.site ?? null,
    staff: c.requestLog?.staff ?? c.assignee ?? null,
    review: reviewRequested ? { requested: reviewRequested, decided: reviewDecided } : null,
    // In audit mode the requester's follow-ups are logged as incoming follow-ups; an advocate's own as outgoing.
    followUps: caseEvents.filter((e) => e.type === 'follow-up-sent').length
  }
  const empty: RecordFacts = {
    received: null,
    clock: null,
    hipaa: null,
    clockError: null,
    response: null,
    withdrawn: null,
    daysToRespond: null,
    extensionNotices: 0,
    fees: { assessed: false, quotes: [] },
    formatCompared: false,
    denialAssessed: false
  }
  if (!scenario) return record(base, empty)
  // The engine's input written out field by field: an object made by rest-destructuring (or spread
  // from one) is a slow dictionary-mode object for V8, and the engine reads it at every step.
  const input: ClockInput = {
    kind: scenario.kind,
    profile: scenario.profile,
    received: scenario.received,
    // A report as of a day before receipt still shows the request: its clock as of its receipt.
    asOf: asOf < scenario.received ? scenario.received : asOf,
    requestType: scenario.requestType,
    events: scenario.events,
    reminders: scenario.reminders
  }
  const day = input.asOf
  const engine = { ...(options.savedProfiles && { savedProfiles: options.savedProfiles }), ...(options.ladder && { ladder: options.ladder }) }
  let clock: AuditClock
  let hipaa: AuditClock
  try {
    // A state overlay judges the same facts under HIPAA alone in the same run (hipaaAlone); any
    // other rule (a proposal, a saved profile) is computed again under the profile "hipaa".
    const full = computeClock(input, { ...engine, hipaaAlone: true })
    clock = slim(full)
    hipaa = input.profile === 'hipaa' ? clock : (full.hipaaAlone ?? slim(computeClock({ kind: input.kind, profile: 'hipaa', received: input.received, asOf: day, requestType: input.requestType, events: input.events, reminders: input.reminders }, engine)))
  } catch (error) {
    if (error instanceof ClockInputError) return record(base, { ...empty, received: input.received, clockError: error.message })
    throw error
  }
  const kept = input.events.filter((e) => onOrBefore(e.date))
  const stoppers = kept.filter((e) => (e.type === 'delivered' && e.complete) || e.type === 'denied')
  const first = stoppers.reduce<(typeof stoppers)[number] | null>((m, e) => (m === null || e.date < m.date ? e : m), null)
  const withdrawn = earliest(kept.filter((e) => e.type === 'withdrawn').map((e) => e.date))
  // A withdrawal before any response ends the request without one.
  const response = first && (withdrawn === null || first.date <= withdrawn) ? { date: first.date, kind: first.type === 'denied' ? ('denied' as const) : ('delivered' as const) } : null
  const access = input.kind === 'access'
  const requests = kept.filter((e) => e.type === 'requested-format')
  return record(base, {
    received: input.received,
    clock,
    hipaa,
    clockError: null,
    response,
    withdrawn,
    daysToRespond: response ? diffCalendarDays(response.date, input.received) : null,
    extensionNotices: kept.filter((e) => e.type === 'extension-notice').length,
    fees: { assessed: access && input.requestType === 'self', quotes: kept.filter((e): e is Extract<ClockEvent, { type: 'fee-quoted' }> => e.type === 'fee-quoted') },
    formatCompared: access && kept.some((e) => e.type === 'delivered' && e.complete && e.format !== undefined && requests.some((r) => r.date <= e.date)),
    denialAssessed: access && kept.some((e) => e.type === 'denied')
  })
}

type RecordBase = Pick<AuditRecord, 'id' | 'organizationId' | 'patientId' | 'requestKind' | 'perspective' | 'profile' | 'requesterType' | 'site' | 'staff' | 'review' | 'followUps'>
type RecordFacts = Omit<AuditRecord, keyof RecordBase>

function record(b: RecordBase, f: RecordFacts): AuditRecord {
  return {
    id: b.id,
    organizationId: b.organizationId,
    patientId: b.patientId,
    requestKind: b.requestKind,
    perspective: b.perspective,
    profile: b.profile,
    requesterType: b.requesterType,
    site: b.site,
    staff: b.staff,
    received: f.received,
    clock: f.clock,
    hipaa: f.hipaa,
    clockError: f.clockError,
    response: f.response,
    withdrawn: f.withdrawn,
    daysToRespond: f.daysToRespond,
    extensionNotices: f.extensionNotices,
    fees: f.fees,
    formatCompared: f.formatCompared,
    denialAssessed: f.denialAssessed,
    review: b.review,
    followUps: b.followUps
  }
}
