// Bulk actions and undo against real services over a temp folder: every case changed through the
// one write path with an audit entry naming the bulk change; undo puts each case back exactly,
// says so in the audit trail, and refuses (changing nothing) when it would wipe out later work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Case } from '../../src/core/schemas'
import { isAppError } from '../../src/shared/errors'
import { createHandlers } from '../../src/services/handlers'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

async function threeCases(): Promise<Case[]> {
  const { patient, org, org2 } = await seedBasics(s)
  const org3 = await s.organizations.add({ name: 'Harbor Clinic', kind: 'provider', state: 'TX' })
  return s.cases.addBatch({ patientId: patient.id, organizationIds: [org.id, org2.id, org3.id] })
}

/** A case without what every write changes (its stamp and history): what undo must give back. */
const content = ({ updatedAt: _u, history: _h, ...rest }: Case) => rest

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message }
    throw e
  }
  throw new Error('expected a refusal')
}

describe('bulk actions', () => {
  it('logs "request sent" on a batch of 3, with one summary, one change set and an audit note on each case', async () => {
    const batch = await threeCases()
    const ids = batch.map((c) => c.id)
    const r = await s.bulk.apply({ ids, action: { kind: 'event', event: { type: 'request-sent', date: '2026-11-20', channel: 'fax', summary: 'Batch faxed' } } })
    expect(r.summary).toBe('Logged “request sent” on 2026-11-20 on 3 cases')
    expect(r.changed).toEqual(ids)
    expect(r.unchanged).toEqual([])
    expect(r.changeSetId).not.toBeNull()
    for (const id of ids) {
      const c = await s.cases.load(id)
      expect(c.events.map((e) => [e.type, e.date])).toEqual([['request-sent', '2026-11-20']])
      expect(c.history.at(-1)).toMatchObject({ action: 'add-event', note: 'Part of a bulk change: Logged “request sent” on 2026-11-20 on 3 cases' })
    }
    expect(s.queries.list().map((i) => i.status)).toEqual(['awaiting', 'awaiting', 'awaiting'])
    expect(s.bulk.last()).toMatchObject({ id: r.changeSetId, summary: r.summary, caseIds: ids, undoneAt: null })
  })

  it('leaves alone what already is as asked, and says why, case by case', async () => {
    const [a, b, c] = await threeCases()
    await s.cases.update(a!.id, { priority: 'high' })
    await s.cases.trash(c!.id)
    const r = await s.bulk.apply({ ids: [a!.id, b!.id, c!.id], action: { kind: 'priority', priority: 'high' } })
    expect(r.changed).toEqual([b!.id])
    expect(r.unchanged).toEqual([
      { caseId: a!.id, reason: 'already high' },
      { caseId: c!.id, reason: 'is in the trash (restore it first)' }
    ])
    expect(r.summary).toBe('Set the priority of 1 case to high · 2 cases left as they were')
    const none = await s.bulk.apply({ ids: [a!.id], action: { kind: 'priority', priority: 'high' } })
    expect(none).toMatchObject({ changeSetId: null, summary: 'Nothing changed · 1 case left as it was', changed: [] })
  })

  it('refuses bad input with the field and the problem', async () => {
    const e = await refusal(s.bulk.apply({ ids: [], action: { kind: 'trash' } }))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toContain('select at least one case')
  })
})

describe('undo', () => {
  it('puts every case back exactly as it was, and the audit trail says so', async () => {
    const batch = await threeCases()
    const ids = batch.map((c) => c.id)
    await s.cases.update(ids[0]!, { tags: ['keep'] })
    const before = await Promise.all(ids.map((id) => s.cases.load(id)))
    const r = await s.bulk.apply({ ids, action: { kind: 'tag', add: ['batch-7'], remove: ['keep'] } })
    expect(r.summary).toBe('3 cases tagged “batch-7” and untagged “keep”')
    expect((await s.cases.load(ids[0]!)).tags).toEqual(['batch-7'])
    const undone = await s.bulk.undo(r.changeSetId!)
    expect(undone).toEqual({ summary: 'Undid “3 cases tagged “batch-7” and untagged “keep””', restored: ids })
    for (const [i, id] of ids.entries()) {
      const now = await s.cases.load(id)
      expect(content(now)).toEqual(content(before[i]!))
      // The history keeps the bulk change and adds the undo after it.
      expect(now.history.slice(0, before[i]!.history.length)).toEqual(before[i]!.history)
      expect(now.history.at(-2)).toMatchObject({ action: 'update', note: expect.stringContaining('bulk change') })
      expect(now.history.at(-1)).toMatchObject({ action: 'undo', entity: 'case', entityId: id, note: `Undid “${r.summary}”` })
    }
    expect(s.bulk.last()?.undoneAt).not.toBeNull()
    expect(await refusal(s.bulk.undo(r.changeSetId!))).toEqual({ code: 'CONFLICT', message: `“${r.summary}” was already undone.` })
  })

  it('undoes a bulk "request sent": the events go and the clocks follow', async () => {
    const ids = (await threeCases()).map((c) => c.id)
    const r = await s.bulk.apply({ ids, action: { kind: 'event', event: { type: 'request-sent', date: '2026-11-20' } } })
    await s.bulk.undo(r.changeSetId!)
    for (const id of ids) expect((await s.cases.load(id)).events).toEqual([])
    expect(s.queries.list().map((i) => i.status)).toEqual(['not-sent', 'not-sent', 'not-sent'])
  })

  it('refuses a stale change set with a clear message and changes nothing', async () => {
    const [a, b] = await threeCases()
    const r = await s.bulk.apply({ ids: [a!.id, b!.id], action: { kind: 'assign', assignee: 'Dana Reyes' } })
    expect(r.summary).toBe('Assigned 2 cases to Dana Reyes')
    await s.cases.update(b!.id, { notes: 'Called the records office' })
    const e = await refusal(s.bulk.undo(r.changeSetId!))
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toMatch(/^“Assigned 2 cases to Dana Reyes” cannot be undone: the case of Ana Ruiz with Valley Imaging Lab was changed afterwards .* Nothing was undone/)
    expect((await s.cases.load(a!.id)).assignee).toBe('Dana Reyes')
    expect((await s.cases.load(b!.id)).assignee).toBe('Dana Reyes')
    expect(s.bulk.last()?.undoneAt).toBeNull()
  })

  it('only the last change can be undone', async () => {
    const [a, b] = await threeCases()
    const first = await s.bulk.apply({ ids: [a!.id], action: { kind: 'priority', priority: 'urgent' } })
    await s.bulk.apply({ ids: [b!.id], action: { kind: 'priority', priority: 'low' } })
    const e = await refusal(s.bulk.undo(first.changeSetId!))
    expect(e).toEqual({ code: 'CONFLICT', message: '“Set the priority of 1 case to urgent” can no longer be undone: a later change came after it (“Set the priority of 1 case to low”). Only the last change can be undone.' })
    expect((await refusal(s.bulk.undo('change-9999'))).code).toBe('NOT_FOUND')
  })

  it('covers one trashed case and one removed reminder, through the same channels the window uses', async () => {
    const [a] = await threeCases()
    const h = createHandlers(s)
    const reminder = await h['cases.addReminder']({ caseId: a!.id, reminder: { date: '2026-12-01', note: 'Call back' } })
    const withReminder = await s.cases.load(a!.id)
    await h['cases.removeReminder']({ caseId: a!.id, reminderId: reminder.id })
    const last = await h['cases.lastChange']({})
    expect(last).toMatchObject({ kind: 'remove-reminder', summary: 'Removed the reminder of 2026-12-01 “Call back” from the case of Ana Ruiz with Mercy General Hospital' })
    await h['cases.undo']({ changeSetId: last!.id })
    expect(content(await s.cases.load(a!.id))).toEqual(content(withReminder))

    await h['cases.trash']({ id: a!.id })
    const trashed = await h['cases.lastChange']({})
    expect(trashed?.summary).toBe('Moved the case of Ana Ruiz with Mercy General Hospital to the trash')
    expect(s.queries.list({ trash: 'only' }).map((i) => i.id)).toEqual([a!.id])
    await h['cases.undo']({ changeSetId: trashed!.id })
    expect(s.queries.list({ trash: 'only' })).toEqual([])
    expect(content(await s.cases.load(a!.id))).toEqual(content(withReminder))
  })

  it('bulk trash and restore, and undo after the folder is opened again', async () => {
    const ids = (await threeCases()).map((c) => c.id)
    const r = await s.bulk.apply({ ids, action: { kind: 'trash' } })
    expect(r.summary).toBe('Moved 3 cases to the trash')
    expect(s.queries.list()).toEqual([])
    const dir = s.dataDir
    await s.close()
    s = await testServices('2026-11-25T16:00:00.000Z', dir)
    expect(s.bulk.last()?.id).toBe(r.changeSetId)
    await s.bulk.undo(r.changeSetId!)
    expect(s.queries.list().map((i) => i.id).sort()).toEqual([...ids].sort())
  })

  it('drafts letters for a selection and takes them back', async () => {
    const ids = (await threeCases()).map((c) => c.id)
    for (const id of ids) await s.cases.addEvent(id, { type: 'request-sent', date: '2026-09-01' })
    const r = await s.bulk.apply({ ids, action: { kind: 'letters', templateId: 'follow-up', values: {} } })
    expect(r.summary).toMatch(/^Drafted “.+” for 3 cases$/)
    for (const id of ids) expect((await s.cases.load(id)).letters).toHaveLength(1)
    await s.bulk.undo(r.changeSetId!)
    for (const id of ids) {
      const c = await s.cases.load(id)
      expect(c.letters).toEqual([])
      expect(c.events.map((e) => e.type)).toEqual(['request-sent'])
    }
  })
})
