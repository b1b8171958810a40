import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseSchema } from '../../src/core/schemas'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

describe('cases', () => {
  it('computes each stored case’s clock as of today, with status, due date and findings', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, requestedFormat: 'PDF by email' })
    await s.cases.addEvent(c.id, { type: 'request-sent', date: '2026-09-01', channel: 'fax', summary: 'Request faxed' })
    await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-09-02', summary: 'Fax confirmation' })
    const [item] = s.queries.list()
    expect(item).toMatchObject({ id: c.id, status: 'overdue', received: '2026-09-02', due: '2026-10-02', daysLate: 54, findings: ['response-late'] })
    const view = await s.queries.view(c.id)
    expect(view.clock.state).toBe('ok')
    if (view.clock.state === 'ok') {
      expect(view.clock.result.explanation.join('\n')).toContain('30 calendar days → due Fri 2 Oct 2026')
      expect(view.clock.receiptAssumed).toBe(false)
    }
    // The same case as it stood on an earlier day.
    expect((await s.queries.view(c.id, '2026-09-20')).clock).toMatchObject({ result: { status: 'awaiting', daysRemaining: 12 } })
  })

  it('takes the day sent as the day received when no receipt is logged, and says so', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    expect(s.queries.list()[0]?.status).toBe('not-sent')
    await s.cases.addEvent(c.id, { type: 'request-sent', date: '2026-11-02' })
    const view = await s.queries.view(c.id)
    expect(view.clock).toMatchObject({ state: 'ok', receiptAssumed: true, result: { due: '2026-12-02', status: 'awaiting' } })
    if (view.clock.state === 'ok') expect(view.clock.result.explanation[0]).toMatch(/day the request was sent is taken/)
  })

  it('a complete delivery after the due date makes the case fulfilled late, and the list follows', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await s.cases.addEvents(c.id, [
      { type: 'request-received', date: '2026-09-02' },
      { type: 'records-delivered', date: '2026-10-05', format: 'PDF' }
    ])
    expect(s.queries.list()[0]).toMatchObject({ status: 'fulfilled-late', daysLate: 3 })
    expect(s.queries.list({ status: ['overdue'] })).toEqual([])
    expect(s.queries.list({ status: ['fulfilled-late'], minDaysLate: 3 })).toHaveLength(1)
    expect(s.queries.list({ minDaysLate: 4 })).toHaveLength(0)
  })

  it('tracks what is still missing from the checklist', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({
      patientId: patient.id,
      organizationId: org.id,
      requested: { items: [{ id: 'item-1', recordType: 'imaging-reports', label: 'MRI report' }, { id: 'item-2', recordType: 'images', label: 'MRI films' }] }
    })
    await s.cases.addEvents(c.id, [
      { type: 'request-received', date: '2026-10-01' },
      { type: 'partial-delivery', date: '2026-10-10', items: ['item-1'], summary: 'Report received, films not included' }
    ])
    const view = await s.queries.view(c.id)
    expect(view.completeness).toMatchObject({ complete: false, missing: ['MRI films'] })
    // A partial delivery does not stop the clock (docs/day-counting.md §6): due 31 Oct, so overdue today.
    expect(view.clock).toMatchObject({ result: { status: 'overdue', due: '2026-10-31' } })
    await expect(s.cases.addEvent(c.id, { type: 'records-delivered', date: '2026-10-12', items: ['item-9'] })).rejects.toThrow(/"item-9" is not on this case's checklist/)
  })

  it('creates a batch: one case per organization, sharing a batch id', async () => {
    const { patient, org, org2 } = await seedBasics(s)
    const created = await s.cases.addBatch({ patientId: patient.id, organizationIds: [org.id, org2.id], requestedFormat: 'PDF' })
    expect(created).toHaveLength(2)
    expect(new Set(created.map((c) => c.batchId)).size).toBe(1)
    expect(created.map((c) => c.organizationId).sort()).toEqual([org.id, org2.id].sort())
  })

  it('refuses duplicate reference numbers, naming the case that has it', async () => {
    const { patient, org, org2 } = await seedBasics(s)
    const first = await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'ocr-transaction', value: '22-123456' }] })
    await expect(s.cases.add({ patientId: patient.id, organizationId: org2.id, references: [{ kind: 'ocr-transaction', value: '22-123456' }] })).rejects.toThrow(
      new RegExp(`already used by case ${first.id}`)
    )
    // A holder's own request id only has to be unique per holder.
    await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'R-1' }] })
    await s.cases.add({ patientId: patient.id, organizationId: org2.id, references: [{ kind: 'holder-request-id', value: 'R-1' }] })
    await expect(s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'R-1' }] })).rejects.toThrow(/already used/)
    expect(s.queries.list()).toHaveLength(3)
  })

  it('moves a case to the trash, restores it, and purges it after 30 days', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await s.cases.trash(c.id)
    expect(s.queries.list()).toEqual([])
    expect(s.queries.list({ trash: 'only' }).map((i) => i.id)).toEqual([c.id])
    await expect(s.cases.addEvent(c.id, { type: 'note', date: '2026-11-01' })).rejects.toThrow(/in the trash/)
    await s.cases.restore(c.id)
    expect(s.queries.list().map((i) => i.id)).toEqual([c.id])
    await s.cases.trash(c.id)
    ;(s as unknown as { setNow: (d: string) => void }).setNow('2026-12-24T15:00:00.000Z')
    expect(await s.cases.purgeExpiredTrash()).toEqual([])
    ;(s as unknown as { setNow: (d: string) => void }).setNow('2026-12-26T15:00:00.000Z')
    expect(await s.cases.purgeExpiredTrash()).toEqual([c.id])
    expect(s.queries.list({ trash: 'include' })).toEqual([])
  })

  it('keeps an append-only audit trail of every change', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, priority: 'normal' })
    await s.cases.update(c.id, { priority: 'urgent' })
    const ev = await s.cases.addEvent(c.id, { type: 'note', date: '2026-11-01', summary: 'first' })
    await s.cases.editEvent(c.id, ev.id, { summary: 'corrected' })
    const stored = await s.cases.load(c.id)
    expect(stored.history.map((h) => h.action)).toEqual(['create', 'update', 'add-event', 'edit-event'])
    expect(stored.history[1]?.changes).toEqual([{ path: 'priority', before: 'normal', after: 'urgent' }])
    expect(stored.history[3]?.changes).toEqual([{ path: 'summary', before: 'first', after: 'corrected' }])
    expect(CaseSchema.safeParse(stored).success).toBe(true)
  })

  it('searches names, references, event summaries and (deep) bodies', async () => {
    const { patient, org, org2 } = await seedBasics(s)
    const a = await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'ROI-77812' }] })
    const b = await s.cases.add({ patientId: patient.id, organizationId: org2.id })
    await s.cases.addEvent(b.id, { type: 'phone-call', date: '2026-11-02', summary: 'Spoke to HIM', body: 'Clerk named Dolores promised a callback' })
    expect(s.queries.list({ text: 'roi-778' }).map((i) => i.id)).toEqual([a.id])
    expect(s.queries.list({ text: 'valley imaging' }).map((i) => i.id)).toEqual([b.id])
    expect(s.queries.list({ text: 'spoke to him' }).map((i) => i.id)).toEqual([b.id])
    expect(s.queries.list({ text: 'ana ruiz' })).toHaveLength(2)
    expect(s.queries.list({ text: 'dolores' })).toEqual([])
    const progress: number[] = []
    expect(await s.queries.deepSearch('DOLORES', { onProgress: (d) => progress.push(d) })).toEqual([b.id])
    expect(progress.at(-1)).toBe(2)
  })
})
