// Merging duplicate organizations through the router (orgs.merge): cases move, the audit trails say
// so, the kept record fills its blanks from the duplicate, and the duplicate is gone; bad requests
// are refused with a message and change nothing.
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

async function twins() {
  const { patient, org } = await seedBasics(s)
  const dup = await s.organizations.add({
    name: 'Mercy General',
    kind: 'hospital',
    records: { fax: '555-0199', phone: '555-0100' },
    privacyOfficer: { name: 'J. Doe' },
    notes: 'entered twice by mistake'
  })
  const kept = await s.cases.add({ patientId: patient.id, organizationId: org.id })
  const moved1 = await s.cases.add({ patientId: patient.id, organizationId: dup.id, references: [{ kind: 'holder-request-id', value: 'R-1' }] })
  const moved2 = await s.cases.add({ patientId: patient.id, organizationId: dup.id })
  await s.cases.trash(moved2.id)
  await s.patients.addHolder(patient.id, { name: 'Mercy (billing)', organizationId: dup.id, foundIn: 'a bill' })
  return { patient, org, dup, kept, moved1, moved2 }
}

describe('orgs.merge', () => {
  it('moves every case of the duplicate (the trash too), notes it on each case and on the survivor, and removes the duplicate', async () => {
    const { patient, org, dup, kept, moved1, moved2 } = await twins()
    const result = await router.invoke('orgs.merge', { keep: org.id, duplicate: dup.id })
    if (!result.ok) throw new Error(result.error.message)
    const value = result.value as { movedCases: string[]; movedHolders: number; removed: { id: string } }
    expect(value.movedCases.sort()).toEqual([moved1.id, moved2.id].sort())
    expect(value.movedHolders).toBe(1)
    expect(value.removed.id).toBe(dup.id)

    for (const id of [moved1.id, moved2.id]) {
      const c = await s.cases.load(id, { allowTrashed: true })
      expect(c.organizationId).toBe(org.id)
      const last = c.history.at(-1)!
      expect(last.action).toBe('merge')
      expect(last.changes).toContainEqual({ path: 'organizationId', before: dup.id, after: org.id })
      expect(JSON.stringify(last.changes)).toContain('Mercy General (')
    }
    expect((await s.cases.load(kept.id)).history.some((h) => h.action === 'merge')).toBe(false)
    await expect(s.cases.load(moved2.id)).rejects.toThrow(/trash/)

    const survivor = s.organizations.get(org.id)
    // Blanks filled from the duplicate; the survivor's own values kept.
    expect(survivor.records).toMatchObject({ fax: '555-0199', phone: '555-0100' })
    expect(survivor.privacyOfficer.name).toBe('J. Doe')
    expect(survivor.state).toBe('CA')
    const entry = survivor.history.at(-1)!
    expect(entry.action).toBe('merge')
    expect(entry.changes.find((c) => c.path === 'mergedFrom')?.after).toMatchObject({ id: dup.id, name: 'Mercy General', notes: 'entered twice by mistake' })
    expect(entry.changes.find((c) => c.path === 'casesMoved')?.after).toEqual(value.movedCases)

    expect(() => s.organizations.get(dup.id)).toThrow(/No organization/)
    expect(s.organizations.list().map((o) => o.id)).not.toContain(dup.id)
    const holder = s.patients.get(patient.id).holdersToRequest[0]!
    expect(holder.organizationId).toBe(org.id)
    expect(s.patients.get(patient.id).history.at(-1)?.action).toBe('merge')
    // The caseload lists the moved case under the survivor's name.
    expect(s.queries.list({ organizationId: org.id }).map((c) => c.id).sort()).toEqual([kept.id, moved1.id].sort())
  })

  it('refuses the same organization on both sides, or an unknown one, and changes nothing', async () => {
    const { org, dup, moved1 } = await twins()
    const same = await router.invoke('orgs.merge', { keep: org.id, duplicate: org.id })
    expect(same.ok).toBe(false)
    if (!same.ok) {
      expect(same.error.code).toBe('INVALID_INPUT')
      expect(same.error.message).toMatch(/same organization/)
    }
    const unknownKeep = await router.invoke('orgs.merge', { keep: 'org-nope', duplicate: dup.id })
    expect(unknownKeep.ok || unknownKeep.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/organization to keep with id "org-nope"/) })
    const unknownDup = await router.invoke('orgs.merge', { keep: org.id, duplicate: 'org-nope' })
    expect(unknownDup.ok || unknownDup.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/duplicate organization with id "org-nope"/) })
    expect(s.organizations.get(dup.id).name).toBe('Mercy General')
    expect((await s.cases.load(moved1.id)).organizationId).toBe(dup.id)
    expect(s.organizations.get(org.id).history.some((h) => h.action === 'merge')).toBe(false)
  })

  it('refuses when both holders carry the same request id of their own, naming both cases', async () => {
    const { patient, org, dup, moved1 } = await twins()
    const clash = await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'R-1' }] })
    const result = await router.invoke('orgs.merge', { keep: org.id, duplicate: dup.id })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT')
      expect(result.error.message).toContain(moved1.id)
      expect(result.error.message).toContain(clash.id)
    }
    expect(s.organizations.get(dup.id)).toBeDefined()
  })
})
