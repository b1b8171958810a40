// Input that passes its schema but cannot be true: a date of birth in the future, a state code no
// state has, an event dated decades before the request. Checked where a person enters data (the
// services' add/update/addEvent paths, which the window, the command line and imports share), never
// against stored records, so nothing already saved is refused by these rules.
import { addCalendarDays } from '../core/clocks'
import { HIPAA_PRIVACY_RULE_SINCE } from '../core/rules'
import { isUsStateCode } from '../core/schemas/us-states'
import type { Case, CaseEvent } from '../core/schemas'
import type { IssuePath } from '#shared/errors'
import { invalidField } from './validate'

/**
 * How long before the request was sent an event may still be dated: a call or a visit in the year
 * before asking is plausible; anything earlier is almost always a mistyped year. Not a legal number.
 */
const MAX_DAYS_BEFORE_REQUEST = 366

export function checkBirthDate(dateOfBirth: string | null | undefined, today: string, path: IssuePath): void {
  if (typeof dateOfBirth === 'string' && dateOfBirth > today) {
    throw invalidField(path, `${dateOfBirth} is in the future (today is ${today}); check the year`)
  }
}

export function checkStateCode(state: string | null | undefined, path: IssuePath): void {
  if (typeof state === 'string' && !isUsStateCode(state)) {
    throw invalidField(path, `"${state}" is not a US state or territory; use its two-letter postal code, such as CA, TX or DC`)
  }
}

/** The day the request was sent: the earliest "request sent" event, or null before one is logged. */
const requestSentOn = (c: Pick<Case, 'events'>): string | null =>
  c.events.filter((e) => e.type === 'request-sent').reduce<string | null>((min, e) => (min === null || e.date < min ? e.date : min), null)

/** An event dated before the right of access existed, or long before the case's request. */
export function checkEventNotTooEarly(c: Pick<Case, 'events'>, event: Pick<CaseEvent, 'date' | 'id'>, path: IssuePath): void {
  const since = HIPAA_PRIVACY_RULE_SINCE
  if (event.date < since.date) {
    throw invalidField([...path, 'date'], `${event.date} is before ${since.date}, when the HIPAA right of access took effect (${since.citation}); check the year`)
  }
  const sent = requestSentOn({ events: c.events.filter((e) => e.id !== event.id) })
  if (sent !== null && event.date < addCalendarDays(sent, -MAX_DAYS_BEFORE_REQUEST)) {
    throw invalidField([...path, 'date'], `${event.date} is more than a year before this request was sent (${sent}); check the year`)
  }
}
