// Dates as a letter writes them: "November 1, 2026", and with the weekday where the day matters
// ("Sunday, November 1, 2026": a HIPAA due date does not roll forward off a weekend).
import { weekdayName } from '../clocks/dates'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/** "November 1, 2026" from "2026-11-01". */
export function plainDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return `${MONTHS[m - 1]} ${d}, ${y}`
}

/** "Sunday, November 1, 2026" from "2026-11-01". */
export const longDate = (iso: string): string => `${weekdayName(iso)}, ${plainDate(iso)}`

/** "$6.50" from 650 cents or from 6.5 dollars (never "$6.5"). */
export const money = (dollars: number): string => `$${dollars.toFixed(2)}`

/** "1 day" / "3 days". */
export const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`
