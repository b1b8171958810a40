// Who a case waits on today: me (something is mine to do), the records holder (the clock runs and
// nothing of mine is due yet), or an agency (a complaint is with OCR, ONC or a state body). A closed
// case with nothing left to do waits on no one (null).
import type { AgencyState } from './agency'

export const WAITING_ON = ['me', 'holder', 'agency'] as const
export type WaitingOn = (typeof WAITING_ON)[number]

export type WaitingOnInput = {
  asOf: string
  /** The clock's status, or the caseload's own 'not-sent' / 'clock-error'. */
  status: string
  /** The ladder's next step (null when none is suggested). */
  nextStep: { due: string } | null
  agency: AgencyState | null
  /** Dates of the case's reminders. */
  reminderDates: ReadonlyArray<string>
  /** Letters generated and not yet marked sent. */
  draftLetters: number
}

const RUNNING = new Set(['awaiting', 'overdue'])

export function waitingOnOf(c: WaitingOnInput): WaitingOn | null {
  // A letter waiting to go out and a reminder for today are mine whatever else the case waits on.
  if (c.draftLetters > 0 || c.reminderDates.includes(c.asOf)) return 'me'
  // No request sent yet, or facts the clock cannot use: only I can move it.
  if (c.status === 'not-sent' || c.status === 'clock-error') return 'me'
  if (c.agency) return c.agency.nextCheck && c.agency.nextCheck.due <= c.asOf ? 'me' : 'agency'
  if (!RUNNING.has(c.status)) return null
  return c.nextStep && c.nextStep.due <= c.asOf ? 'me' : 'holder'
}
