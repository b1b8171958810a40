// Warnings for a records office while a request it received is still open: the things it can still
// put right before the clock runs out. Pure: "today" is the clock's as-of day.
import { diffCalendarDays, formatDate, type ClockResult } from '../clocks'
import { AUDIT } from '../rules'
import type { Case } from '../schemas'

export type OpenRequestWarning = {
  code: 'due-soon' | 'extension-notice-deadline' | 'fee-no-advance-notice' | 'format-differs'
  message: string
  date: string
}

const normal = (f: string): string => f.trim().toLowerCase()

export function openRequestWarnings(c: Case, clock: Pick<ClockResult, 'status' | 'due' | 'originalDue' | 'daysRemaining'>, asOf: string): OpenRequestWarning[] {
  const open = clock.status === 'awaiting' || clock.status === 'overdue'
  if (!open) return []
  const out: OpenRequestWarning[] = []
  const events = c.events.filter((e) => e.date <= asOf)
  if (clock.status === 'awaiting' && clock.daysRemaining !== null && clock.daysRemaining <= AUDIT.warningDays) {
    out.push({
      code: 'due-soon',
      date: clock.due,
      message: `Due ${formatDate(clock.due)}: ${clock.daysRemaining === 0 ? 'today' : `in ${clock.daysRemaining} day${clock.daysRemaining === 1 ? '' : 's'}`}.`
    })
  }
  const noticed = events.some((e) => e.type === 'extension-notice')
  const untilOriginal = diffCalendarDays(clock.originalDue, asOf)
  if (!noticed && untilOriginal >= 0 && untilOriginal <= AUDIT.warningDays) {
    out.push({
      code: 'extension-notice-deadline',
      date: clock.originalDue,
      message: `If you need an extension, the written notice stating the reason and the new date must go out by the original due date, ${formatDate(clock.originalDue)}.`
    })
  }
  for (const e of events) {
    if (e.type === 'fee-quoted' && e.inAdvance !== true) {
      out.push({
        code: 'fee-no-advance-notice',
        date: e.date,
        message: `The fee quote of ${formatDate(e.date)} does not record that the requester was told the fee in advance; record it, or tell them before you charge.`
      })
    }
  }
  const requested = [...events.filter((e) => e.type === 'requested-format').map((e) => ({ date: e.date, format: e.format })), ...(c.requestedFormat ? [{ date: '0000-00-00', format: c.requestedFormat }] : [])]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  for (const e of events) {
    if ((e.type === 'partial-delivery' || e.type === 'records-delivered') && e.format !== undefined) {
      const asked = requested.filter((r) => r.date <= e.date).at(-1)
      if (asked && normal(asked.format) !== normal(e.format)) {
        out.push({ code: 'format-differs', date: e.date, message: `Delivered on ${formatDate(e.date)} as "${e.format}", but "${asked.format}" was requested.` })
      }
    }
  }
  return out
}

