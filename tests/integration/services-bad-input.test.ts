// Every write path refuses bad input with a precise message and leaves the store unchanged.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseSchema, OrganizationSchema, PatientSchema } from '../../src/core/schemas'
import { createHandlers } from '../../src/services/handlers'
import { createRouter } from '../../src/services/router'
import { openServices } from '../../src/services/app-services'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

/** Everything stored, as JSON, to prove a refused write changed nothing. */
function snapshot(t: TestServices): string {
  return JSON.stringify({
    patients: t.store.sharded.patients.all(),
    orgs: t.store.sharded.organizations.all(),
    cases: t.store.records.cases.summaries()
  })
}

describe('bad input', () => {
  it.each([
    ['an impossible date', { name: 'A B', dateOfBirth: '2026-02-30' }, /patient: dateOfBirth: 2026-02-30 is not a real calendar date/],
    ['a date before 1900', { name: 'A B', dateOfBirth: '1850-01-01' }, /dateOfBirth: 1850-01-01 is outside 1900-01-01/],
    ['a date far in the future', { name: 'A B', dateOfBirth: '2999-01-01' }, /dateOfBirth: 2999-01-01 is outside/],
    ['an empty name', { name: '   ' }, /patient: name: must not be empty/],
    ['a 10 MB note', { name: 'A B', notes: 'x'.repeat(10 * 1024 * 1024) }, /notes: is too long \(a text: at most 100,000 characters\)/],
    ['an unknown field', { name: 'A B', favouriteColour: 'red' }, /favouriteColour/],
    ['a bad e-mail', { name: 'A B', contact: { email: 'not-an-email' } }, /contact\.email: is not an e-mail address/]
  ])('refuses a patient with %s and changes nothing', async (_what, input, message) => {
    const before = snapshot(s)
    await expect(s.patients.add(input as never)).rejects.toThrow(message)
    expect(snapshot(s)).toBe(before)
  })

  it('refuses events with impossible, future or pre-1900 dates, naming the field', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const before = JSON.stringify(await s.cases.load(c.id))
    await expect(s.cases.addEvent(c.id, { type: 'note', date: '2026-02-30' })).rejects.toThrow(/event: date: 2026-02-30 is not a real calendar date/)
    await expect(s.cases.addEvent(c.id, { type: 'note', date: '2027-06-01' })).rejects.toThrow(/event\.date: 2027-06-01 is in the future \(today is 2026-11-25\)/)
    await expect(s.cases.addEvent(c.id, { type: 'note', date: '1899-12-31' })).rejects.toThrow(/outside 1900-01-01/)
    await expect(s.cases.addEvent(c.id, { type: 'fee-quoted', date: '2026-11-01' } as never)).rejects.toThrow(/amount/)
    await expect(s.cases.addEvent(c.id, { type: 'teleport', date: '2026-11-01' } as never)).rejects.toThrow(/type/)
    expect(JSON.stringify(await s.cases.load(c.id))).toBe(before)
  })

  it('refuses a file name that is not valid UTF-8 before copying anything', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    // A Latin-1 byte in a file name reaches Node as U+FFFD.
    await expect(s.attachments.attachFile(c.id, '/tmp/r\uFFFDsum\uFFFD.pdf')).rejects.toThrow(/not valid UTF-8/)
    expect((await s.cases.load(c.id)).events).toEqual([])
  })

  it('refuses to delete a patient or organization that cases refer to, naming the cases', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await expect(s.patients.remove(patient.id)).rejects.toThrow(`case ${c.id} (Ana Ruiz → Mercy General Hospital) refers to them`)
    await expect(s.organizations.remove(org.id)).rejects.toThrow(`case ${c.id} (Ana Ruiz → Mercy General Hospital) refers to it`)
    // Only actions that exist: merging, or another holder per case; nothing says "reassign".
    const refusal = await s.organizations.remove(org.id).then(() => '', (e: Error) => e.message)
    expect(refusal).toMatch(/orgs\.merge/)
    expect(refusal).toMatch(/cases\.update with an organizationId/)
    expect(refusal).not.toMatch(/reassign/)
    await s.cases.trash(c.id)
    await expect(s.patients.remove(patient.id)).rejects.toThrow(/, in the trash\)/)
    expect(s.patients.get(patient.id).name).toBe('Ana Ruiz')
  })

  it('refuses a case pointing at a missing patient, organization or profile', async () => {
    const { patient, org } = await seedBasics(s)
    await expect(s.cases.add({ patientId: 'pat-nope', organizationId: org.id })).rejects.toThrow(/no patient with id "pat-nope"/)
    await expect(s.cases.add({ patientId: patient.id, organizationId: 'org-nope' })).rejects.toThrow(/no organization/)
    await expect(s.cases.add({ patientId: patient.id, organizationId: org.id, profile: 'narnia' })).rejects.toThrow(/"narnia" is neither a built-in rule profile/)
    expect(s.queries.list()).toEqual([])
  })
})

describe('random input at every write channel', () => {
  it('never corrupts the store: after any mix of accepted and refused writes, every file still validates', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const router = createRouter(createHandlers(s), { validateOutput: true, logError: () => {} })
    const writeChannels = [
      'patients.add', 'patients.update', 'patients.remove', 'patients.addHolder', 'orgs.add', 'orgs.update', 'orgs.remove',
      'cases.add', 'cases.update', 'cases.addEvent', 'cases.editEvent', 'cases.addReminder', 'cases.trash', 'cases.restore', 'cases.addBatch',
      'letters.generate', 'letters.markSent', 'letters.saveTemplate', 'letters.duplicateTemplate', 'letters.eml', 'letters.faxCover',
      'workspace.setPerspective'
    ]
    const ids = fc.constantFrom(patient.id, org.id, c.id, 'nope-123', '', '../../etc', 'follow-up', 'ocr-complaint')
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-02-30', '2026-11-01', '1800-01-01', 'x'.repeat(600)), ids)
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'id', 'date', 'type', 'patientId', 'organizationId', 'caseId', 'patch', 'event', 'case', 'patient', 'organization', 'amount', 'kind', 'templateId', 'letterId', 'values', 'template', '__proto__', 'constructor'), tie('v'), { maxKeys: 4 }))
    })).v
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writeChannels), value, async (channel, input) => {
        const result = await router.invoke(channel, input)
        // Refused or accepted, never a crash inside a handler.
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL')
      }),
      { numRuns: 400, seed: 4242 }
    )
    // Also some well-formed writes, so "refused everything" cannot pass for "validated everything".
    expect((await router.invoke('cases.addEvent', { caseId: c.id, event: { type: 'note', date: '2026-11-01' } })).ok).toBe(true)
    const dir = s.dataDir
    await s.close()
    const reopened = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', dailyBackup: false })
    try {
      expect(reopened.recoveries()).toEqual([])
      for (const p of reopened.store.sharded.patients.all()) expect(PatientSchema.safeParse(p).success).toBe(true)
      for (const o of reopened.store.sharded.organizations.all()) expect(OrganizationSchema.safeParse(o).success).toBe(true)
      const files = await readdir(join(dir, 'cases'))
      expect(files.length).toBe(reopened.store.records.cases.summaries().length)
      for (const { id } of reopened.store.records.cases.summaries()) expect(CaseSchema.safeParse(await reopened.store.records.cases.get(id)).success).toBe(true)
      expect(JSON.parse(await readFile(join(dir, 'cases', files[0]!), 'utf8'))).toBeTruthy()
    } finally {
      await reopened.close()
    }
  })
})
