import { describe, expect, it } from 'vitest'
import { addBusinessDays, builtInCalendar, listCalendar, rollForwardToBusinessDay } from './calendar'
import { holidaysInYear } from './holidays'

const federal = builtInCalendar('us-federal', 'federal')
const texas = builtInCalendar('texas-state', 'texas')

describe('business days (docs/day-counting.md §3)', () => {
  it('never counts the day of receipt and skips weekends', () => {
    // Fri 6 Mar 2026 → Mon 9 Mar is business day 1.
    expect(addBusinessDays('2026-03-06', 1, federal).date).toBe('2026-03-09')
    // Received on Saturday or Sunday: same due date as the Friday before.
    expect(addBusinessDays('2026-03-07', 15, texas).date).toBe('2026-03-27')
    expect(addBusinessDays('2026-03-08', 15, texas).date).toBe('2026-03-27')
    expect(addBusinessDays('2026-03-06', 15, texas).date).toBe('2026-03-27')
    expect(addBusinessDays('2026-03-06', 0, texas).date).toBe('2026-03-06')
  })

  it('skips Thanksgiving, and for Texas the day after too', () => {
    // Wed 25 Nov 2026: federal skips only Thu 26 → 15th business day Thu 17 Dec; Texas also Fri 27 → Fri 18 Dec.
    const fed = addBusinessDays('2026-11-25', 15, federal)
    expect(fed.date).toBe('2026-12-17')
    expect(fed.skippedHolidays.map((h) => h.date)).toEqual(['2026-11-26'])
    const tx = addBusinessDays('2026-11-25', 15, texas)
    expect(tx.date).toBe('2026-12-18')
    expect(tx.skippedHolidays.map((h) => h.date)).toEqual(['2026-11-26', '2026-11-27'])
  })

  it('skips the Christmas and New Year observed days across the year end', () => {
    // Fri 17 Dec 2027: Fri 24 Dec (Christmas observed) and Fri 31 Dec (1 Jan 2028 observed) are skipped.
    const r = addBusinessDays('2027-12-17', 15, federal)
    expect(r.date).toBe('2028-01-11')
    expect(r.skippedHolidays.map((h) => h.date)).toEqual(['2027-12-24', '2027-12-31'])
    // Texas 2026: Thu 24, Fri 25 Dec, Fri 1 Jan skipped (26 Dec is a Saturday).
    const t = addBusinessDays('2026-12-18', 15, texas)
    expect(t.date).toBe('2027-01-13')
    expect(t.skippedHolidays.map((h) => h.date)).toEqual(['2026-12-24', '2026-12-25', '2027-01-01'])
  })

  it('uses an explicit holiday list for inline profiles', () => {
    const cal = listCalendar(['2026-05-25'], 'listed', 'org policy')
    expect(addBusinessDays('2026-05-20', 10, cal).date).toBe('2026-06-04')
    expect(rollForwardToBusinessDay('2026-05-23', cal)).toEqual({
      date: '2026-05-26',
      passed: [
        { date: '2026-05-23', why: 'weekend' },
        { date: '2026-05-24', why: 'weekend' },
        { date: '2026-05-25', why: 'holiday' }
      ]
    })
    expect(rollForwardToBusinessDay('2026-05-26', cal).date).toBe('2026-05-26')
  })
})

describe('holiday sets', () => {
  it('adds observed federal days the library lists only as bank holidays', () => {
    // 11 Nov 2028 is a Saturday: federal offices close Fri 10 Nov (5 U.S.C. 6103(b)).
    expect(holidaysInYear('us-federal', 2028).map((h) => h.date)).toContain('2028-11-10')
    // 4 Jul 2027 is a Sunday → Mon 5 Jul; 1 Jan 2028 is a Saturday → Fri 31 Dec 2027, listed under 2027.
    const y2027 = holidaysInYear('us-federal', 2027).map((h) => h.date)
    expect(y2027).toContain('2027-07-05')
    expect(y2027).toContain('2027-12-31')
    expect(holidaysInYear('us-federal', 2028).map((h) => h.date)).not.toContain('2027-12-31')
  })

  it('Texas adds the day after Thanksgiving, 24 and 26 December to the federal list', () => {
    const fed = new Set(holidaysInYear('us-federal', 2026).map((h) => h.date))
    const extra = holidaysInYear('texas-state', 2026)
      .map((h) => h.date)
      .filter((d) => !fed.has(d))
    expect(extra).toEqual(['2026-11-27', '2026-12-24', '2026-12-26'])
  })
})
