// Business-day arithmetic (docs/day-counting.md §3): a business day is Monday to Friday and not a holiday of the
// profile. The day of receipt is day 0 and never counts; due is the N-th business day after it.
import type { HolidaySetId } from '../rules'
import { fromDayNumber, isWeekendDay, toDayNumber, yearOfDay, type DayNumber } from './dates'
import { holidayMap, type Holiday } from './holidays'

/** The holidays a profile skips: a built-in set, an explicit list (inline profiles), or none. */
export type HolidayCalendar = {
  label: string
  holidayOn: (z: DayNumber) => Holiday | undefined
}

export function builtInCalendar(set: HolidaySetId, label: string): HolidayCalendar {
  // Remember the last year's map: a count rarely leaves the year it started in.
  let year = NaN
  let map: ReadonlyMap<DayNumber, Holiday> = new Map()
  return {
    label,
    holidayOn: (z) => {
      const y = yearOfDay(z)
      if (y !== year) {
        year = y
        map = holidayMap(set, y)
      }
      return map.get(z)
    }
  }
}

export function listCalendar(dates: ReadonlyArray<string>, label: string, source: string): HolidayCalendar {
  const map = new Map<DayNumber, Holiday>(dates.map((d) => [toDayNumber(d), { date: d, name: 'holiday', source }]))
  return { label, holidayOn: (z) => map.get(z) }
}

export const NO_HOLIDAYS: HolidayCalendar = { label: 'no holidays', holidayOn: () => undefined }

export const isBusinessDay = (z: DayNumber, cal: HolidayCalendar): boolean => !isWeekendDay(z) && !cal.holidayOn(z)

export type BusinessCount = { date: string; skippedHolidays: Holiday[] }

/** The `n`-th business day after `date` (n >= 0; n = 0 returns `date`), and the holidays passed over. */
export function addBusinessDays(date: string, n: number, cal: HolidayCalendar): BusinessCount {
  let z = toDayNumber(date)
  const skippedHolidays: Holiday[] = []
  let counted = 0
  while (counted < n) {
    z += 1
    if (isWeekendDay(z)) continue
    const h = cal.holidayOn(z)
    if (h) {
      skippedHolidays.push(h)
      continue
    }
    counted += 1
  }
  return { date: fromDayNumber(z), skippedHolidays }
}

export type RollForward = { date: string; passed: Array<{ date: string; why: string }> }

/** The first business day on or after `date`, with the non-business days passed over and why. */
export function rollForwardToBusinessDay(date: string, cal: HolidayCalendar): RollForward {
  let z = toDayNumber(date)
  const passed: Array<{ date: string; why: string }> = []
  while (!isBusinessDay(z, cal)) {
    const h = cal.holidayOn(z)
    passed.push({ date: fromDayNumber(z), why: h ? h.name : 'weekend' })
    z += 1
  }
  return { date: fromDayNumber(z), passed }
}
