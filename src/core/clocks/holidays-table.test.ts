// The federal holidays table (rules/federal-holidays-table.ts) is date-holidays' own output, for
// every year it covers: the clock engine reads it instead of starting the library (a cold block of
// tens of milliseconds in the first list of a day), so any difference would change a deadline.
// After upgrading date-holidays, a failure here means: run node scripts/federal-holidays.mjs.
import { describe, expect, it } from 'vitest'
import { FEDERAL_TABLE_FIRST_YEAR, FEDERAL_TABLE_YEARS } from '../rules/federal-holidays-table'
import { federalPublicFromLibrary, federalPublicFromTable } from './holidays'

describe('the federal holidays table', () => {
  it('lists, for every year it covers, exactly what date-holidays lists (dates, names, substitute days, order)', () => {
    const last = FEDERAL_TABLE_FIRST_YEAR + FEDERAL_TABLE_YEARS.length - 1
    expect(FEDERAL_TABLE_FIRST_YEAR).toBeLessThanOrEqual(2000)
    expect(last).toBeGreaterThanOrEqual(2060)
    for (let year = FEDERAL_TABLE_FIRST_YEAR; year <= last; year++) {
      const table = federalPublicFromTable(year)
      expect(table, String(year)).toEqual(federalPublicFromLibrary(year))
      expect(table!.length, String(year)).toBeGreaterThanOrEqual(10)
    }
  })

  it('covers nothing outside its years (those ask the library)', () => {
    expect(federalPublicFromTable(FEDERAL_TABLE_FIRST_YEAR - 1)).toBeNull()
    expect(federalPublicFromTable(FEDERAL_TABLE_FIRST_YEAR + FEDERAL_TABLE_YEARS.length)).toBeNull()
  })
})
