// Partial updates change only what they name: no default ever overwrites stored data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

describe('updates', () => {
  it('a patient edit keeps representatives, holders and contact details it does not name', async () => {
    const p = await s.patients.add({
      name: 'Ana Ruiz',
      dateOfBirth: '1980-02-29',
      contact: { phone: '555-0100' },
      representatives: [{ name: 'Rosa Ruiz', authority: 'parent' }]
    })
    expect(p.representatives[0]?.id).toMatch(/^rep-/)
    await s.patients.addHolder(p.id, { name: 'Dr. Lee', foundIn: 'a referral' })
    const edited = await s.patients.update(p.id, { name: 'Ana M. Ruiz' })
    expect(edited).toMatchObject({ name: 'Ana M. Ruiz', dateOfBirth: '1980-02-29', contact: { phone: '555-0100' } })
    expect(edited.representatives.map((r) => r.name)).toEqual(['Rosa Ruiz'])
    expect(edited.holdersToRequest.map((h) => h.name)).toEqual(['Dr. Lee'])
    expect(s.patients.get(p.id).representatives).toHaveLength(1)
  })

  it('null clears a field that may be empty, and is refused for one that may not', async () => {
    const p = await s.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-29', preferredLanguage: 'Spanish' })
    const cleared = await s.patients.update(p.id, { dateOfBirth: null })
    expect(cleared.dateOfBirth).toBeUndefined()
    expect(cleared.preferredLanguage).toBe('Spanish')
    await expect(s.patients.update(p.id, { name: null } as never)).rejects.toThrow(/patient: name/)
    const org = await s.organizations.add({ name: 'Mercy', kind: 'hospital', state: 'CA', coveredEntity: true })
    expect(await s.organizations.update(org.id, { coveredEntity: null, state: null })).not.toHaveProperty('coveredEntity')
  })

  it('a case edit keeps its checklist, references and tags; checklist items get ids', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({
      patientId: patient.id,
      organizationId: org.id,
      requested: { items: [{ recordType: 'labs', label: 'Lab results' }] },
      references: [{ kind: 'holder-request-id', value: 'R-9' }],
      tags: ['oncology'],
      profile: 'california'
    })
    expect(c.requested.items[0]?.id).toMatch(/^item-/)
    const edited = await s.cases.update(c.id, { priority: 'urgent' })
    expect(edited).toMatchObject({ priority: 'urgent', profile: 'california', tags: ['oncology'], references: [{ value: 'R-9' }] })
    expect(edited.requested.items).toEqual(c.requested.items)
    expect((await s.cases.update(c.id, { tags: null })).tags).toEqual([])
  })
})

describe('event edits, reminders and settings', () => {
  it('null clears an optional field of an event and is refused for a required one', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const ev = await s.cases.addEvent(c.id, { type: 'phone-call', date: '2026-11-02', channel: 'phone', summary: 'Called', body: 'long notes' })
    const edited = await s.cases.editEvent(c.id, ev.id, { body: null, channel: null })
    expect(edited).not.toHaveProperty('body')
    expect(edited).not.toHaveProperty('channel')
    expect(edited.summary).toBe('Called')
    await expect(s.cases.editEvent(c.id, ev.id, { date: null })).rejects.toThrow(/event: date/)
  })

  it('removes a reminder, and says so when there is no such reminder', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const r = await s.cases.addReminder(c.id, { date: '2026-12-01', note: 'Call HIM' })
    await s.cases.removeReminder(c.id, r.id)
    expect((await s.cases.load(c.id)).reminders).toEqual([])
    await expect(s.cases.removeReminder(c.id, r.id)).rejects.toThrow(/No reminder/)
  })

  it('settings: null removes the advocate name and resets the ladder', async () => {
    await s.settings.update({ advocateName: 'Jo Advocate', ladder: { steps: [{ step: 'follow-up', letter: 'follow-up', after: 'due', days: -3 }] } })
    expect(s.settings.get()).toMatchObject({ advocateName: 'Jo Advocate', ladder: { steps: [{ days: -3 }] } })
    const cleared = await s.settings.update({ advocateName: null, ladder: null })
    expect(cleared).not.toHaveProperty('advocateName')
    expect(cleared).not.toHaveProperty('ladder')
  })
})
