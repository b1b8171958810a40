// The time-zone projects of `npm test` are only worth something if each really runs in its zone:
// this fails if the zone given to a project did not reach the process running its tests.
import { describe, expect, it } from 'vitest'

const expected = process.env['ACCESS_ADVOCATE_EXPECT_TZ']

describe('time zone of the clock suites', () => {
  // Run only inside a time-zone project (vitest.config.mts), never by the plain project.
  it(`runs under TZ=${expected ?? ''}`, () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected)
    // Honolulu is UTC-10 and Guam UTC+10 all year (no daylight saving): the offset proves it too.
    const offset = new Date(2026, 6, 1).getTimezoneOffset()
    if (expected === 'Pacific/Honolulu') expect(offset).toBe(600)
    if (expected === 'Pacific/Guam') expect(offset).toBe(-600)
    if (expected === 'UTC') expect(offset).toBe(0)
  })
})
