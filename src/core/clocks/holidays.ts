// Holiday calendars for business-day counting and roll-forward (docs/day-counting.md §3). US
// federal public holidays come from date-holidays, a well-kept, pure JS library; observed days are
// then derived by the federal rule (Saturday → the Friday before, Sunday → the Monday after) because
// the library lists some of them only as bank holidays (e.g. Veterans Day 2028 observed Fri 10 Nov).
// Each state's calendar is the statute's own list, declared as data in src/core/rules
// (holiday-calendars.ts). Results are cached per calendar and year: pure, deterministic.
//
// The library's first use in a process costs tens of milliseconds of cold code (50–90 ms on a busy
// machine), one block inside the first list of a day. For the years 1990–2080 its output is read
// from a table generated from the library itself (rules/federal-holidays-table.ts, checked year by
// year against the library by holidays-table.test.ts); other years still ask the library.
import Holidays from 'date-holidays'
import { FEDERAL_TABLE_FIRST_YEAR, FEDERAL_TABLE_YEARS } from '../rules/federal-holidays-table'
import {
  CALIFORNIA_JUDICIAL_HOLIDAYS,
  FEDERAL_HOLIDAYS,
  TEXAS_STATE_HOLIDAYS,
  WASHINGTON_STATE_HOLIDAYS,
  type HolidayDateRule,
  type HolidaySetId,
  type StateHolidayCalendar
} from '../rules'
import { addCalendarDays, fromDayNumber, toDayNumber, weekdayOfDay, type DayNumber } from './dates'

export type Holiday = { date: string; name: string; source: string }

const SATURDAY = 6
const SUNDAY = 0
const THURSDAY = 4

let usLibrary: Holidays | null = null
const libraryYearCache = new Map<number, ReadonlyArray<Holiday>>()

/** A public holiday as date-holidays lists it: its date, name, and whether it is the library's substitute day. */
export type LibraryHoliday = { date: string; name: string; substitute: boolean }

/** The US public holidays date-holidays lists under `year`, asking the library itself. */
export function federalPublicFromLibrary(year: number): LibraryHoliday[] {
  usLibrary ??= new Holidays('US')
  // `h.date` is "YYYY-MM-DD hh:mm:ss" in the region's own zone: the date part never depends on ours.
  return usLibrary
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, substitute: h.substitute === true }))
}

/** The same list read from the generated table, or null for a year it does not cover. */
export function federalPublicFromTable(year: number): LibraryHoliday[] | null {
  const row = FEDERAL_TABLE_YEARS[year - FEDERAL_TABLE_FIRST_YEAR]
  if (row === undefined || year < FEDERAL_TABLE_FIRST_YEAR) return null
  return row.split('|').map((item) => {
    const space = item.indexOf(' ')
    const substitute = item[space - 1] === '*'
    return { date: item.slice(0, 10), name: item.slice(space + 1), substitute }
  })
}

/** Public holidays the library lists under `year`, plus their observed weekdays. */
function federalFromLibrary(year: number): ReadonlyArray<Holiday> {
  const cached = libraryYearCache.get(year)
  if (cached) return cached
  const out: Holiday[] = []
  const observed: Holiday[] = []
  for (const h of federalPublicFromTable(year) ?? federalPublicFromLibrary(year)) {
    const date = h.date
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

const WEEKDAY_COUNT = 7

/** The date of a statute's holiday rule in `year`. */
function dateOf(rule: HolidayDateRule, year: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  switch (rule.kind) {
    case 'fixed':
      return `${year}-${pad(rule.month)}-${pad(rule.day)}`
    case 'nth-weekday': {
      if (rule.n > 0) {
        const first = toDayNumber(`${year}-${pad(rule.month)}-01`)
        return fromDayNumber(first + ((rule.weekday - weekdayOfDay(first) + WEEKDAY_COUNT) % WEEKDAY_COUNT) + (rule.n - 1) * WEEKDAY_COUNT)
      }
      // Last such weekday: step back from the first day of the next month.
      const next = rule.month === 12 ? `${year + 1}-01-01` : `${year}-${pad(rule.month + 1)}-01`
      const last = toDayNumber(next) - 1
      return fromDayNumber(last - ((weekdayOfDay(last) - rule.weekday + WEEKDAY_COUNT) % WEEKDAY_COUNT))
    }
    case 'day-after-thanksgiving':
      return addCalendarDays(dateOf({ kind: 'nth-weekday', month: 11, weekday: THURSDAY, n: 4 }, year), 1)
  }
}

/** A state calendar's holidays under `year`'s rules: each day itself, and its weekday if the statute moves it. */
function stateHolidays(cal: StateHolidayCalendar, year: number): Holiday[] {
  const out: Holiday[] = []
  for (const e of cal.entries) {
    if ((e.firstYear !== null && year < e.firstYear) || (e.lastYear !== null && year > e.lastYear)) continue
    const date = dateOf(e.date, year)
    out.push({ date, name: e.name, source: e.citation })
    if (cal.weekendRule === 'not-moved') continue
    const z = toDayNumber(date)
    const w = weekdayOfDay(z)
    if (w === SATURDAY) out.push({ date: fromDayNumber(z - 1), name: `${e.name} (observed)`, source: cal.weekendCitation })
    if (w === SUNDAY) out.push({ date: fromDayNumber(z + 1), name: `${e.name} (observed)`, source: cal.weekendCitation })
  }
  return out
}

const STATE_CALENDARS: Readonly<Record<Exclude<HolidaySetId, 'us-federal'>, StateHolidayCalendar>> = {
  'texas-state': TEXAS_STATE_HOLIDAYS,
  'washington-state': WASHINGTON_STATE_HOLIDAYS,
  'california-judicial': CALIFORNIA_JUDICIAL_HOLIDAYS
}

const candidatesFor = (set: HolidaySetId, year: number): ReadonlyArray<Holiday> =>
  set === 'us-federal' ? federalFromLibrary(year) : stateHolidays(STATE_CALENDARS[set], year)

const setYearCache = new Map<string, ReadonlyMap<DayNumber, Holiday>>()

/**
 * Computes and caches one year of a calendar's candidate holidays, and nothing else: callers that
 * must never block for long (the caseload's first list of a day) warm the tables a year at a time,
 * since holidayMap reads three years at once and the holiday library's first year is its slowest.
 */
export function prepareHolidayYear(set: HolidaySetId, year: number): void {
  candidatesFor(set, year)
}

/** Holidays of `set` that fall in calendar `year`, keyed by day number; one name per date. */
export function holidayMap(set: HolidaySetId, year: number): ReadonlyMap<DayNumber, Holiday> {
  const key = `${set}:${year}`
  const cached = setYearCache.get(key)
  if (cached) return cached
  // An observed day can fall in the neighbouring year (1 Jan on a Saturday → 31 Dec), so look at both.
  const candidates = [...candidatesFor(set, year - 1), ...candidatesFor(set, year), ...candidatesFor(set, year + 1)]
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
  'texas-state': TEXAS_STATE_HOLIDAYS.label,
  'washington-state': WASHINGTON_STATE_HOLIDAYS.label,
  'california-judicial': CALIFORNIA_JUDICIAL_HOLIDAYS.label
}
