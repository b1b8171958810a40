// Dates as people type them. A date field takes the computer's own order (09/02/2026 in the US,
// 02/09/2026 in the UK, read from Intl), ISO 2026-09-02, and dates written with a month name
// ("2 Sep 2026", "Wed 2 Sep 2026" as the app shows them, "September 2, 2026"). What cannot be read
// is never dropped: it comes back as a message in the person's terms ("February has no 30th").
import { getDaysInMonth } from 'date-fns'

export type DateOrder = 'mdy' | 'dmy' | 'ymd'
export type DateInputFormat = {
  order: DateOrder
  separator: string
  /** "MM/DD/YYYY": what the field asks for, in its placeholder and its messages. */
  pattern: string
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
] as const

const WEEKDAYS = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$/i

/** The order and separator this locale writes a numeric date in (the system's locale when none is named). */
export function dateInputFormat(locale?: string): DateInputFormat {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2026, 8, 2))
  } catch {
    parts = []
  }
  const fields = parts.filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type[0])
  const order = fields.join('') as DateOrder
  const literal = parts.find((p) => p.type === 'literal')?.value.trim() || '/'
  const known: ReadonlyArray<DateOrder> = ['mdy', 'dmy', 'ymd']
  const o: DateOrder = known.includes(order) ? order : 'ymd'
  // ISO's own dashes for year-first locales (sv, lt, en-CA…), so the field shows what the rest of the world reads as a date.
  const separator = o === 'ymd' ? '-' : literal.length === 1 ? literal : '/'
  const token = { y: 'YYYY', m: 'MM', d: 'DD' }
  return { order: o, separator, pattern: [...o].map((c) => token[c as 'y' | 'm' | 'd']).join(separator) }
}

let system: DateInputFormat | undefined
/** The format of this computer's locale, worked out once. */
export const systemDateFormat = (): DateInputFormat => (system ??= dateInputFormat())

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** An ISO date as this locale's field shows it ("09/02/2026"); anything else unchanged. */
export function formatDateInput(iso: string, f: DateInputFormat = systemDateFormat()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const [, y, mo, d] = m
  const by = { y, m: mo, d }
  return [...f.order].map((c) => by[c as 'y' | 'm' | 'd']).join(f.separator)
}

export type DateRead = { ok: true; iso: string | undefined } | { ok: false; message: string }

const ordinal = (n: number): string => {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase()
  if (w.length < 3) return undefined
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w) || (w === 'sept' && name === 'September'))
  return i < 0 ? undefined : i + 1
}

/** Checks a year, month and day and makes the ISO date, or says what is wrong with it. */
function assemble(y: string, m: number, d: number): DateRead {
  if (!/^\d{4}$/.test(y)) return { ok: false, message: `write the year in full, with four digits (e.g. ${new Date().getFullYear()})` }
  const year = Number(y)
  if (m < 1 || m > 12) return { ok: false, message: `there is no month ${m}: months run from 1 to 12` }
  const month = MONTH_NAMES[m - 1] as string
  if (d < 1) return { ok: false, message: `${month} has no day ${d}` }
  const days = getDaysInMonth(new Date(year, m - 1, 1))
  if (d > days) {
    if (m === 2 && d === 29) return { ok: false, message: `February ${year} has no 29th: ${year} is not a leap year` }
    return { ok: false, message: `${month} has no ${ordinal(d)} (it has ${days} days)` }
  }
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` }
}

/**
 * Reads a typed date. Empty is `iso: undefined` (the form decides whether that is allowed);
 * everything else is a real calendar date or a message saying why not.
 */
export function readDateInput(text: string, f: DateInputFormat = systemDateFormat()): DateRead {
  const t = text.trim()
  if (t === '') return { ok: true, iso: undefined }
  const unreadable: DateRead = { ok: false, message: `"${t}" is not a date the app can read: write it as ${f.pattern} (e.g. ${formatDateInput('2026-09-02', f)})` }
  // "2nd", "21st": a day with its ordinal ending is a number; weekdays ("Wed") say nothing more.
  const tokens = t
    .split(/[\s/.,\-]+/)
    .filter((x) => x !== '' && !WEEKDAYS.test(x))
    .map((x) => (/^\d{1,2}(st|nd|rd|th)$/i.test(x) ? x.slice(0, -2) : x))
  const words = tokens.filter((x) => /[a-z]/i.test(x))
  if (words.length > 1) return unreadable
  if (words.length === 1) {
    const word = words[0] as string
    const month = monthOf(word)
    if (month === undefined) return tokens.length === 3 ? { ok: false, message: `"${word}" is not the name of a month` } : unreadable
    const numbers = tokens.filter((x) => x !== word)
    if (numbers.length !== 2 || !numbers.every((x) => /^\d+$/.test(x))) return unreadable
    const yearIndex = numbers.findIndex((x) => x.length === 4)
    if (yearIndex < 0) return { ok: false, message: `write the year in full, with four digits (e.g. ${new Date().getFullYear()})` }
    return assemble(numbers[yearIndex] as string, month, Number(numbers[1 - yearIndex]))
  }
  if (tokens.length !== 3 || !tokens.every((x) => /^\d+$/.test(x))) return unreadable
  const [a, b, c] = tokens as [string, string, string]
  // A four-digit first number is a year, whatever the locale: ISO 2026-09-02, or 2026/9/2.
  if (a.length === 4) return assemble(a, Number(b), Number(c))
  if (f.order === 'mdy') return assemble(c, Number(a), Number(b))
  if (f.order === 'dmy') return assemble(c, Number(b), Number(a))
  return assemble(a, Number(b), Number(c))
}

/**
 * A date field's value for a form: the ISO date, nothing for an empty optional field, or an error
 * message naming the field ("Date of birth: February has no 30th").
 */
export function dateFieldValue(text: string, options: { required?: boolean; f?: DateInputFormat } = {}): { iso?: string; error?: string } {
  const read = readDateInput(text, options.f)
  if (!read.ok) return { error: capitalize(read.message) + '.' }
  if (read.iso === undefined) return options.required ? { error: `Enter the date, as ${(options.f ?? systemDateFormat()).pattern}.` } : {}
  return { iso: read.iso }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Every ISO date in a message written as the field shows dates, so a message reads like what was typed. */
export function localizeDates(message: string, f: DateInputFormat = systemDateFormat()): string {
  return message.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDateInput(iso, f))
}
