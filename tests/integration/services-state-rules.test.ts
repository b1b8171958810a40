// The state rules through the real services: a logged Washington delay notice and an amendment
// denial's statement-of-disagreement element reach the clock (core/cases/to-clock.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

describe('state rules on stored cases', () => {
  it('a logged Washington delay notice moves the state date, and the form’s fields are kept', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, profile: 'washington' })
    await s.cases.addEvents(c.id, [
      { type: 'request-received', date: '2026-03-02' },
      { type: 'state-delay-notice', date: '2026-03-16', reason: 'records in use', newDate: '2026-03-27', summary: 'Letter citing RCW 70.02.080' }
    ])
    const view = await s.queries.view(c.id, '2026-03-25')
    expect(view.clock).toMatchObject({ state: 'ok', result: { due: '2026-03-27', originalDue: '2026-03-23', controllingRule: 'RCW 70.02.080(1)', findings: [] } })
    const late = await s.queries.view(c.id, '2026-03-30')
    expect(late.clock).toMatchObject({ result: { status: 'overdue', daysLate: 3 } })
  })

  it('an amendment denial without the statement-of-disagreement right is a finding', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, requestKind: 'amendment' })
    await s.cases.addEvents(c.id, [
      { type: 'request-received', date: '2026-01-05' },
      { type: 'denial', date: '2026-01-20', basis: 'accurate and complete', statementOfDisagreement: false, complaintContact: true }
    ])
    const view = await s.queries.view(c.id, '2026-01-25')
    expect(view.clock.state).toBe('ok')
    if (view.clock.state === 'ok') {
      expect(view.clock.result.findings.map((f) => [f.code, f.citation])).toEqual([['denial-missing-elements', '45 CFR 164.526(d)(1)']])
    }
  })
})
