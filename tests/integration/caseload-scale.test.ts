// Issue 15 at scale, without timing anything: the benchmark's caseload builder (bench/fixture.ts)
// writes a folder that opens as the app's own (nothing quarantined, repaired or rebuilt, every case
// readable and valid), and the first list of a day over it gives the event loop back between
// slices (counted, not timed) while answering exactly what an answer computed at once gives.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../../bench/fixture'
import { openServices, type AppServices } from '../../src/services/app-services'
import { caseloadQuery, type CaseQueryRequest } from '../../src/services/caseload/caseload-query'
import { STEP_EVERY } from '../../src/services/caseload/slices'
import { CaseSchema } from '../../src/core/schemas'

const TODAY = '2026-11-25'
const CASES = 700
let dir: string
let s: AppServices

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-caseload-scale-'))
  const built = await buildFixture({ dataDir: dir, cases: CASES, organizations: 350, patients: 233, eventsPerCase: 11, today: TODAY, batch: 200 })
  expect(built).toMatchObject({ cases: CASES, organizations: 350, patients: 233 })
  s = await openServices({ dataDir: dir, appVersion: 'test', holder: 'test', dailyBackup: false, now: () => new Date(`${TODAY}T15:00:00Z`) })
}, 120_000)
afterAll(async () => {
  await s?.close()
  await rm(dir, { recursive: true, force: true })
})

describe("the benchmark's caseload builder", () => {
  it('writes a folder that opens cleanly: nothing recovered or quarantined, every case valid and listed', async () => {
    expect(s.recoveries()).toEqual([])
    expect(await s.store.journal()).toEqual([])
    const top = await readdir(dir)
    expect(top).not.toContain('quarantine')
    const summaries = s.store.records.cases.summaries()
    expect(summaries).toHaveLength(CASES)
    expect((await readdir(join(dir, 'cases'))).filter((f) => f.endsWith('.json'))).toHaveLength(CASES)
    for (const { id, summary } of summaries) {
      const c = await s.store.records.cases.get(id)
      expect(CaseSchema.safeParse(c).success).toBe(true)
      expect(c!.events.length).toBe(summary.eventCount)
      // Made as the app makes a case: audited (created, then each event logged).
      expect(c!.history[0]!.action).toBe('create')
      expect(s.store.sharded.patients.get(c!.patientId)).toBeDefined()
      expect(s.store.sharded.organizations.get(c!.organizationId)).toBeDefined()
    }
    const check = await s.store.check()
    expect(check.recoveries).toEqual([])
    expect(Object.values(check.damagedRecords).flat()).toEqual([])
  })
})

describe('the first list of a day', () => {
  const request: CaseQueryRequest = { filter: { asOf: '2027-02-01' }, sort: { key: 'urgency', dir: 'asc' }, window: { offset: 0, limit: 100 }, clocks: 'progressive' }

  it('loads the index, sorts and filters in slices, the event loop running between them, and answers as an answer at once does', async () => {
    // A callback that asks to run again at every turn of the event loop: it counts the turns.
    let turns = 0
    let spinning = true
    const spin = (): void => {
      turns++
      if (spinning) setImmediate(spin)
    }
    const sliced = caseloadQuery(s.context, s.clocks, undefined, { sliceMs: 0 })
    setImmediate(spin)
    const answer = await sliced.query(request)
    spinning = false
    // Each loop over the caseload (the index's load, the clocks read, the sort keys, the merge, the
    // filter) pauses every STEP_EVERY cases at least: that many turns, at the least, ran meanwhile.
    const minimum = 4 * Math.floor(CASES / STEP_EVERY)
    expect(sliced.pauses()).toBeGreaterThanOrEqual(minimum)
    expect(turns).toBeGreaterThanOrEqual(minimum)
    expect(answer.clocksPending).toBe(true)
    await sliced.sweeping()

    // The same question to a query that never pauses, with every clock now known.
    const atOnce = caseloadQuery(s.context, s.clocks, undefined, { sliceMs: Infinity })
    const whole = await atOnce.query(request)
    expect(atOnce.pauses()).toBe(0)
    const settled = await sliced.query(request)
    expect(settled.clocksPending).toBe(false)
    expect(settled.rows.map((r) => [r.id, r.status, r.due])).toEqual(whole.rows.map((r) => [r.id, r.status, r.due]))
    expect(settled.counts).toEqual(whole.counts)
    // The rows of the first answer were the caseload's, only their clocks were still to come.
    expect(answer.total).toBe(whole.total)
  })

  it('gives way to answers: no clock of the sweep is computed while an answer is under way, and it finishes after', async () => {
    // No time for clocks inside an answer, and a pause at every step: a clock computed during the
    // answer is the sweep's, run in the answer's pauses (as it was, doubling the answer's time).
    const q = caseloadQuery(s.context, s.clocks, undefined, { inlineClockMs: 0, sliceMs: 0 })
    const day: CaseQueryRequest = { ...request, filter: { asOf: '2027-03-01' } }
    await q.query(day) // loads the index, starts the sweep of that day
    const sweep = q.sweeping()
    expect(sweep).not.toBeNull()
    const before = s.clocks.computedCount()
    const pauses = q.pauses()
    const during = await q.query({ ...day, sort: { key: 'patient', dir: 'asc' } })
    expect(q.pauses() - pauses).toBeGreaterThanOrEqual(2 * Math.floor(CASES / STEP_EVERY))
    expect(s.clocks.computedCount()).toBe(before)
    expect(during.clocksPending).toBe(true)
    await sweep
    expect(s.clocks.computedCount() - before).toBeGreaterThan(CASES / 2)
    expect((await q.query(day)).clocksPending).toBe(false)
    // An answer that waits for every clock waits for the sweep, which does not wait for it.
    const complete = await q.query({ ...day, filter: { asOf: '2027-03-02' }, clocks: 'complete' })
    expect(complete.clocksPending).toBe(false)
  })
})
