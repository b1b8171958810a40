// The case page's writes: a request made with the day it was sent (alone or as a batch), and the
// request's own facts edited after creation without leaving the log pointing at nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

describe('a new request with its sent date', () => {
  it('starts the case with its "Request sent" event in the same write, so the clock runs at once', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id }, { date: '2026-11-02', channel: 'fax' })
    expect(c.events).toMatchObject([{ type: 'request-sent', date: '2026-11-02', channel: 'fax', direction: 'outgoing' }])
    expect(c.history.map((h) => h.action)).toEqual(['create', 'add-event'])
    expect(s.queries.list()[0]).toMatchObject({ id: c.id, status: 'awaiting', due: '2026-12-02' })
  })

  it('logs the same sent date on every case of a batch', async () => {
    const { patient, org, org2 } = await seedBasics(s)
    const created = await s.cases.addBatch({ patientId: patient.id, organizationIds: [org.id, org2.id] }, { date: '2026-11-02' })
    expect(created.map((c) => c.events.map((e) => [e.type, e.date]))).toEqual([[['request-sent', '2026-11-02']], [['request-sent', '2026-11-02']]])
  })

  it('refuses a sent date in the future, and then makes no case at all', async () => {
    const { patient, org } = await seedBasics(s)
    await expect(s.cases.add({ patientId: patient.id, organizationId: org.id }, { date: '2099-01-01' })).rejects.toThrow(/is in the future/)
    expect(s.queries.list()).toEqual([])
  })
})

describe('editing the request after creation', () => {
  it('changes notes, items, description and range; an item that arrived with a delivery stays', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({
      patientId: patient.id,
      organizationId: org.id,
      requested: { items: [{ id: 'item-1', recordType: 'labs', label: 'Lab results' }, { id: 'item-2', recordType: 'images', label: 'MRI films' }] }
    })
    await s.cases.addEvent(c.id, { type: 'partial-delivery', date: '2026-11-10', items: ['item-1'] })
    const edited = await s.cases.update(c.id, {
      notes: 'Called twice.',
      requested: { items: [{ id: 'item-1', recordType: 'labs', label: 'Lab results 2025' }, { recordType: 'billing', label: 'Bills' }], range: { from: '2025-01-01' }, description: 'All of 2025' }
    })
    expect(edited.notes).toBe('Called twice.')
    expect(edited.requested.items.map((i) => i.label)).toEqual(['Lab results 2025', 'Bills'])
    expect(edited.requested.items[1]?.id).toMatch(/\S/)
    expect(edited.requested).toMatchObject({ range: { from: '2025-01-01' }, description: 'All of 2025' })
    await expect(s.cases.update(c.id, { requested: { items: [{ id: 'item-2', recordType: 'images', label: 'MRI films' }] } })).rejects.toThrow(
      /"Lab results 2025" arrived with the delivery of 2026-11-10/
    )
  })
})
