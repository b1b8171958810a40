// How values read on screen: dates in the user's own locale ("Wed, Feb 4, 2026" in the US,
// "Wed, 4 Feb 2026" in Britain), codes as words a person uses.
import { isValid, parseISO } from 'date-fns'

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * An ISO calendar date as the locale writes it (the system's locale when none is named); the input
 * unchanged if it is not one. The date is read as midnight UTC and formatted in UTC, so no time
 * zone can move it to the day before or after.
 */
export function formatDay(iso: string, locale?: string): string {
  const day = iso.slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isValid(parseISO(day))) return iso
  const key = locale ?? ''
  let fmt = dayFormats.get(key)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, DAY_OPTIONS)
    dayFormats.set(key, fmt)
  }
  return fmt.format(new Date(`${day}T00:00:00Z`))
}

/** True for a string that is a calendar date written YYYY-MM-DD. */
export const isIsoDay = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && isValid(parseISO(v))

/** "Wed 4 Feb 2026, 14:02" for an instant, in the computer's time zone. */
export function formatInstant(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const day = formatDay(localIsoDate(d))
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  return `${day}, ${time}`
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Today on this computer, as YYYY-MM-DD. */
export const todayIso = (): string => localIsoDate(new Date())

/** "fee-quoted" → "Fee quoted". */
export function humanize(code: string): string {
  const words = code.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A label from a table of known codes, falling back to the humanized code. */
export const labelFrom =
  (labels: Readonly<Record<string, string>>) =>
  (code: string): string =>
    labels[code] ?? humanize(code)

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** A short random id that satisfies the record id rules (lower-case, digits, dashes). */
export function newLocalId(prefix: string): string {
  const bytes = new Uint8Array(6)
  crypto.getRandomValues(bytes)
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
