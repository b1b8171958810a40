// Plans a realistic sample caseload: holders across several states, patients (some with
// representatives and holders still to request), and cases in every status with the
// correspondence that got them there. Pure and seeded: the same options give the same plan.
import { addCalendarDays, diffCalendarDays } from '../../core/clocks'
import type { CaseEventInput, CaseFieldsInput, OrganizationFieldsInput, PatientFieldsInput } from '../../core/schemas'
import { CITIES, FIRST_NAMES, FORMATS, LAST_NAMES, ORG_PATTERNS, RECORD_ITEMS, STATES } from './names'
import { seededRandom, type Random } from './random'

export type DemoOptions = {
  cases: number
  /** Defaults scale with the number of cases. */
  organizations?: number
  patients?: number
  /** Average events logged per case (default 6). */
  eventsPerCase?: number
  /** The day the caseload is "as of": every event is on or before it. */
  today: string
  seed?: number
}

export type PlannedCase = {
  patientIndex: number
  organizationIndexes: number[]
  fields: Omit<CaseFieldsInput, 'patientId' | 'organizationId'>
  /** Events use checklist item ids `item-<n>`. */
  events: CaseEventInput[]
  /** Attach a small receipt file to the request-received event. */
  receipt: boolean
}

export type DemoPlan = {
  organizations: OrganizationFieldsInput[]
  patients: PatientFieldsInput[]
  cases: PlannedCase[]
}

const SCENARIOS = ['not-sent', 'awaiting', 'overdue', 'on-time', 'late-extension', 'denied', 'fee-problems', 'withdrawn', 'overdue-escalated', 'on-time-format'] as const
type Scenario = (typeof SCENARIOS)[number]

export function planDemo(options: DemoOptions): DemoPlan {
  const r = seededRandom(options.seed ?? 20261125)
  const orgCount = options.organizations ?? Math.max(8, Math.ceil(options.cases / 5))
  const patientCount = options.patients ?? Math.max(5, Math.ceil(options.cases / 3))
  const organizations = Array.from({ length: orgCount }, (_, i) => planOrganization(r, i))
  const patients = Array.from({ length: patientCount }, (_, i) => planPatient(r, i, options.today))
  const cases = Array.from({ length: options.cases }, (_, i) => planCase(r, i, options, patientCount, orgCount))
  return { organizations, patients, cases }
}

function fill(pattern: string, r: Random, state: string, city: string): string {
  return pattern
    .replace('{city}', city)
    .replace('{state}', state)
    .replace('{last}', r.pick(LAST_NAMES))
    .replace('{last2}', r.pick(LAST_NAMES))
}

function planOrganization(r: Random, i: number): OrganizationFieldsInput {
  const kinds = ['hospital', 'provider', 'provider', 'lab', 'health-plan', 'hospital', 'business-associate', 'hie'] as const
  const kind = kinds[i % kinds.length]!
  const state = STATES[i % STATES.length]!
  const city = r.pick(CITIES[state]!)
  const slug = `${i}`.padStart(4, '0')
  return {
    name: `${fill(r.pick(ORG_PATTERNS[kind]), r, state, city)} #${slug}`,
    kind,
    state,
    address: { line1: `${r.int(10, 9999)} ${r.pick(['Main', 'Oak', 'Cedar', 'Market', 'Lake'])} St`, city, state },
    privacyOfficer: { name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, phone: `555-01${slug}`, email: `privacy${slug}@example.org` },
    records: { phone: `555-02${slug}`, fax: `555-03${slug}`, ...(r.chance(0.5) ? { portalUrl: `https://portal.example.org/${slug}` } : {}) },
    coveredEntity: true
  }
}

function planPatient(r: Random, i: number, today: string): PatientFieldsInput {
  const first = r.pick(FIRST_NAMES)
  const last = r.pick(LAST_NAMES)
  const minor = i % 9 === 0
  const year = minor ? r.int(2010, 2018) : r.int(1940, 2000)
  return {
    name: `${first} ${last}`,
    dateOfBirth: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    contact: { phone: `555-1${String(i).padStart(4, '0')}`, email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.com` },
    preferredLanguage: r.pick(['English', 'English', 'Spanish', 'Vietnamese', 'Tagalog']),
    representatives: minor
      ? [{ id: `rep-${i}-1`, name: `${r.pick(FIRST_NAMES)} ${last}`, relationship: 'Mother', authority: 'parent' }]
      : i % 7 === 0
        ? [{ id: `rep-${i}-1`, name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, relationship: 'Daughter', authority: 'health-care-poa', scope: 'All health records' }]
        : [],
    holdersToRequest:
      i % 4 === 0
        ? [{ id: `hold-${i}-1`, name: `Dr. ${r.pick(LAST_NAMES)}’s office`, foundIn: r.pick(['a referral letter', 'a prescription label', 'an explanation of benefits']), notedOn: addCalendarDays(today, -r.int(1, 60)) }]
        : []
  }
}

function planCase(r: Random, i: number, o: DemoOptions, patientCount: number, orgCount: number): PlannedCase {
  const scenario: Scenario = SCENARIOS[i % SCENARIOS.length]!
  const items = RECORD_ITEMS.slice(0, r.int(1, 4)).map((it, n) => ({ id: `item-${n + 1}`, recordType: it.recordType, label: it.label }))
  const format = r.pick(FORMATS)
  const profile = r.chance(0.8) ? 'hipaa' : r.pick(['california', 'texas-ehr', 'washington'])
  const fields: PlannedCase['fields'] = {
    requestKind: r.chance(0.85) ? 'access-self' : r.pick(['access-third-party', 'amendment', 'accounting'] as const),
    requested: { items, range: { from: `${r.int(2015, 2022)}-01-01` } },
    requestedFormat: format,
    profile,
    priority: r.pick(['normal', 'normal', 'normal', 'high', 'low', 'urgent'] as const),
    tags: r.chance(0.3) ? [r.pick(['oncology', 'disability-claim', 'second-opinion', 'pediatrics'])] : [],
    references: [{ kind: 'holder-request-id', value: `REQ-${String(i + 1).padStart(6, '0')}` }]
  }
  const events = planEvents(r, scenario, o, items.map((it) => it.id), format)
  return { patientIndex: i % patientCount, organizationIndexes: [(i * 7) % orgCount], fields, events, receipt: events.some((e) => e.type === 'request-received') && i % 3 === 0 }
}

function planEvents(r: Random, scenario: Scenario, o: DemoOptions, itemIds: string[], format: string): CaseEventInput[] {
  const today = o.today
  if (scenario === 'not-sent') return [{ type: 'note', date: addCalendarDays(today, -r.int(0, 5)), summary: 'Drafting the request with the patient' }]
  const ageByScenario: Record<Exclude<Scenario, 'not-sent'>, [number, number]> = {
    awaiting: [3, 25],
    overdue: [35, 110],
    'on-time': [40, 300],
    'late-extension': [90, 320],
    denied: [30, 250],
    'fee-problems': [20, 90],
    withdrawn: [20, 200],
    'overdue-escalated': [60, 170],
    'on-time-format': [40, 300]
  }
  const [minAge, maxAge] = ageByScenario[scenario]
  const received = addCalendarDays(today, -r.int(minAge, maxAge))
  const day = (offset: number) => {
    const d = addCalendarDays(received, offset)
    return d > today ? today : d
  }
  const channel = r.pick(['fax', 'email', 'portal', 'certified-mail'] as const)
  const events: CaseEventInput[] = [
    { type: 'request-sent', date: day(0), direction: 'outgoing', channel, summary: `Request for records sent by ${channel}` },
    { type: 'request-received', date: day(channel === 'certified-mail' ? 3 : 0), direction: 'incoming', channel, summary: channel === 'fax' ? 'Fax transmission confirmed' : 'Receipt confirmed', proofOfDelivery: channel === 'certified-mail' ? `USPS 9400 1000 0000 ${r.int(1000, 9999)}` : 'Confirmation saved' },
    { type: 'acknowledgement', date: day(r.int(3, 6)), direction: 'incoming', channel: 'email', summary: 'Holder acknowledged the request' }
  ]
  const allItems = itemIds
  switch (scenario) {
    case 'awaiting':
      break
    case 'overdue':
      events.push({ type: 'follow-up-sent', date: day(24), direction: 'outgoing', channel: 'fax', summary: 'Follow-up letter: response due soon' })
      break
    case 'overdue-escalated':
      events.push(
        { type: 'follow-up-sent', date: day(24), direction: 'outgoing', channel: 'fax', summary: 'Follow-up letter' },
        { type: 'privacy-officer-escalation', date: day(34), direction: 'outgoing', channel: 'email', summary: 'Escalated to the privacy officer' },
        { type: 'notice-of-intent', date: day(41), direction: 'outgoing', channel: 'certified-mail', summary: 'Notice of intent to file an OCR complaint' },
        { type: 'complaint-filed', date: day(50), venue: 'ocr', direction: 'outgoing', channel: 'portal', summary: 'OCR complaint filed online' }
      )
      break
    case 'on-time':
      events.push({ type: 'records-delivered', date: day(r.int(8, 28)), direction: 'incoming', channel: 'email', items: allItems, format, summary: 'All records received' })
      break
    case 'on-time-format':
      events.push({ type: 'records-delivered', date: day(r.int(8, 28)), direction: 'incoming', channel: 'mail', items: allItems, format: 'Paper copy by mail', summary: 'Records received on paper instead of the format asked for' })
      break
    case 'late-extension':
      events.push(
        { type: 'extension-notice', date: day(r.int(20, 29)), reason: 'Records archived off site', newDate: day(55), direction: 'incoming', channel: 'mail', summary: 'Extension notice: 30 more days' },
        { type: 'partial-delivery', date: day(40), items: allItems.slice(0, 1), format, direction: 'incoming', channel: 'email', summary: 'Report received, films not included' },
        { type: 'records-delivered', date: day(r.int(61, 75)), items: allItems, format, direction: 'incoming', channel: 'email', summary: 'Remaining records received late' }
      )
      break
    case 'denied':
      events.push({ type: 'denial', date: day(r.int(10, 28)), basis: r.chance(0.5) ? 'Psychotherapy notes' : '', reviewable: false, reviewRights: false, complaintContact: r.chance(0.5), direction: 'incoming', channel: 'mail', summary: 'Written denial received' })
      break
    case 'fee-problems':
      events.push(
        { type: 'fee-quoted', date: day(8), amount: r.int(45, 180), method: 'actual', perPage: true, includesSearchRetrieval: r.chance(0.5), electronicCopyOfElectronicRecords: true, inAdvance: r.chance(0.5), itemization: [{ label: 'Per-page copying', amount: 40 }, { label: 'Retrieval fee', amount: 25 }], direction: 'incoming', channel: 'email', summary: 'Fee quote with per-page charges for an electronic copy' },
        { type: 'fee-disputed', date: day(10), direction: 'outgoing', channel: 'email', summary: 'Disputed the fee citing 45 CFR 164.524(c)(4)' },
        { type: 'barrier', date: day(12), kind: 'in-person', direction: 'incoming', channel: 'phone', summary: 'Told to come in person to pick up the copies' }
      )
      break
    case 'withdrawn':
      events.push({ type: 'withdrawn', date: day(r.int(5, 15)), direction: 'outgoing', channel: 'phone', summary: 'Patient withdrew the request' })
      break
  }
  const target = o.eventsPerCase ?? 6
  const last = events.reduce((m, e) => (e.date > m ? e.date : m), received)
  while (events.length < target) {
    const kind = r.pick(['phone-call', 'note', 'clarification-asked', 'clarification-answered'] as const)
    events.push({ type: kind, date: day(r.int(0, Math.max(0, diffCalendarDays(last, received)))), direction: kind === 'note' ? 'internal' : 'incoming', ...(kind === 'note' ? {} : { channel: 'phone' as const }), summary: r.pick(['Called the records office', 'Left a voicemail for HIM', 'Holder asked which date range', 'Confirmed the date range', 'Patient called for an update']), body: r.chance(0.3) ? 'Spoke with the release-of-information desk. They confirmed the request is in their queue and promised an update by the end of the week.' : undefined })
  }
  return events
}
