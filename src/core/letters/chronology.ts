// The complaint chronology and exhibit list (a numbered table of facts, receipt = day 0, with the
// computed milestones) and the exhibits labelled A, B, C… in order of first reference.
import type { ClockResult } from '../clocks'
import { diffCalendarDays } from '../clocks/dates'
import { receiptOf } from '../cases/to-clock'
import { COMPLAINT_WINDOW } from '../rules'
import type { Case, CaseEvent } from '../schemas'
import { days, plainDate } from './dates'
import type { Exhibit } from './model'

export type ChronologyRow = { no: number; date: string; day: string; who: string; what: string; status: string; exhibits: string[]; computed: boolean }

const LABEL: Partial<Record<CaseEvent['type'], string>> = {
  'request-sent': 'Request sent',
  'request-received': 'Request received by the holder',
  acknowledgement: 'Acknowledgement',
  'clarification-asked': 'Clarification asked',
  'clarification-answered': 'Clarification answered',
  'identity-verification-asked': 'Identity verification asked',
  'identity-verification-done': 'Identity verified',
  'fee-quoted': 'Fee quoted',
  'fee-paid': 'Fee paid',
  'fee-disputed': 'Fee disputed',
  'extension-notice': 'Extension notice',
  'state-delay-notice': 'Delay notice (state law)',
  'partial-delivery': 'Partial delivery',
  'records-delivered': 'Records delivered',
  denial: 'Written denial',
  'review-requested': 'Review of denial requested',
  'review-decided': 'Review decided',
  'requested-format': 'Format requested',
  barrier: 'Barrier imposed',
  'follow-up-sent': 'Follow-up sent',
  'privacy-officer-escalation': 'Escalated to the privacy officer',
  'notice-of-intent': 'Notice of intent to complain',
  'phone-call': 'Phone call',
  'complaint-filed': 'Complaint filed',
  'agency-acknowledged': 'Agency acknowledged the complaint',
  'step-skipped': 'Ladder step skipped',
  withdrawn: 'Request withdrawn',
  resolution: 'Resolution'
}

/** A, B, … Z, AA, AB, … (spreadsheet-style, as court exhibit rules do). */
export function exhibitLabel(n: number): string {
  let s = ''
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

const CHANNEL: Record<string, string> = { fax: 'by fax', email: 'by e-mail', portal: 'through the portal', mail: 'by mail', 'certified-mail': 'by certified mail', 'in-person': 'in person', phone: 'by phone', other: '' }

export type Chronology = { rows: ChronologyRow[]; exhibits: Exhibit[]; summary: string; received: string | null }

export function buildChronology(c: Case, clock: ClockResult | null, letterDate: string, names: { sender: string; holder: string }): Chronology {
  const receipt = receiptOf(c.events)
  const received = receipt?.date ?? null
  const dayOf = (date: string) => (received === null ? '—' : String(diffCalendarDays(date, received)))
  const statusOf = (date: string): string => {
    if (!clock) return '—'
    const d = diffCalendarDays(clock.due, date)
    return d > 0 ? `${days(d)} before due` : d === 0 ? 'due today' : `${days(-d)} past due`
  }
  const labels = new Map<string, Exhibit>()
  const exhibits: Exhibit[] = []
  const rows: Omit<ChronologyRow, 'no'>[] = []
  const events = c.events.filter((e) => e.date <= letterDate && e.type !== 'note' && e.type !== 'letter-draft').sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
  for (const e of events) {
    const refs: string[] = []
    for (const a of e.attachments) {
      let ex = labels.get(a.sha256)
      if (!ex) {
        ex = { label: exhibitLabel(exhibits.length), title: `${a.name} (${(LABEL[e.type] ?? e.type).toLowerCase()}, ${plainDate(e.date)})`, date: e.date, sha256: a.sha256, name: a.name, type: a.type, size: a.size }
        labels.set(a.sha256, ex)
        exhibits.push(ex)
      }
      refs.push(ex.label)
    }
    const how = e.channel ? CHANNEL[e.channel] : ''
    const what = [`${LABEL[e.type] ?? e.type}${how ? ` ${how}` : ''}`, e.summary].filter((s) => s && s.length > 0).join(': ')
    const findings = clock?.findings.filter((f) => f.date === e.date && f.code.startsWith('extension') && e.type === 'extension-notice').map((f) => f.message) ?? []
    const who = e.direction === 'outgoing' ? names.sender : e.direction === 'incoming' ? names.holder : '—'
    rows.push({ date: e.date, day: dayOf(e.date), who, what: [what, ...findings].join('. '), status: statusOf(e.date), exhibits: refs, computed: false })
  }
  if (clock) {
    // A milestone after the letter date has no status yet: it is shown for its date alone.
    const computed = (date: string, what: string) => rows.push({ date, day: dayOf(date), who: 'computed', what, status: date > letterDate ? 'after this letter' : statusOf(date), exhibits: [], computed: true })
    if (clock.originalDue !== clock.due) computed(clock.originalDue, `Original due date (${clock.controllingRule})`)
    computed(clock.due, `Due date (${clock.controllingRule})`)
    if (clock.complaintWindowCloses) computed(clock.complaintWindowCloses, `Complaint window closes (${COMPLAINT_WINDOW.citation})`)
    rows.sort((a, b) => a.date.localeCompare(b.date) || Number(a.computed) - Number(b.computed))
  }
  const numbered = rows.map((r, i) => ({ ...r, no: i + 1 }))
  const requests = events.filter((e) => e.type === 'request-sent' || e.type === 'follow-up-sent').length
  const delivered = events.find((e) => e.type === 'records-delivered')
  const parts = [`${requests} ${requests === 1 ? 'request' : 'requests and follow-ups'} sent`]
  if (received !== null) {
    parts.push(delivered ? `complete delivery on ${plainDate(delivered.date)}, ${days(diffCalendarDays(delivered.date, received))} after receipt` : `not delivered as of ${plainDate(letterDate)}, ${days(diffCalendarDays(letterDate, received))} after receipt`)
  }
  if (clock?.daysLate !== null && clock?.daysLate !== undefined) parts.push(`${days(clock.daysLate)} past due`)
  return { rows: numbered, exhibits, summary: `Summary: ${parts.join('; ')}.`, received }
}
