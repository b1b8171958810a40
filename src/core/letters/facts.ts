// The case's facts as merge fields: what the letter may say, each from one place (the case, the
// patient, the holder, the clock engine's result, or a value the user typed for this letter).
// A value that is not known is left out, never written as an empty string.
import type { ClockResult, FindingCode } from '../clocks'
import { addCalendarDays } from '../clocks/dates'
import { FEES } from '../rules'
import type { Case, CaseEvent, Organization, Patient } from '../schemas'
import { days, longDate, money, plainDate } from './dates'
import { OFFICES } from './offices'
import { DENIAL_GROUNDS, type DenialGround } from './grounds'
import { isValidIsoDate } from '../clocks/dates'

export type FactValue = string | boolean
export type Facts = Record<string, Record<string, FactValue>>

export type LetterSources = {
  case: Case
  patient: Patient
  organization: Organization
  /** The advocate's name from settings; without it the patient writes for themselves. */
  advocateName?: string | undefined
  /** Settings: the office the signer works for (a practice's own name), and the lines under a signature. */
  officeName?: string | undefined
  signatureBlock?: string | undefined
  /** The case's clock as of the letter date (null before the request is sent). */
  clock: ClockResult | null
  /** True when no receipt is logged and the clock assumes the letter date (a request not yet sent). */
  projected: boolean
  letterDate: string
  /** Values typed for this letter: path → text. They fill or replace non-computed fields. */
  values: Readonly<Record<string, string>>
  /** The latest date one extension dated on the letter date could reach, from the clock engine. */
  extensionCap?: string | undefined
  /** Whom the letter is addressed to: the holder, a complaint office, or (practice side) the patient. */
  recipient?: 'holder' | 'ocr' | 'onc' | 'patient'
  /** Whose letter it is (the template's side): a practice writes as its office, never as the patient. */
  side?: 'advocate' | 'practice'
}

/** An app default, not a legal number: a letter asks for an answer within ten days. */
export const REPLY_DAYS = 10

const REQUEST_TYPE_LABEL: Record<Case['requestKind'], string> = {
  'access-self': 'request for access',
  'access-third-party': 'direction to send a copy to a third party',
  amendment: 'request to amend records',
  accounting: 'request for an accounting of disclosures',
  'authorization-disclosure': 'disclosure under an authorization'
}

const CHANNEL_LABEL: Record<string, string> = {
  fax: 'fax', email: 'e-mail', portal: 'the patient portal', mail: 'mail', 'certified-mail': 'certified mail', 'in-person': 'hand delivery', phone: 'phone', other: 'other means'
}

const STATUS_LABEL: Record<ClockResult['status'], string> = {
  awaiting: 'not yet due', overdue: 'overdue', 'fulfilled-on-time': 'fulfilled on time', 'fulfilled-late': 'fulfilled late', denied: 'denied', withdrawn: 'withdrawn'
}

const earliest = (events: ReadonlyArray<CaseEvent>, type: CaseEvent['type']): CaseEvent | undefined =>
  events.filter((e) => e.type === type).sort((a, b) => a.date.localeCompare(b.date))[0]
const latest = (events: ReadonlyArray<CaseEvent>, type: CaseEvent['type']): CaseEvent | undefined =>
  events.filter((e) => e.type === type).sort((a, b) => b.date.localeCompare(a.date))[0]

/** Keeps only the known values: an absent or blank value is left out, so its line can go. */
function put(target: Record<string, FactValue>, values: Record<string, FactValue | number | null | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue
    if (typeof v === 'number') {
      if (Number.isFinite(v)) target[k] = String(v)
      continue
    }
    if (typeof v === 'string' && v.trim() === '') continue
    target[k] = v
  }
}

export function buildFacts(src: LetterSources): Facts {
  const { case: c, patient, organization: org, clock } = src
  const events = c.events.filter((e) => e.date <= src.letterDate)
  const f: Facts = {}
  const group = (name: string) => (f[name] ??= {})
  const has = (code: FindingCode) => clock?.findings.some((x) => x.code === code) ?? false
  const rep = patient.representatives[0]

  const ourRef = c.references.find((r) => r.kind === 'other')?.value ?? c.id
  const theirRef = c.references.find((r) => r.kind === 'holder-request-id')?.value
  put(group('letter'), { date: plainDate(src.letterDate), ourRef, replyBy: longDate(addCalendarDays(src.letterDate, REPLY_DAYS)) })

  const advocate = src.advocateName
  if (src.side === 'practice') {
    // The office writes: the staff member signs (if named) for the office, from its own address.
    const office = src.officeName ?? org.name
    const where = org.address
    const address = [where.line1, where.line2, where.city, [where.state, where.postalCode].filter(Boolean).join(' ')].filter((x) => x && x.length > 0).join(', ')
    put(group('sender'), { name: advocate, org: office, address, phone: org.records.phone ?? org.privacyOfficer.phone })
  } else {
    put(group('sender'), advocate ? { name: advocate, role: 'patient advocate', org: src.officeName } : { name: patient.name, role: 'patient', address: patient.contact.address, phone: patient.contact.phone, email: patient.contact.email })
  }

  const [firstName, ...rest] = patient.name.split(/\s+/)
  const idOf = (kind: 'mrn' | 'account' | 'member-id') => patient.identifiers.find((i) => i.kind === kind && i.organizationId === org.id)?.value
  put(group('patient'), {
    fullName: patient.name,
    firstName,
    lastName: rest.join(' '),
    dob: patient.dateOfBirth ? plainDate(patient.dateOfBirth) : undefined,
    address: patient.contact.address,
    phone: patient.contact.phone,
    email: patient.contact.email,
    mrn: idOf('mrn'),
    accountNo: idOf('account'),
    memberId: idOf('member-id')
  })
  if (rep && rep.authority !== 'self') put(group('representative'), { name: rep.name, relationship: rep.relationship ?? rep.authority.replace(/-/g, ' '), authorityDoc: rep.authorityDocument?.name })

  const a = org.address
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter((s) => s && s.length > 0).join(', ')
  put(group('holder'), {
    legalName: org.name,
    addressLine: [a.line1, a.line2].filter(Boolean).join(', '),
    cityLine,
    phone: org.records.phone ?? org.privacyOfficer.phone,
    fax: org.records.fax ?? org.privacyOfficer.fax,
    email: org.records.email ?? org.privacyOfficer.email,
    portalUrl: org.records.portalUrl ?? org.privacyOfficer.portalUrl,
    recordsName: org.records.name,
    privacyOfficer: org.privacyOfficer.name,
    privacyOfficerPhone: org.privacyOfficer.phone,
    privacyOfficerEmail: org.privacyOfficer.email,
    theirRef
  })

  const sent = earliest(events, 'request-sent')
  const received = earliest(events, 'request-received')
  const items = c.requested.items.map((i) => i.label)
  const range = c.requested.range
  put(group('request'), {
    typeLabel: REQUEST_TYPE_LABEL[c.requestKind],
    sentDate: sent ? plainDate(sent.date) : undefined,
    receivedDate: clock && !src.projected ? plainDate(received?.date ?? sent?.date ?? src.letterDate) : undefined,
    receivedChannel: (received ?? sent)?.channel ? CHANNEL_LABEL[(received ?? sent)!.channel!] : undefined,
    proofOfReceipt: received?.proofOfDelivery ?? sent?.proofOfDelivery,
    scope: items.length > 0 ? items.join('; ') : 'all of the records about me in your designated record set',
    dateRange: range.from || range.to ? `${range.from ? plainDate(range.from) : 'the earliest record'} to ${range.to ? plainDate(range.to) : 'the present'}` : undefined,
    format: c.requestedFormat,
    manner: c.deliveryManner,
    description: c.requested.description
  })

  if (clock) {
    put(group('clock'), {
      due: longDate(clock.due),
      dueShort: plainDate(clock.due),
      originalDue: longDate(clock.originalDue),
      dayAfterOriginalDue: longDate(addCalendarDays(clock.originalDue, 1)),
      controllingRule: clock.controllingRule,
      daysRemaining: clock.daysRemaining === null ? undefined : days(clock.daysRemaining),
      daysLate: clock.daysLate === null ? undefined : days(clock.daysLate),
      status: STATUS_LABEL[clock.status],
      complaintWindowCloses: clock.complaintWindowCloses ? longDate(clock.complaintWindowCloses) : undefined,
      extensionCap: src.extensionCap ? longDate(src.extensionCap) : undefined
    })
  }

  const followUps = events.filter((e) => e.type === 'follow-up-sent')
  put(group('counts'), { followUps: String(followUps.length), findings: String(clock?.findings.length ?? 0), requests: String(followUps.length + (sent || received ? 1 : 0)) })

  const notices = events.filter((e): e is Extract<CaseEvent, { type: 'extension-notice' }> => e.type === 'extension-notice').sort((x, y) => x.date.localeCompare(y.date))
  const notice = notices[notices.length - 1]
  if (notice) {
    put(group('extension'), { noticeDate: plainDate(notice.date), reason: notice.reason, newDate: notice.newDate ? longDate(notice.newDate) : undefined, firstNoticeDate: plainDate(notices[0]!.date) })
  }

  const fee = latest(events, 'fee-quoted') as Extract<CaseEvent, { type: 'fee-quoted' }> | undefined
  put(group('fee'), { flatFee: money(FEES.flatFeeCents / 100) })
  if (fee) put(group('fee'), { quoteDate: plainDate(fee.date), amount: money(fee.amount), method: fee.method })

  const denial = latest(events, 'denial') as Extract<CaseEvent, { type: 'denial' }> | undefined
  if (denial) put(group('denial'), { date: plainDate(denial.date), basis: denial.basis })

  put(group('accounting'), { period: `the six years before ${plainDate(src.letterDate)}` })

  const office = src.recipient === 'onc' ? OFFICES.onc : OFFICES.ocr
  put(group('office'), { name: office.name, line1: office.lines[0], line2: office.lines[1], line3: office.lines[2], email: 'email' in office ? office.email : undefined, phone: 'phone' in office ? office.phone : undefined, portal: office.portal })
  put(group('ocr'), { filingForOther: advocate ? 'Yes' : 'No' })
  put(group('ib'), { ehiType: lookup(f, 'request.scope') as string | undefined })

  const status = clock?.status
  put(group('flags'), {
    representative: Boolean(rep && rep.authority !== 'self'),
    senderIsPatient: !advocate,
    projected: src.projected,
    selfRequest: c.requestKind === 'access-self',
    directive: c.requestKind === 'access-third-party',
    overdue: status === 'overdue',
    awaiting: status === 'awaiting',
    closed: status !== undefined && status !== 'overdue' && status !== 'awaiting',
    windowPassed: Boolean(clock?.complaintWindowCloses && clock.complaintWindowCloses < src.letterDate),
    hasFindings: (clock?.findings.length ?? 0) > 0,
    reviewable: denial?.reviewable === true,
    extensionValid: Boolean(notice && clock && clock.due !== clock.originalDue),
    extensionLate: has('extension-late'),
    extensionNoReason: has('extension-no-reason'),
    extensionNoDate: has('extension-no-date'),
    extensionTooLong: has('extension-too-long'),
    secondExtension: has('second-extension'),
    feeSearchRetrieval: has('fee-search-retrieval'),
    feePerPageElectronic: has('fee-per-page-electronic'),
    feeAboveFlat: has('fee-above-flat-rate'),
    feeNotInAdvance: has('fee-not-quoted-in-advance'),
    paperFormat: /paper/i.test(c.requestedFormat ?? ''),
    hasFollowUps: followUps.length > 0,
    hasPartial: events.some((e) => e.type === 'partial-delivery'),
    denialMissingElements: has('denial-missing-elements'),
    stateRule: Boolean(clock && !clock.controllingRule.startsWith('45 CFR')),
    capped: false
  })

  // Values the user typed for this letter fill or replace what the case knows.
  for (const [path, value] of Object.entries(src.values)) {
    const [grp, name] = path.split('.') as [string, string]
    if (value.trim() !== '') group(grp)[name] = value.trim()
  }
  // Two typed values are codes, shown in words: the denial ground (closed list) and the promised date.
  const ground = src.values['denial.ground']
  if (ground && Object.prototype.hasOwnProperty.call(DENIAL_GROUNDS, ground)) {
    const g = DENIAL_GROUNDS[ground as DenialGround]
    group('denial')['ground'] = g.label
    group('flags')['reviewable'] = g.reviewable
  }
  const promised = src.values['practice.extensionDate']
  if (promised && /^\d{4}-\d{2}-\d{2}$/.test(promised) && isValidIsoDate(promised)) group('practice')['extensionDate'] = longDate(promised)
  return f
}

export function lookup(facts: Facts, path: string): FactValue | undefined {
  const [grp, name] = path.split('.')
  if (!grp || !name) return undefined
  const g = Object.prototype.hasOwnProperty.call(facts, grp) ? facts[grp] : undefined
  return g && Object.prototype.hasOwnProperty.call(g, name) ? g[name] : undefined
}
