// Issue 15: the caseload as a query. What it answers is checked against a brute-force reading of
// every case (an oracle that shares none of the index's code); then that the index follows every
// kind of change (a save, a patient's new name, a file written behind the services' back as a sync
// tool would, a restore), that the clock cache recomputes exactly when revision, day or rules
// change, and that the first list of a day answers at once and fills its clocks in.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'
import { writeDemo } from '../../src/services/demo/write'
import { caseloadQuery, type CaseQueryRequest } from '../../src/services/caseload/caseload-query'
import { createEventHub } from '../../src/services/event-hub'
import type { CaseQueryFilter } from '../../src/shared/channels/case-query'
import { CaseQueryInputSchema } from '../../src/shared/channels/case-query'
import { waitingOnOfSummary } from '../../src/services/case-queries'

const TODAY = '2026-11-25'
let dir: string
let s: AppServices

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-caseload-query-'))
  let seq = 0
  s = await openServices({
    dataDir: dir,
    appVersion: 'test',
    holder: 'test',
    dailyBackup: false,
    now: () => new Date(`${TODAY}T15:00:00Z`),
    newId: (p) => `${p}-${String(++seq).padStart(6, '0')}`
  })
  await writeDemo(s, { cases: 120, today: TODAY, attachments: false })
}, 120_000)
afterAll(async () => {
  await s.close()
  await rm(dir, { recursive: true, force: true })
})

const ask = (filter: CaseQueryFilter = {}, rest: Partial<Omit<CaseQueryRequest, 'filter'>> = {}) =>
  s.queries.query(CaseQueryInputSchema.parse({ filter: { asOf: TODAY, ...filter }, window: rest.window ?? { offset: 0, limit: 500 }, ...(rest.sort && { sort: rest.sort }), clocks: 'complete' }) as CaseQueryRequest)

/** Every live case, read from its file, with what a person would search it by. */
async function oracle() {
  const out = []
  for (const { id } of s.store.records.cases.summaries()) {
    const c = (await s.store.records.cases.get(id))!
    const patient = s.store.sharded.patients.get(c.patientId)!.name
    const holder = s.store.sharded.organizations.get(c.organizationId)!.name
    const text = [patient, holder, id, ...c.references.map((r) => r.value), ...c.tags, ...c.events.map((e) => e.summary.slice(0, 160))].join('\n').toLowerCase()
    out.push({ c, text })
  }
  return out.filter((x) => !x.c.deletedAt)
}

describe('cases.query answers what the caseload holds', () => {
  it('finds exactly the cases whose text has every word, in any order and as parts of words', async () => {
    const all = await oracle()
    const somePatient = s.store.sharded.patients.get(all[7]!.c.patientId)!.name
    const [first, last] = somePatient.toLowerCase().split(' ')
    for (const text of [`${last!.slice(1, 4)} ${first!.slice(0, 3)}`, 'fax', 'req', all[3]!.c.id, 'no-such-word-anywhere']) {
      const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
      const expected = all.filter((x) => words.every((w) => x.text.split(/[^\p{L}\p{N}]+/u).some((word) => word.includes(w)))).map((x) => x.c.id)
      const got = await ask({ text })
      expect(got.total, text).toBe(expected.length)
      expect(new Set(got.rows.map((r) => r.id)), text).toEqual(new Set(expected.slice(0, 500)))
    }
  })

  it('sends only the window, pages through the same order, and pulls back an offset past the end', async () => {
    const whole = await ask({}, { window: { offset: 0, limit: 500 } })
    expect(whole.total).toBe((await oracle()).length)
    const pages = []
    for (let offset = 0; offset < whole.total; offset += 25) pages.push(...(await ask({}, { window: { offset, limit: 25 } })).rows.map((r) => r.id))
    expect(pages).toEqual(whole.rows.map((r) => r.id))
    const past = await ask({}, { window: { offset: 10_000, limit: 25 } })
    expect(past.offset).toBe(Math.floor((whole.total - 1) / 25) * 25)
    expect(past.rows.length).toBeGreaterThan(0)
    expect(CaseQueryInputSchema.safeParse({ window: { offset: 0, limit: 501 } }).success).toBe(false)
  })

  it('counts by status and offers each menu counted without its own filter', async () => {
    const every = await ask({})
    const byStatus: Record<string, number> = {}
    for (const r of every.rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
    const overdue = await ask({ status: ['overdue'] })
    expect(overdue.rows.every((r) => r.status === 'overdue')).toBe(true)
    expect(overdue.total).toBe(byStatus['overdue'])
    // The status menu still shows every status while one is picked.
    expect(overdue.counts.byStatus).toEqual(byStatus)
    const holder = every.rows[0]!.organizationId
    const one = await ask({ organizationIds: [holder] })
    expect(one.rows.every((r) => r.organizationId === holder)).toBe(true)
    const holderCounts = new Map<string, number>()
    for (const r of every.rows) holderCounts.set(r.organizationId, (holderCounts.get(r.organizationId) ?? 0) + 1)
    expect(one.facets.organizations.find((o) => o.id === holder)?.count).toBe(holderCounts.get(holder))
    // ...and the other menus count only that holder's cases.
    expect(one.facets.tags.reduce((n, t) => n + t.count, 0)).toBe(one.rows.reduce((n, r) => n + r.tags.length, 0))
  })

  it('says who each case waits on, as Today does, and filters by it', async () => {
    const every = await ask({})
    // Today's own computation (services/worklist/today.ts), from each summary and its clock.
    const today = new Map([...s.store.records.cases.summaries()].map(({ id, rev, summary }) => [id, waitingOnOfSummary(summary, s.clocks.forCase(id, rev, summary.clock, TODAY), TODAY)]))
    expect(every.rows.some((r) => r.waitingOn === 'me') && every.rows.some((r) => r.waitingOn === 'holder')).toBe(true)
    for (const r of every.rows) expect(r.waitingOn, r.id).toBe(today.get(r.id))
    for (const who of ['me', 'holder', 'agency'] as const) {
      const got = await ask({ waitingOn: [who] })
      expect(got.rows.every((r) => r.waitingOn === who), who).toBe(true)
      expect(got.total, who).toBe(every.rows.filter((r) => r.waitingOn === who).length)
    }
    const both = await ask({ waitingOn: ['me', 'holder'] })
    expect(both.total).toBe(every.rows.filter((r) => r.waitingOn === 'me' || r.waitingOn === 'holder').length)
    expect(CaseQueryInputSchema.safeParse({ filter: { waitingOn: ['nobody'] }, window: {} }).success).toBe(false)
  })

  it('sorts by a column both ways, cases without a value last', async () => {
    const up = await ask({}, { sort: { key: 'patient', dir: 'asc' } })
    const names = up.rows.map((r) => r.patientName.toLowerCase())
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const due = await ask({}, { sort: { key: 'due', dir: 'desc' } })
    const dues = due.rows.map((r) => r.due)
    const firstNull = dues.indexOf(null)
    expect(firstNull === -1 || dues.slice(firstNull).every((d) => d === null)).toBe(true)
    const set = dues.filter((d): d is string => d !== null)
    expect(set).toEqual([...set].sort().reverse())
  })

  it('sorts by several keys: each next key orders the ties of those before; the one-key form still works', async () => {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    const got = await ask({}, { sort: [{ key: 'organization', dir: 'asc' }, { key: 'patient', dir: 'desc' }] })
    const pairs = got.rows.map((r) => [r.organizationName.toLowerCase(), r.patientName.toLowerCase()] as const)
    expect(pairs).toEqual([...pairs].sort((a, b) => cmp(a[0], b[0]) || cmp(b[1], a[1])))
    // The demo has holders with several cases, so the second key really did order something.
    expect(new Set(pairs.map((p) => p[0])).size).toBeLessThan(pairs.length)
    const parsed = CaseQueryInputSchema.parse({ sort: { key: 'due', dir: 'desc' }, window: {} })
    expect(parsed.sort).toEqual([{ key: 'due', dir: 'desc' }])
    expect(CaseQueryInputSchema.parse({ window: {} }).sort).toEqual([{ key: 'urgency', dir: 'asc' }])
    expect(CaseQueryInputSchema.safeParse({ sort: [], window: {} }).success).toBe(false)
    expect(CaseQueryInputSchema.safeParse({ sort: Array(6).fill({ key: 'due', dir: 'asc' }), window: {} }).success).toBe(false)
  })

  it('answers every matching id, beyond the window, when asked (the window\'s "select all")', async () => {
    const all = await ask({ status: ['overdue', 'awaiting'] })
    expect(all.total).toBeGreaterThan(5)
    expect(all.ids).toBeUndefined()
    const parsed = CaseQueryInputSchema.parse({ filter: { asOf: TODAY, status: ['overdue', 'awaiting'] }, window: { offset: 0, limit: 5 }, withIds: true, clocks: 'complete' })
    const got = await s.queries.query(parsed as CaseQueryRequest)
    expect(got.rows).toHaveLength(5)
    expect(got.ids).toEqual(all.rows.map((r) => r.id))
  })

  it('filters by assignee (null: none), date ranges and ids; the legacy list agrees', async () => {
    const [a, b] = (await oracle()).slice(0, 2).map((x) => x.c.id)
    const got = await ask({ ids: [a!, b!] })
    expect(got.rows.map((r) => r.id).sort()).toEqual([a, b].sort())
    const none = await ask({ assignees: [null] })
    expect(none.rows.every((r) => r.assignee === null)).toBe(true)
    const recent = await ask({ received: { from: '2026-10-01' } })
    expect(recent.rows.every((r) => r.received !== null && r.received >= '2026-10-01')).toBe(true)
    expect(s.queries.list({ asOf: TODAY, text: 'fax' }).map((r) => r.id)).toEqual((await ask({ text: 'fax' })).rows.map((r) => r.id))
  })
})

describe('the index stays current', () => {
  it('after a save, a patient renamed, a trash and a restore from the trash', async () => {
    const id = (await oracle())[5]!.c.id
    expect((await ask({ text: 'zebrafinch' })).total).toBe(0)
    await s.cases.addEvent(id, { type: 'note', date: TODAY, summary: 'Called about the zebrafinch file' })
    expect((await ask({ text: 'zebrafinch' })).rows.map((r) => r.id)).toEqual([id])
    const c = (await s.store.records.cases.get(id))!
    await s.patients.update(c.patientId, { name: 'Quillon Marchetti' })
    expect((await ask({ text: 'quillon' })).rows.some((r) => r.id === id)).toBe(true)
    await s.cases.trash(id)
    expect((await ask({ text: 'zebrafinch' })).total).toBe(0)
    expect((await ask({ text: 'zebrafinch', trash: 'only' })).total).toBe(1)
    await s.cases.restore(id)
    expect((await ask({ text: 'zebrafinch' })).total).toBe(1)
  })

  it('after a file changed behind the services (as a sync tool brings it) and after a restore from backup', async () => {
    const id = (await oracle())[9]!.c.id
    const backup = await s.store.backups.create('manual')
    const c = (await s.store.records.cases.get(id))!
    // The store's own put, not the case service: what the sync engine does with another computer's file.
    await s.store.records.cases.put({ ...c, tags: [...c.tags, 'kestrelwing'] })
    expect((await ask({ text: 'kestrelwing' })).rows.map((r) => r.id)).toEqual([id])
    await s.store.backups.restore(backup.id)
    expect((await ask({ text: 'kestrelwing' })).total).toBe(0)
    expect((await ask({})).total).toBe((await oracle()).length)
  })
})

describe('clocks', () => {
  it('are cached by revision, day and rules version, and recomputed only when one changes', async () => {
    await ask({})
    const n0 = s.clocks.computedCount()
    await ask({ text: 'fax' })
    await ask({})
    expect(s.clocks.computedCount()).toBe(n0)
    const id = (await oracle())[2]!.c.id
    await s.cases.addEvent(id, { type: 'note', date: TODAY, summary: 'one more note' })
    await ask({})
    expect(s.clocks.computedCount() - n0).toBe(1)
    const sent = (await ask({})).rows.filter((r) => r.status !== 'not-sent').length
    const n1 = s.clocks.computedCount()
    await ask({ asOf: '2026-11-26' })
    expect(s.clocks.computedCount() - n1).toBe(sent)
    const n2 = s.clocks.computedCount()
    await s.settings.saveProfile({ id: 'my-org', version: '1', label: 'My org', days: 20, dayKind: 'calendar', holidays: [], extensionDays: 10 })
    await ask({ asOf: '2026-11-26' })
    expect(s.clocks.computedCount() - n2).toBe(sent)
  })

  it('of a new day: the answer comes at once with clocks pending, the sweep fills them and says so', async () => {
    const heard: Array<{ done: number; total: number }> = []
    const events = createEventHub()
    events.subscribe((name, payload) => {
      if (name === 'caseload.clocks') heard.push(payload as { done: number; total: number })
    })
    // No time for clocks inside an answer: every clock must come from the sweep.
    const q = caseloadQuery(s.context, s.clocks, events, { inlineClockMs: 0 })
    const request = (clocks: 'progressive' | 'complete'): CaseQueryRequest => ({ filter: { asOf: '2027-01-04' }, sort: { key: 'urgency', dir: 'asc' }, window: { offset: 0, limit: 500 }, clocks })
    const first = await q.query(request('progressive'))
    expect(first.clocksPending).toBe(true)
    expect(first.rows.length).toBe(first.total)
    expect(first.rows.some((r) => r.status === 'clock-pending')).toBe(true)
    await q.sweeping()
    const last = heard.at(-1)!
    expect(last.done).toBe(last.total)
    // The sweep left the order sorted with every clock in: the next answer reads it, it does not sort.
    const sorts = q.wholeSorts()
    const after = await q.query(request('progressive'))
    expect(q.wholeSorts()).toBe(sorts)
    expect(after.clocksPending).toBe(false)
    expect(after.rows.some((r) => r.status === 'clock-pending')).toBe(false)
    expect(after.rows.map((r) => [r.id, r.status])).toEqual((await q.query(request('complete'))).rows.map((r) => [r.id, r.status]))
  })
})
