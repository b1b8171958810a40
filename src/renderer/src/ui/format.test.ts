import { describe, expect, it } from 'vitest'
import { formatDay } from './format'

describe('formatDay', () => {
  it('writes a calendar date the way the locale does', () => {
    expect(formatDay('2026-10-02', 'en-US')).toBe('Fri, Oct 2, 2026')
    expect(formatDay('2026-10-02', 'en-GB')).toBe('Fri, 2 Oct 2026')
    expect(formatDay('2026-10-02', 'de-DE')).toBe('Fr., 2. Okt. 2026')
  })

  it('keeps the day whatever the time zone (read and written in UTC)', () => {
    // The first and last day of a year are where a shift would show most.
    expect(formatDay('2026-01-01', 'en-US')).toBe('Thu, Jan 1, 2026')
    expect(formatDay('2026-12-31', 'en-US')).toBe('Thu, Dec 31, 2026')
  })

  it('takes the date part of an instant and leaves anything else as it is', () => {
    expect(formatDay('2026-10-02T23:30:00Z', 'en-US')).toBe('Fri, Oct 2, 2026')
    expect(formatDay('2026-02-30', 'en-US')).toBe('2026-02-30')
    expect(formatDay('soon', 'en-US')).toBe('soon')
  })
})
