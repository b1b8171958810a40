// Every date a case is waiting on, as an .ics calendar (ical-generator): the records' due date,
// each escalation step not yet taken, the day the OCR complaint window closes, and the user's
// reminders. All-day events with UIDs built from the case and what the date is, so importing a
// newer file updates the events instead of adding copies. Dates come from the clock engine.
import icalGenerator, { ICalCalendarMethod } from 'ical-generator'
import { addCalendarDays } from '../../../core/clocks'
import { AppError } from '#shared/errors'
import type { AppServices } from '../../app-services'
import { todayOf } from '../../context'
import { throwIfCancelled, type Progress } from '../progress'
import { patientLabel, type PhiLevel } from './phi'

export type CalendarInput = { caseIds?: ReadonlyArray<string>; phi?: PhiLevel }
export type CalendarEntry = { uid: string; date: string; summary: string; description: string; caseId: string }

const UID_DOMAIN = 'access-advocate.local'
const STEP_LABEL: Record<string, string> = {
  'follow-up': 'Follow up',
  'privacy-officer-escalation': 'Escalate to the privacy officer',
  'notice-of-intent': 'Send notice of intent to complain',
  'ocr-complaint': 'File the OCR complaint',
  'information-blocking-report': 'Report information blocking'
}

export async function calendarEntries(s: AppServices, input: CalendarInput = {}, progress: Progress = {}): Promise<CalendarEntry[]> {
  const phi = input.phi ?? 'initials'
  const summaries = s.store.records.cases.summaries().filter((x) => !x.summary.deletedAt)
  const ids = input.caseIds ?? summaries.map((x) => x.id)
  for (const id of ids) if (!s.store.records.cases.has(id)) throw new AppError('NOT_FOUND', `No case with id "${id}".`, { id })
  const out: CalendarEntry[] = []
  const asOf = todayOf(s.context)
  for (const [i, id] of ids.entries()) {
    throwIfCancelled(progress, 'The calendar')
    const view = await s.queries.view(id, asOf)
    const c = view.case
    const ref = c.references[0]?.value ?? c.id
    const who = patientLabel(view.patientName, phi)
    const tail = `${ref}${who ? ` (${who})` : ''} – ${view.organizationName}`
    const add = (key: string, date: string, what: string, description: string) =>
      out.push({ uid: `${c.id}-${key}@${UID_DOMAIN}`, date, summary: `${what}: ${tail}`, description, caseId: c.id })
    if (view.clock.state === 'ok') {
      const r = view.clock.result
      if (r.status === 'awaiting' || r.status === 'overdue') {
        add('due', r.due, 'Records due', `The holder's response is due (${r.controllingRule}). Case ${c.id}.`)
        for (const step of r.escalation) {
          if (step.status === 'pending') add(`step-${step.step}`, step.due, STEP_LABEL[step.step] ?? step.step, `Escalation step "${step.step}" (letter: ${step.letter}). Case ${c.id}.`)
        }
      }
      if (r.complaintWindowCloses) add('complaint-window', r.complaintWindowCloses, 'OCR complaint window closes', `Last day to file a complaint with HHS OCR. Case ${c.id}.`)
    }
    for (const rem of c.reminders) add(`reminder-${rem.id}`, rem.date, 'Reminder', `${rem.note ?? 'Reminder'}. Case ${c.id}.`)
    progress.onProgress?.(i + 1, ids.length)
  }
  return out
}

export async function calendarIcs(s: AppServices, input: CalendarInput = {}, progress: Progress = {}): Promise<{ text: string; events: number }> {
  const entries = await calendarEntries(s, input, progress)
  const cal = icalGenerator({ name: 'Access Advocate', prodId: { company: 'Access Advocate', product: 'caseload', language: 'EN' }, method: ICalCalendarMethod.PUBLISH })
  const stamp = s.context.now()
  for (const e of entries) {
    // Dates go in as YYYY-MM-DD strings: a Date would be written in UTC and move a day east of it.
    cal.createEvent({ id: e.uid, start: e.date, end: addCalendarDays(e.date, 1), allDay: true, summary: e.summary, description: e.description, stamp })
  }
  return { text: cal.toString(), events: entries.length }
}
