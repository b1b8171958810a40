// Calendar arithmetic on ISO `YYYY-MM-DD` strings. Dates are converted to a plain day number
// (days since 1970-01-01, proleptic Gregorian) and back with integer formulas, so no JavaScript
// Date, and therefore no time zone or daylight-saving change, can ever move a date (docs/day-counting.md §1).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** A date as a whole number of days since 1970-01-01. */
export type DayNumber = number

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (2026-02-30 and 2026-2-3 are not). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer conversions.
function fromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function toCivil(z: DayNumber): [number, number, number] {
  const zz = z + 719468
  const era = Math.floor(zz / 146097)
  const doe = zz - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

// Memo tables: a caseload touches a few thousand distinct dates, and the clock converts the same
// ones many times (the benchmark spends most of its time here without them). Pure: same in, same out.
const dayNumberMemo = new Map<string, DayNumber>()
const isoMemo = new Map<DayNumber, string>()
/** Bound on each memo table; past it the table starts again, so memory stays bounded. */
const MEMO_LIMIT = 100_000
function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
  return value
}

/** Day number of an ISO date. Throws on anything that is not a real date: callers validate first. */
export function toDayNumber(date: string): DayNumber {
  const memo = dayNumberMemo.get(date)
  if (memo !== undefined) return memo
  const m = ISO_DATE.exec(date)
  if (!m || !isValidIsoDate(date)) throw new RangeError(`not a real calendar date: ${JSON.stringify(date)}`)
  return remember(dayNumberMemo, date, fromCivil(Number(m[1]), Number(m[2]), Number(m[3])))
}

export function fromDayNumber(z: DayNumber): string {
  const memo = isoMemo.get(z)
  if (memo !== undefined) return memo
  const [y, m, d] = toCivil(z)
  return remember(isoMemo, z, `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
}

/** Calendar year of a day number, without building a string. */
export const yearOfDay = (z: DayNumber): number => toCivil(z)[0]

export const addCalendarDays = (date: string, n: number): string => fromDayNumber(toDayNumber(date) + n)

/** `a - b` in calendar days: positive when `a` is later (like date-fns differenceInCalendarDays). */
export const diffCalendarDays = (a: string, b: string): number => toDayNumber(a) - toDayNumber(b)

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (day 0) was a Thursday. */
export const weekdayOfDay = (z: DayNumber): number => (((z + 4) % 7) + 7) % 7

export const weekdayOf = (date: string): number => weekdayOfDay(toDayNumber(date))

export const isWeekendDay = (z: DayNumber): boolean => {
  const w = weekdayOfDay(z)
  return w === 0 || w === 6
}

export const weekdayName = (date: string): string => WEEKDAY_LONG[weekdayOf(date)] ?? ''

/** "Mon 5 Jan 2026": unambiguous in every locale, and what a person writes in a letter. */
const formatMemo = new Map<string, string>()

export function formatDate(date: string): string {
  const memo = formatMemo.get(date)
  if (memo !== undefined) return memo
  const z = toDayNumber(date)
  const [y, m, d] = toCivil(z)
  return remember(formatMemo, date, `${WEEKDAY_NAMES[weekdayOfDay(z)]} ${d} ${MONTH_NAMES[m - 1]} ${y}`)
}

export const yearOf = (date: string): number => Number(date.slice(0, 4))

export const minDate = (a: string, b: string): string => (a <= b ? a : b)
export const maxDate = (a: string, b: string): string => (a >= b ? a : b)
