// Cases for the letters' tests: a sparse one (only what the schemas require) and a full one.
import { computeClock, type ClockResult } from '../clocks'
import { caseClockScenario } from '../cases/to-clock'
import { CaseSchema, OrganizationSchema, PatientSchema, type Case, type CaseEventInput, type Organization, type Patient } from '../schemas'
import type { LetterSources } from './facts'

const AT = '2026-09-01T12:00:00.000Z'
const SHA = (n: number) => n.toString(16).padStart(64, 'a')

export function patient(full: boolean): Patient {
  return PatientSchema.parse({
    id: 'pat-1', name: 'Maria Lopez', createdAt: AT, updatedAt: AT,
    ...(full && {
      dateOfBirth: '1980-02-29',
      contact: { phone: '(555) 010-2000', email: 'maria@example.org', address: '12 Elm St, Springfield, IL 62701' },
      identifiers: [{ organizationId: 'org-1', kind: 'mrn', value: 'MRN-778' }],
      representatives: [{ id: 'rep-1', name: 'Ana Lopez', relationship: 'daughter, health care agent', authority: 'health-care-poa', authorityDocument: { sha256: SHA(9), name: 'poa.pdf', type: 'application/pdf', size: 1000 } }]
    })
  })
}

export function organization(full: boolean): Organization {
  return OrganizationSchema.parse({
    id: 'org-1', name: 'Springfield General Hospital', kind: 'hospital', createdAt: AT, updatedAt: AT,
    ...(full && {
      address: { line1: '1 Hospital Way', city: 'Springfield', state: 'IL', postalCode: '62702' },
      privacyOfficer: { name: 'Dana Smith, Privacy Officer', phone: '(555) 010-3000', email: 'privacy@sgh.example' },
      records: { name: 'HIM Department', phone: '(555) 010-3100', fax: '(555) 010-3199', email: 'him@sgh.example', portalUrl: 'https://portal.sgh.example' }
    })
  })
}

type Ev = Omit<CaseEventInput, 'attachments'> & { attachments?: Array<{ sha256: string; name: string; type: string; size: number }> }

export function caseOf(full: boolean, events: Ev[], kind: Case['requestKind'] = 'access-self'): Case {
  return CaseSchema.parse({
    id: 'case-1', patientId: 'pat-1', organizationId: 'org-1', requestKind: kind, createdAt: AT, updatedAt: AT,
    ...(full && {
      requestedFormat: 'PDF by secure e-mail',
      deliveryManner: 'secure e-mail to maria@example.org',
      references: [{ kind: 'holder-request-id', value: 'ROI-2026-55' }, { kind: 'other', value: 'AA-0042' }],
      requested: { items: [{ id: 'it-1', recordType: 'labs', label: 'Lab results 2024–2026' }, { id: 'it-2', recordType: 'images', label: 'MRI images, March 2026' }], range: { from: '2024-01-01' } }
    }),
    events: events.map((e, i) => ({ direction: 'internal', summary: '', attachments: [], ...e, id: `ev-${i + 1}`, createdAt: AT, updatedAt: AT }))
  })
}

/** An overdue access request: sent and received 2026-10-02 (due Sunday 2026-11-01), one follow-up. */
export const OVERDUE_EVENTS = (withDocs: boolean): Ev[] => [
  { type: 'request-sent', date: '2026-10-02', direction: 'outgoing', channel: 'fax', summary: 'Access request faxed', ...(withDocs && { attachments: [{ sha256: SHA(1), name: 'request.pdf', type: 'application/pdf', size: 2000 }, { sha256: SHA(2), name: 'fax-confirmation.pdf', type: 'application/pdf', size: 300 }] }) },
  { type: 'request-received', date: '2026-10-02', direction: 'incoming', channel: 'fax', proofOfDelivery: 'fax confirmation 14:02, 3 pages' },
  { type: 'follow-up-sent', date: '2026-10-26', direction: 'outgoing', channel: 'mail', summary: 'Reminder letter', ...(withDocs && { attachments: [{ sha256: SHA(3), name: 'follow-up.pdf', type: 'application/pdf', size: 900 }] }) }
]

export function clockOf(c: Case, asOf: string): ClockResult | null {
  const s = caseClockScenario(c)
  if (!s) return null
  const { receiptAssumed: _r, ignoredBeforeReceipt: _i, ...input } = s
  return computeClock({ ...input, asOf: asOf < input.received ? input.received : asOf })
}

export function sources(full: boolean, events: Ev[], letterDate: string, extra: Partial<LetterSources> = {}, kind: Case['requestKind'] = 'access-self'): LetterSources {
  const c = caseOf(full, events, kind)
  const clock = clockOf(c, letterDate)
  return { case: c, patient: patient(full), organization: organization(full), advocateName: full ? 'Jordan Reyes' : undefined, clock, projected: false, letterDate, values: {}, ...extra }
}
