// The state calendars against their statutes, day by day, and against date-holidays' regional data:
// every day on which the library and the statute disagree is listed here with the reason, so a new
// library version or a change to the data shows up as a failing, reviewable difference.
import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import { holidaysInYear } from '../clocks/holidays'
import type { HolidaySetId } from './types'

const YEARS = Array.from({ length: 11 }, (_, i) => 2020 + i)
const datesOf = (set: HolidaySetId, year: number): string[] => holidaysInYear(set, year).map((h) => h.date)
const named = (set: HolidaySetId, year: number, name: string): string[] =>
  holidaysInYear(set, year)
    .filter((h) => h.name === name)
    .map((h) => h.date)

describe('Texas: Tex. Gov’t Code §662.003', () => {
  it('closes on the national holidays of (a) and the day after Thanksgiving, 24 and 26 December', () => {
    expect(datesOf('texas-state', 2026)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-07-04', '2026-09-07',
      '2026-11-11', '2026-11-26', '2026-11-27', '2026-12-24', '2026-12-25', '2026-12-26'
    ])
  })
  it('has no Columbus Day, no Juneteenth closure, no skeleton-crew day and no federal substitute day, in any year', () => {
    for (const y of YEARS) {
      const days = datesOf('texas-state', y)
      for (const md of ['01-19', '03-02', '04-21', '06-19', '08-27']) {
        // 19 Jan can coincide with MLK Day (third Monday), which is a national holiday of (a).
        if (md === '01-19' && named('texas-state', y, 'Martin Luther King, Jr., Day')[0] === `${y}-01-19`) continue
        expect(days, `${y}-${md}`).not.toContain(`${y}-${md}`)
      }
      expect(holidaysInYear('texas-state', y).some((h) => /Columbus|Juneteenth|observed/.test(h.name))).toBe(false)
    }
    expect(datesOf('texas-state', 2026)).not.toContain('2026-07-03')
    expect(datesOf('texas-state', 2027)).not.toContain('2027-12-31')
  })
})

describe('Washington: RCW 1.16.050', () => {
  it('Native American Heritage Day is the Friday after Thanksgiving every year', () => {
    for (const y of YEARS) {
      const [thanksgiving] = named('washington-state', y, 'Thanksgiving Day')
      const [heritage] = named('washington-state', y, 'Native American Heritage Day')
      expect(new Date(`${heritage}T00:00:00Z`).getTime() - new Date(`${thanksgiving}T00:00:00Z`).getTime()).toBe(86_400_000)
    }
  })
  it('Juneteenth from 2022 (2021 c 295, in force 25 July 2021), never Columbus Day', () => {
    expect(named('washington-state', 2021, 'Juneteenth')).toEqual([])
    expect(named('washington-state', 2022, 'Juneteenth')).toEqual(['2022-06-19'])
    expect(named('washington-state', 2022, 'Juneteenth (observed)')).toEqual(['2022-06-20'])
    for (const y of YEARS) expect(holidaysInYear('washington-state', y).some((h) => h.name.startsWith('Columbus'))).toBe(false)
  })
  it('a holiday on a Saturday is kept on the Friday before; on a Sunday on the Monday after', () => {
    expect(named('washington-state', 2027, 'Christmas Day (observed)')).toEqual(['2027-12-24'])
    expect(named('washington-state', 2027, 'New Year’s Day (observed)')).toEqual(['2027-12-31'])
    expect(named('washington-state', 2022, 'Christmas Day (observed)')).toEqual(['2022-12-26'])
  })
})

describe('California: Code Civ. Proc. §135', () => {
  it('Columbus Day until 2021, Native American Day from 2022, Juneteenth from 2023, Lincoln Day always', () => {
    expect(named('california-judicial', 2021, 'Columbus Day')).toEqual(['2021-10-11'])
    expect(named('california-judicial', 2022, 'Columbus Day')).toEqual([])
    expect(named('california-judicial', 2021, 'Native American Day')).toEqual([])
    expect(named('california-judicial', 2022, 'Native American Day')).toEqual(['2022-09-23'])
    expect(named('california-judicial', 2022, 'Juneteenth')).toEqual([])
    expect(named('california-judicial', 2023, 'Juneteenth')).toEqual(['2023-06-19'])
    for (const y of YEARS) expect(named('california-judicial', y, 'Lincoln Day')).toEqual([`${y}-02-12`])
    expect(named('california-judicial', 2026, 'Day after Thanksgiving')).toEqual(['2026-11-27'])
  })
})

/** Where date-holidays' regional data differs from the statute: the holiday names, by year. */
const LIBRARY_DIFFERENCES: Record<string, { region: string; libraryOnly: (y: number) => string[]; oursOnly: (y: number) => string[] }> = {
  // §662.003 lists neither: Columbus Day is not a Texas holiday; 19 June is a skeleton-crew state holiday.
  'texas-state': { region: 'TX', libraryOnly: (y) => [...(y >= 2021 ? ['Juneteenth'] : []), 'Columbus Day'], oursOnly: () => [] },
  // RCW 1.16.050: Columbus Day is only a recognized day; Juneteenth from 2022; Native American Heritage Day since 2014.
  'washington-state': {
    region: 'WA',
    libraryOnly: (y) => [...(y === 2021 ? ['Juneteenth'] : []), 'Columbus Day'],
    oursOnly: () => ['Native American Heritage Day']
  },
  // §135 with Gov. Code §6700: Lincoln Day; Columbus Day until 2021; Native American Day from 2022; Juneteenth from 2023.
  'california-judicial': {
    region: 'CA',
    libraryOnly: (y) => (y === 2021 || y === 2022 ? ['Juneteenth'] : []),
    oursOnly: (y) => ['Lincoln Day', y <= 2021 ? 'Columbus Day' : 'Native American Day']
  }
}

describe('differences from date-holidays’ regional data are exactly the declared ones', () => {
  for (const [set, diff] of Object.entries(LIBRARY_DIFFERENCES)) {
    it(set, () => {
      const lib = new Holidays('US', diff.region)
      for (const y of YEARS) {
        // The library's own days (no substitutes: each statute has its own weekend rule).
        const library = new Map(
          lib
            .getHolidays(y)
            .filter((h) => h.type === 'public' && !h.substitute)
            .map((h) => [h.date.slice(0, 10), h.name])
        )
        const ours = new Map(
          holidaysInYear(set as HolidaySetId, y)
            .filter((h) => !h.name.endsWith('(observed)'))
            .map((h) => [h.date, h.name])
        )
        const libraryOnly = [...library].filter(([d]) => !ours.has(d)).map(([, n]) => n)
        const oursOnly = [...ours].filter(([d]) => !library.has(d)).map(([, n]) => n)
        expect({ y, libraryOnly, oursOnly }).toEqual({ y, libraryOnly: diff.libraryOnly(y), oursOnly: diff.oursOnly(y) })
      }
    })
  }
})
