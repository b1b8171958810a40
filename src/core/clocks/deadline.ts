// One rule's due date from the receipt date (docs/day-counting.md §2, §3), with the lines that explain it.
import type { DeadlineRule } from '../rules'
import { addBusinessDays, isBusinessDay, rollForwardToBusinessDay, type HolidayCalendar } from './calendar'
import { addCalendarDays, formatDate, toDayNumber, weekdayName } from './dates'
import type { AppliedRule } from './profile'

/** `rolledFrom`: the date the count reached before a roll-forward moved it, if one did. */
export type Deadline = { date: string; lines: string[]; rolledFrom?: string }

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

const dayWord = (rule: Pick<DeadlineRule, 'dayKind'>): string => (rule.dayKind === 'business' ? 'business day' : 'calendar day')

/** Why a date is not a business day, or null if it is one. */
export function nonBusinessReason(date: string, cal: HolidayCalendar): string | null {
  const z = toDayNumber(date)
  const h = cal.holidayOn(z)
  if (h) return h.name
  const w = weekdayName(date)
  return w === 'Saturday' || w === 'Sunday' ? `a ${w}` : null
}

/**
 * `days` after `from`, counted the rule's way; roll forward if the profile says so. `what` starts
 * the line: "Request received" for the initial clock, "Extension limit from" for an extension.
 */
export function countDays(from: string, days: number, applied: AppliedRule, what: string, citation: string): Deadline {
  const { rule, calendar } = applied
  const lines: string[] = []
  let date: string
  let rolledFrom: string | undefined
  if (rule.dayKind === 'business') {
    const counted = addBusinessDays(from, days, calendar)
    date = counted.date
    const receiptNote = isBusinessDay(toDayNumber(from), calendar)
      ? ''
      : ` (${formatDate(from)} is ${nonBusinessReason(from, calendar)}; day 0 never counts)`
    lines.push(`${what} ${formatDate(from)}${receiptNote} → ${plural(days, dayWord(rule))} → due ${formatDate(date)} (${citation}).`)
    if (counted.skippedHolidays.length > 0) {
      const list = counted.skippedHolidays.map((h) => `${formatDate(h.date)} (${h.name})`).join(', ')
      lines.push(`Weekends and these holidays were skipped: ${list}.`)
    } else if (days > 0) {
      lines.push(`Only weekends were skipped; no holiday of ${calendar.label} fell in the count.`)
    }
  } else {
    date = addCalendarDays(from, days)
    lines.push(`${what} ${formatDate(from)} → ${plural(days, dayWord(rule))} → due ${formatDate(date)} (${citation}).`)
  }
  const off = nonBusinessReason(date, applied.rollForward ? calendar : applied.namingCalendar)
  if (off !== null) {
    if (applied.rollForward) {
      const rolled = rollForwardToBusinessDay(date, calendar)
      const passed = rolled.passed.map((p) => `${formatDate(p.date)} (${p.why})`).join(', ')
      lines.push(
        `${formatDate(date)} is ${off}; this profile rolls a due date forward to the next day that is not a weekend day or holiday (${applied.rollForward.citation}): ${passed} → ${formatDate(rolled.date)}.`
      )
      rolledFrom = date
      date = rolled.date
    } else {
      lines.push(`${formatDate(date)} is ${off}; ${rule.label} has no weekend or holiday roll-forward, so that stays the due date.`)
    }
  }
  return rolledFrom === undefined ? { date, lines } : { date, lines, rolledFrom }
}

export const initialDeadline = (received: string, applied: AppliedRule): Deadline =>
  countDays(received, applied.rule.days, applied, 'Request received', applied.rule.citation)
