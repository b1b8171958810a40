// Test fixtures: cases as the store holds them, built from a few facts, for the audit tests.
import { CaseSchema, type Case, type CaseEventInput } from '../schemas'

export type CaseFacts = {
  id: string
  org?: string
  received?: string
  profile?: string
  requestedFormat?: string
  requestKind?: Case['requestKind']
  perspective?: Case['perspective']
  requestLog?: Case['requestLog']
  events?: CaseEventInput[]
}

const STAMP = '2026-01-01T00:00:00.000Z'

export function makeCase(f: CaseFacts): Case {
  const events = [...(f.received ? [{ type: 'request-received' as const, date: f.received }] : []), ...(f.events ?? [])]
  return CaseSchema.parse({
    id: f.id,
    patientId: 'pat-1',
    organizationId: f.org ?? 'org-1',
    requestKind: f.requestKind ?? 'access-self',
    profile: f.profile ?? 'hipaa',
    ...(f.requestedFormat && { requestedFormat: f.requestedFormat }),
    ...(f.perspective && { perspective: f.perspective }),
    ...(f.requestLog && { requestLog: f.requestLog }),
    events: events.map((e, i) => ({ ...e, id: `${f.id}-e${i}`, createdAt: STAMP, updatedAt: STAMP })),
    createdAt: STAMP,
    updatedAt: STAMP
  })
}

/**
 * Eight requests worked by hand (see metrics.test.ts for every expected figure). Period: the first
 * quarter of 2026, as of 2026-03-31.
 */
export const QUARTER = { from: '2026-01-01', to: '2026-03-31' }

export const HAND_WORKED: Case[] = [
  // A: HIPAA, due 2026-02-04, delivered in the PDF asked for after 15 days: on time.
  makeCase({ id: 'req-a', received: '2026-01-05', requestedFormat: 'PDF', events: [{ type: 'records-delivered', date: '2026-01-20', format: 'pdf' }] }),
  // B: due 2026-02-09, a valid extension to 2026-03-01, delivered 2026-03-05 (54 days): late.
  makeCase({
    id: 'req-b',
    received: '2026-01-10',
    events: [
      { type: 'extension-notice', date: '2026-02-01', reason: 'records in off-site storage', newDate: '2026-03-01' },
      { type: 'records-delivered', date: '2026-03-05' }
    ]
  }),
  // E: due 2026-02-14, never answered: overdue at the period's end, 75 days old, two follow-ups.
  makeCase({ id: 'req-e', received: '2026-01-15', events: [{ type: 'follow-up-sent', date: '2026-02-20', direction: 'incoming' }, { type: 'follow-up-sent', date: '2026-03-10', direction: 'incoming' }] }),
  // C: California (15 days, due 2026-02-17; HIPAA 2026-03-04), delivered on paper not PDF after 23 days;
  // a $25 flat fee for an e-copy not quoted in advance.
  makeCase({
    id: 'req-c',
    org: 'org-2',
    received: '2026-02-02',
    profile: 'california',
    requestedFormat: 'PDF',
    events: [
      { type: 'fee-quoted', date: '2026-02-03', amount: 25, method: 'flat', electronicCopyOfElectronicRecords: true, inAdvance: false },
      { type: 'records-delivered', date: '2026-02-25', format: 'paper' }
    ]
  }),
  // F: denied after 10 days without a basis or a complaint contact; review asked 02-25, decided 03-10 (13 days).
  makeCase({
    id: 'req-f',
    org: 'org-2',
    received: '2026-02-10',
    events: [
      { type: 'denial', date: '2026-02-20', basis: '', complaintContact: false },
      { type: 'review-requested', date: '2026-02-25' },
      { type: 'review-decided', date: '2026-03-10', outcome: 'upheld' }
    ]
  }),
  // D: received 03-20, due 04-19: open and not yet due at the period's end (pending), 11 days old.
  makeCase({ id: 'req-d', org: 'org-3', received: '2026-03-20' }),
  // H: delivered 04-02, after the period: open at its end, 6 days old.
  makeCase({ id: 'req-h', org: 'org-3', received: '2026-03-25', events: [{ type: 'records-delivered', date: '2026-04-02' }] }),
  // G: received before the period: not in it.
  makeCase({ id: 'req-g', received: '2025-12-30', events: [{ type: 'records-delivered', date: '2026-01-02' }] })
]
