// The date forms a US spreadsheet holds: MM/DD/YYYY, M/D/YY, YYYY-MM-DD and Excel serial numbers.
// A column is read one way for all its rows; when nothing in it tells month from day (every value
// has both parts ≤ 12), the column is ambiguous and the user is asked, never guessed for.
import { addDays, format } from 'date-fns'
import { isValidIsoDate } from '../../../core/clocks/dates'

export type DateOrder = 'mdy' | 'dmy'
export type DateForm = 'iso' | 'slash' | 'excel-serial'
export type DateColumnReading =
  | { kind: 'empty' }
  | { kind: 'ok'; forms: DateForm[]; order: DateOrder | null }
  | { kind: 'ambiguous'; forms: DateForm[] }
  | { kind: 'unreadable'; value: string }

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/
const SERIAL = /^\d{1,5}(\.\d+)?$/
/** Excel's day 0 (it counts 1900 as a leap year, so serials from 61 on are one day off 1899-12-31). */
const EXCEL_EPOCH = new Date(1899, 11, 30)
/** Serials of dates from 1900-03-01 to 2100-12-31. */
const SERIAL_MIN = 61
const SERIAL_MAX = 73415

const pad = (n: number) => String(n).padStart(2, '0')

function fullYear(y: string, todayYear: number): number {
  if (y.length === 4) return Number(y)
  // Two-digit years: the latest century that does not put the date more than a year past today.
  const n = Number(y)
  const century = Math.floor(todayYear / 100) * 100
  return century + n > todayYear + 1 ? century - 100 + n : century + n
}

function formOf(v: string): DateForm | null {
  if (ISO.test(v)) return 'iso'
  if (SLASH.test(v)) return 'slash'
  if (SERIAL.test(v) && Number(v) >= SERIAL_MIN && Number(v) <= SERIAL_MAX) return 'excel-serial'
  return null
}

/** Reads a whole column's values to decide how its slash dates are ordered. */
export function readDateColumn(values: ReadonlyArray<string>): DateColumnReading {
  const forms = new Set<DateForm>()
  let firstOver12 = false
  let secondOver12 = false
  let any = false
  for (const raw of values) {
    const v = raw.trim()
    if (!v) continue
    any = true
    const form = formOf(v)
    if (!form) return { kind: 'unreadable', value: v }
    forms.add(form)
    if (form === 'slash') {
      const m = SLASH.exec(v)!
      if (Number(m[1]) > 12) firstOver12 = true
      if (Number(m[2]) > 12) secondOver12 = true
    }
  }
  if (!any) return { kind: 'empty' }
  const list = [...forms].sort()
  if (!forms.has('slash')) return { kind: 'ok', forms: list, order: null }
  if (firstOver12 && secondOver12) return { kind: 'unreadable', value: 'a mix of MM/DD and DD/MM dates' }
  if (secondOver12) return { kind: 'ok', forms: list, order: 'mdy' }
  if (firstOver12) return { kind: 'ok', forms: list, order: 'dmy' }
  return { kind: 'ambiguous', forms: list }
}

/** One value to YYYY-MM-DD, or a reason it is not a date. `todayYear` places two-digit years. */
export function toIsoDate(raw: string, order: DateOrder | null, todayYear: number): { ok: true; date: string } | { ok: false; problem: string } {
  const v = raw.trim()
  let y: number, m: number, d: number
  const iso = ISO.exec(v)
  const slash = SLASH.exec(v)
  if (iso) {
    ;[y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  } else if (slash) {
    if (!order) return { ok: false, problem: 'month and day cannot be told apart in this column: say whether it is MM/DD or DD/MM' }
    const [a, b] = [Number(slash[1]), Number(slash[2])]
    ;[m, d] = order === 'mdy' ? [a, b] : [b, a]
    y = fullYear(slash[3]!, todayYear)
  } else if (SERIAL.test(v) && Number(v) >= SERIAL_MIN && Number(v) <= SERIAL_MAX) {
    return { ok: true, date: format(addDays(EXCEL_EPOCH, Math.floor(Number(v))), 'yyyy-MM-dd') }
  } else {
    return { ok: false, problem: 'is not a date (MM/DD/YYYY, M/D/YY, YYYY-MM-DD or an Excel date number)' }
  }
  const date = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`
  return isValidIsoDate(date) ? { ok: true, date } : { ok: false, problem: `${date} is not a real calendar date` }
}
