// Holiday calendars for business-day counting (DOMAIN 0.3). US federal public holidays come from
// date-holidays, a well-kept, pure JS library; observed days are then derived by the federal rule
// (Saturday → the Friday before, Sunday → the Monday after) because the library lists some of them
// only as bank holidays (e.g. Veterans Day 2028 observed Fri 10 Nov). Texas adds the day after
// Thanksgiving, 24 and 26 December. Results are cached per calendar and year: pure, deterministic.
import Holidays from 'date-holidays'
import { FEDERAL_HOLIDAYS, TEXAS_HOLIDAYS, type HolidaySetId } from '../rules'
import { addCalendarDays, fromDayNumber, toDayNumber, weekdayOfDay, type DayNumber } from './dates'

export type Holiday = { date: string; name: string; source: string }

const SATURDAY = 6
const SUNDAY = 0
const THURSDAY = 4

let usLibrary: Holidays | null = null
const libraryYearCache = new Map<number, ReadonlyArray<Holiday>>()

/** Public holidays the library lists under `year`, plus their observed weekdays. */
function federalFromLibrary(year: number): ReadonlyArray<Holiday> {
  const cached = libraryYearCache.get(year)
  if (cached) return cached
  usLibrary ??= new Holidays('US')
  const out: Holiday[] = []
  const observed: Holiday[] = []
  for (const h of usLibrary.getHolidays(year)) {
    if (h.type !== 'public') continue
    // `h.date` is "YYYY-MM-DD hh:mm:ss" in the region's own zone: the date part never depends on ours.
    const date = h.date.slice(0, 10)
    out.push({ date, name: h.name, source: FEDERAL_HOLIDAYS.citation })
    if (h.substitute) continue
    const z = toDayNumber(date)
    const w = weekdayOfDay(z)
    if (w === SATURDAY) observed.push({ date: fromDayNumber(z - 1), name: `${h.name} (observed)`, source: FEDERAL_HOLIDAYS.citation })
    if (w === SUNDAY) observed.push({ date: fromDayNumber(z + 1), name: `${h.name} (observed)`, source: FEDERAL_HOLIDAYS.citation })
  }
  // The library's own entries first, so its names win where it already lists the observed day.
  const all = [...out, ...observed]
  libraryYearCache.set(year, all)
  return all
}

/** Fourth Thursday of November. */
function thanksgiving(year: number): string {
  const nov1 = toDayNumber(`${year}-11-01`)
  const firstThursday = nov1 + ((THURSDAY - weekdayOfDay(nov1) + 7) % 7)
  return fromDayNumber(firstThursday + 21)
}

function texasAdditions(year: number): Holiday[] {
  const src = TEXAS_HOLIDAYS.citation
  return [
    { date: addCalendarDays(thanksgiving(year), 1), name: 'Day after Thanksgiving', source: src },
    { date: `${year}-12-24`, name: 'Christmas Eve', source: src },
    { date: `${year}-12-26`, name: 'Day after Christmas', source: src }
  ]
}

const setYearCache = new Map<string, ReadonlyMap<DayNumber, Holiday>>()

/** Holidays of `set` that fall in calendar `year`, keyed by day number; one name per date. */
export function holidayMap(set: HolidaySetId, year: number): ReadonlyMap<DayNumber, Holiday> {
  const key = `${set}:${year}`
  const cached = setYearCache.get(key)
  if (cached) return cached
  // An observed day can fall in the neighbouring year (1 Jan on a Saturday → 31 Dec), so look at both.
  const candidates = [...federalFromLibrary(year - 1), ...federalFromLibrary(year), ...federalFromLibrary(year + 1)]
  if (set === 'texas-state') candidates.push(...texasAdditions(year))
  const map = new Map<DayNumber, Holiday>()
  const prefix = `${year}-`
  for (const h of candidates) {
    if (!h.date.startsWith(prefix)) continue
    const z = toDayNumber(h.date)
    if (!map.has(z)) map.set(z, h)
  }
  const sorted = new Map([...map.entries()].sort((a, b) => a[0] - b[0]))
  setYearCache.set(key, sorted)
  return sorted
}

export function holidaysInYear(set: HolidaySetId, year: number): ReadonlyArray<Holiday> {
  return [...holidayMap(set, year).values()]
}

export const HOLIDAY_SET_LABELS: Readonly<Record<HolidaySetId, string>> = {
  'us-federal': 'US federal holidays (observed dates)',
  'texas-state': 'US federal holidays (observed dates) and Texas state holidays'
}
