import { addDays, differenceInCalendarDays, format } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, diffCalendarDays, formatDate, fromDayNumber, isValidIsoDate, toDayNumber, weekdayName } from './dates'

// date-fns on local-midnight Dates is the reference implementation: it agrees with ours in any
// zone because both sides stay in local time; ours never builds a Date at all.
const localDate = (iso: string): Date => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12)
const isoDay = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber)

describe('isValidIsoDate', () => {
  it.each(['2026-01-05', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (d) => expect(isValidIsoDate(d)).toBe(true))
  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '20260105', '2026-01-05T00:00', ''])(
    'rejects %s',
    (d) => expect(isValidIsoDate(d)).toBe(false)
  )
})

describe('calendar arithmetic', () => {
  it('crosses month ends and leap days', () => {
    expect(addCalendarDays('2026-01-31', 30)).toBe('2026-03-02')
    expect(addCalendarDays('2028-01-30', 30)).toBe('2028-02-29')
    expect(addCalendarDays('2028-02-29', 30)).toBe('2028-03-30')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(diffCalendarDays('2026-02-10', '2026-02-04')).toBe(6)
    expect(diffCalendarDays('2026-02-04', '2026-02-10')).toBe(-6)
  })

  it('agrees with date-fns for any date and offset', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(addCalendarDays(d, n)).toBe(format(addDays(localDate(d), n), 'yyyy-MM-dd'))
      })
    )
  })

  it('diff is the inverse of add and round-trips day numbers', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        expect(addCalendarDays(b, diffCalendarDays(a, b))).toBe(a)
        expect(diffCalendarDays(a, b)).toBe(differenceInCalendarDays(localDate(a), localDate(b)))
        expect(fromDayNumber(toDayNumber(a))).toBe(a)
      })
    )
  })

  it('names weekdays and formats dates for letters', () => {
    expect(formatDate('2026-01-05')).toBe('Mon 5 Jan 2026')
    expect(formatDate('2028-02-29')).toBe('Tue 29 Feb 2028')
    expect(weekdayName('2026-02-07')).toBe('Saturday')
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError)
  })
})
