// Today: what needs my action today and in the coming week, across the whole caseload, with counts
// by status and by who each case waits on. Pure: "today" is an argument.
import { COMPLAINT_WINDOW } from '../rules'
import { addCalendarDays } from '../clocks/dates'
import type { AgencyState, AgencyVenue, EscalationStepId, NextStep, WaitingOn } from '../escalation'
import { STEP_WORDS, VENUE_WORDS } from './words'

/** "This week" is today and the six days after it: the same span on a Friday as on a Monday. */
export const WEEK_DAYS = 7

export type WorklistCase = {
  id: string
  patientName: string
  organizationName: string
  /** The clock's status, or 'not-sent' / 'clock-error'. */
  status: string
  nextStep: NextStep | null
  agency: AgencyState | null
  /** Reference numbers of the case (kind and value). */
  references: ReadonlyArray<{ kind: string; value: string }>
  reminders: ReadonlyArray<{ date: string; note: string | null }>
  drafts: ReadonlyArray<{ letterId: string; template: string; title: string }>
  complaintWindowCloses: string | null
  waitingOn: WaitingOn | null
}

export type WorklistAction =
  | { kind: 'prepare-letter'; template: string }
  | { kind: 'log-event'; eventType: 'agency-acknowledged'; venue: AgencyVenue }
  | { kind: 'mark-sent'; letterId: string }
  | { kind: 'open-case' }

export type WorklistItem = {
  caseId: string
  patientName: string
  organizationName: string
  kind: 'next-step' | 'agency-check' | 'reminder' | 'complaint-window' | 'draft-letter'
  /** The day it is due (for a draft, today: it is ready to go). */
  date: string
  when: 'overdue' | 'today' | 'this-week' | 'later'
  /** Plain words for the item, e.g. "Follow-up" or "Check that OCR acknowledged the complaint". */
  title: string
  step: EscalationStepId | null
  action: WorklistAction
}

export type WaitingOnCounts = Record<WaitingOn | 'none', number>

export type Worklist = {
  today: string
  /** The last day of "this week" (today + 6). */
  weekEnd: string
  /** The last day a closing complaint window is listed (today + the rules' warning period). */
  windowHorizon: string
  items: WorklistItem[]
  counts: { total: number; byStatus: Record<string, number>; byWaitingOn: WaitingOnCounts }
}

const KIND_ORDER: Record<WorklistItem['kind'], number> = { 'draft-letter': 0, 'next-step': 1, 'agency-check': 2, reminder: 3, 'complaint-window': 4 }

export function buildWorklist(cases: ReadonlyArray<WorklistCase>, today: string): Worklist {
  const weekEnd = addCalendarDays(today, WEEK_DAYS - 1)
  const windowHorizon = addCalendarDays(today, COMPLAINT_WINDOW.warningDays)
  const whenOf = (date: string): WorklistItem['when'] =>
    date < today ? 'overdue' : date === today ? 'today' : date <= weekEnd ? 'this-week' : 'later'
  const items: WorklistItem[] = []
  const byStatus: Record<string, number> = {}
  const byWaitingOn: WaitingOnCounts = { me: 0, holder: 0, agency: 0, none: 0 }

  for (const c of cases) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
    byWaitingOn[c.waitingOn ?? 'none'] += 1
    const base = { caseId: c.id, patientName: c.patientName, organizationName: c.organizationName }
    for (const d of c.drafts) {
      items.push({ ...base, kind: 'draft-letter', date: today, when: 'today', title: `Letter drafted, not marked sent: ${d.title}`, step: null, action: { kind: 'mark-sent', letterId: d.letterId } })
    }
    if (c.nextStep && c.nextStep.due <= weekEnd) {
      const s = c.nextStep
      items.push({ ...base, kind: 'next-step', date: s.due, when: whenOf(s.due), title: STEP_WORDS[s.step], step: s.step, action: { kind: 'prepare-letter', template: s.letter } })
    }
    const check = c.agency?.nextCheck
    if (check && check.due <= weekEnd) {
      items.push({
        ...base,
        kind: 'agency-check',
        date: check.due,
        when: whenOf(check.due),
        title: `Check that ${VENUE_WORDS[check.venue]} acknowledged the complaint`,
        step: null,
        action: { kind: 'log-event', eventType: 'agency-acknowledged', venue: check.venue }
      })
    }
    for (const r of c.reminders) {
      if (r.date < today || r.date > weekEnd) continue
      items.push({ ...base, kind: 'reminder', date: r.date, when: whenOf(r.date), title: r.note ? `Reminder: ${r.note}` : 'Reminder', step: null, action: { kind: 'open-case' } })
    }
    // A window matters only while no complaint went to OCR (the window is OCR's, 45 CFR 160.306(b)(3)).
    const filedWithOcr = c.agency?.filings.some((f) => f.venue === 'ocr') ?? false
    const closes = c.complaintWindowCloses
    if (closes && !filedWithOcr && closes >= today && closes <= windowHorizon) {
      items.push({
        ...base,
        kind: 'complaint-window',
        date: closes,
        when: whenOf(closes),
        title: 'OCR complaint window closes',
        step: 'ocr-complaint',
        action: { kind: 'prepare-letter', template: 'ocr-complaint' }
      })
    }
  }
  items.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.patientName < b.patientName ? -1 : a.patientName > b.patientName ? 1 : 0) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  )
  return { today, weekEnd, windowHorizon, items, counts: { total: cases.length, byStatus, byWaitingOn } }
}
