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
