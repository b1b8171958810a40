// The first run of a folder and the perspective's ladder, through the router and the services.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers'
import { createRouter, type Router } from '../../src/services/router'
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

const call = async (channel: string, input: unknown) => {
  const r = await router.invoke(channel, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as Record<string, unknown>
}

describe('first run', () => {
  it('an empty folder needs setting up; the answers are stored; then it never asks again', async () => {
    expect(await call('workspace.setupState', {})).toEqual({ needed: true })
    const settings = await call('workspace.setup', { perspective: 'practice', name: 'Dana Cole', officeName: 'Harbor Family Practice', signatureBlock: 'Records Manager' })
    expect(settings).toMatchObject({ perspective: 'practice', advocateName: 'Dana Cole', officeName: 'Harbor Family Practice', signatureBlock: 'Records Manager', setupAt: '2026-11-25T15:00:00.000Z' })
    expect(await call('workspace.setupState', {})).toEqual({ needed: false })
  })

  it('a folder that already holds work (an earlier version’s) is never asked; "Not now" also ends it', async () => {
    await seedBasics(s)
    expect(await call('workspace.setupState', {})).toEqual({ needed: false })
    await s.cleanup()
    s = await testServices()
    router = createRouter(createHandlers(s), { validateOutput: true })
    await call('workspace.skipSetup', {})
    expect(await call('workspace.setupState', {})).toEqual({ needed: false })
    expect(s.settings.get().perspective).toBeUndefined()
  })

  it('refuses an unknown perspective and an over-long signature, naming the field', async () => {
    const bad = await router.invoke('workspace.setup', { perspective: 'hospital' })
    expect(bad.ok).toBe(false)
    const long = await router.invoke('workspace.setup', { perspective: 'advocate', signatureBlock: 'x'.repeat(1001) })
    expect(long.ok || long.error.message).toMatch(/signatureBlock/)
    expect(await call('workspace.setupState', {})).toEqual({ needed: true })
  })
})

describe('the ladder follows the perspective', () => {
  it('a practice-side case’s next step is its own deadline, an advocate’s the follow-up letter', async () => {
    const { patient, org } = await seedBasics(s)
    const practice = await s.cases.add({ patientId: patient.id, organizationId: org.id, perspective: 'practice' })
    const advocate = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    for (const c of [practice, advocate]) await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-11-20', direction: 'incoming' })
    const steps = Object.fromEntries(s.queries.list({}).map((c) => [c.id, c.nextStep?.step]))
    expect(steps[practice.id]).toBe('extension-notice')
    expect(steps[advocate.id]).toBe('follow-up')
    // The workspace's perspective covers cases that name none.
    await call('workspace.setPerspective', { perspective: 'practice' })
    expect(s.queries.list({}).find((c) => c.id === advocate.id)?.nextStep?.step).toBe('extension-notice')
  })

  it('the directory lists count each patient’s and organization’s open and overdue requests', async () => {
    const { patient, org, org2 } = await seedBasics(s)
    const late = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await s.cases.addEvent(late.id, { type: 'request-received', date: '2026-09-01', direction: 'incoming' })
    await s.cases.add({ patientId: patient.id, organizationId: org2.id })
    const trashed = await s.cases.add({ patientId: patient.id, organizationId: org2.id })
    await s.cases.trash(trashed.id)
    const orgs = (await router.invoke('orgs.list', {})) as { ok: true; value: Array<{ id: string; open: number; overdue: number }> }
    expect(orgs.value.find((o) => o.id === org.id)).toMatchObject({ open: 1, overdue: 1 })
    expect(orgs.value.find((o) => o.id === org2.id)).toMatchObject({ open: 1, overdue: 0 })
    const people = (await router.invoke('patients.list', {})) as { ok: true; value: Array<{ id: string; open: number; overdue: number }> }
    expect(people.value.find((p) => p.id === patient.id)).toMatchObject({ open: 2, overdue: 1 })
  })
})
