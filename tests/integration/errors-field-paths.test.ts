// Errors carry the path of each field they are about, from the root of the channel's input, so a
// form can put each message beside its field without reading the English text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers'
import { createRouter, type Router } from '../../src/services/router'
import { issuesOf } from '../../src/shared/errors'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
let router: Router
beforeEach(async () => {
  s = await testServices()
  router = createRouter(createHandlers(s), { validateOutput: true })
})
afterEach(async () => {
  await s.cleanup()
})

async function failure(channel: string, input: unknown) {
  const result = await router.invoke(channel, input)
  if (result.ok) throw new Error(`${channel} was expected to fail`)
  return result.error
}

describe('field paths in errors', () => {
  it('the router names each field that failed the contract, from the root of the input', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const error = await failure('cases.addEvent', { caseId: c.id, event: { type: 'note', date: '2026-02-30', summary: 'x'.repeat(100_000) } })
    expect(error.code).toBe('INVALID_INPUT')
    const paths = issuesOf(error).map((i) => i.path.join('.'))
    expect(paths).toContain('event.date')
    expect(issuesOf(error).find((i) => i.path.join('.') === 'event.date')?.message).toMatch(/not a real calendar date/)
  })

  it("a service's own check (a date in the future) carries its field too", async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const error = await failure('cases.addEvent', { caseId: c.id, event: { type: 'note', date: '2027-06-01' } })
    expect(error.message).toMatch(/^event\.date: 2027-06-01 is in the future/)
    expect(issuesOf(error)).toEqual([{ path: ['event', 'date'], message: expect.stringMatching(/^2027-06-01 is in the future/) }])
  })

  it('a link to a patient that does not exist names case.patientId', async () => {
    const { org } = await seedBasics(s)
    const error = await failure('cases.add', { case: { patientId: 'pat-nobody', organizationId: org.id } })
    expect(issuesOf(error)).toEqual([{ path: ['case', 'patientId'], message: 'no patient with id "pat-nobody"' }])
    expect(error.message).toBe('case: patientId: no patient with id "pat-nobody"')
  })

  it('a field that cannot be edited names patch.<field>', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const ev = await s.cases.addEvent(c.id, { type: 'note', date: '2026-11-01' })
    const error = await failure('cases.editEvent', { caseId: c.id, eventId: ev.id, patch: { type: 'denial' } })
    expect(issuesOf(error).map((i) => i.path)).toEqual([['patch', 'type']])
  })

  it('the service layer roots a parsed record at its name (the CLI reaches services too)', async () => {
    await expect(s.patients.add({ name: ' ' })).rejects.toMatchObject({ details: { issues: [{ path: ['patient', 'name'], message: 'must not be empty' }] } })
  })

  it('an error about no one field has no issues', () => {
    expect(issuesOf({ details: { id: 'x' } })).toEqual([])
    expect(issuesOf({})).toEqual([])
  })
})
