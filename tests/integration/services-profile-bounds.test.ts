// Issue 10, defect 8: one bad profile must never break the whole caseload, and profile input is
// bounded (days and extension days within sane limits, in-force ranges ordered, a safe id).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'

let dir: string
let s: AppServices
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-profile-bounds-'))
  s = await openServices({ dataDir: dir, appVersion: 'test', holder: 'test', dailyBackup: false })
})
afterEach(async () => {
  await s.close()
  await rm(dir, { recursive: true, force: true })
})

const profile = (over: Record<string, unknown> = {}) => ({
  id: 'my-org',
  version: '1',
  label: 'My org',
  days: 20,
  dayKind: 'calendar',
  holidays: [],
  extensionDays: 10,
  ...over
})

describe('profile input is bounded', () => {
  it.each([
    ['days: 1000000000', { days: 1_000_000_000 }, /days/],
    ['extensionDays: 1000000000', { extensionDays: 1_000_000_000 }, /extensionDays/],
    ['a reversed in-force range', { inForce: { from: '2026-07-01', to: '2026-01-01' } }, /inForce/],
    ['an id that is a path', { id: '../../etc/x' }, /id/],
    ['an id with a control character', { id: 'a\u001b[31m' }, /id/]
  ])('%s is refused as INVALID_INPUT', async (_name, over, field) => {
    const err = await s.settings.saveProfile(profile(over)).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'INVALID_INPUT' })
    expect((err as Error).message).toMatch(field)
  })

  it('a sane profile is saved', async () => {
    await expect(s.settings.saveProfile(profile())).resolves.toMatchObject({ id: 'my-org' })
  })
})

describe('a clock that cannot be computed', () => {
  it('is a clock error for that case, never a failure of the whole list', () => {
    const scenario = { received: '2026-01-05', profile: { id: 'huge', days: 1_000_000_000, dayKind: 'calendar', holidays: [], extensionDays: 0 }, events: [], reminders: [], receiptAssumed: false, ignoredBeforeReceipt: 0 }
    const clock = s.clocks.compute(scenario as never, '2026-02-01')
    expect(clock.state).toBe('error')
  })
})
