// The case's chronology for a complaint: every logged event in date order with its day count from
// receipt (and past the due date), the clock's own explanation, and the exhibits it refers to.
// Day counts use the clock engine's calendar-day difference; due and receipt dates are the clock's.
import { diffCalendarDays } from '../../../core/clocks'
import { receiptOf } from '../../../core/cases/to-clock'
import type { Case, CaseEvent } from '../../../core/schemas'
import type { CaseView } from '../../case-queries'

export type Exhibit = { label: string; eventId: string; sha256: string; date: string; originalName: string; fileName: string; description: string }
export type ChronologyRow = {
  date: string
  dayFromReceipt: number | null
  daysPastDue: number | null
  event: CaseEvent['type']
  direction: CaseEvent['direction']
  channel: string
  summary: string
  exhibits: string[]
}
export type Chronology = {
  caseId: string
  received: string | null
  due: string | null
  status: string
  rows: ChronologyRow[]
  explanation: string[]
  exhibits: Exhibit[]
}

/** A, B, … Z, AA, AB, … like a spreadsheet's columns. */
export function exhibitLabel(i: number): string {
  let n = i + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** A short file-name-safe description: ASCII letters and digits, dashes, at most 40 characters. */
export function shortDescription(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug || 'document'
}

const extOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : 'bin'
}

/** `redact` applies to what becomes part of a file name too: a withheld value must not leak through one. */
export function buildChronology(view: CaseView, redact: (text: string) => string = (t) => t): Chronology {
  const c: Case = view.case
  const clock = view.clock.state === 'ok' ? view.clock.result : null
  // The receipt the clock counted from (a logged receipt, else the day sent, as the clock says).
  const received = receiptOf(c.events)?.date ?? null
  const due = clock?.due ?? null
  const exhibits: Exhibit[] = []
  const seen = new Map<string, string>()
  const events = [...c.events].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
  const rows = events.map((e): ChronologyRow => {
    const labels: string[] = []
    for (const a of e.attachments) {
      // The same file attached twice is one exhibit, cited wherever it appears.
      const known = seen.get(a.sha256)
      if (known) {
        labels.push(known)
        continue
      }
      const label = exhibitLabel(exhibits.length)
      const stem = a.name.replace(/\.[^.]*$/, '')
      const description = shortDescription(redact(e.summary || stem))
      exhibits.push({ label, eventId: e.id, sha256: a.sha256, date: e.date, originalName: a.name, description, fileName: `Exhibit-${label}-${e.date}-${description}.${extOf(a.name)}` })
      seen.set(a.sha256, label)
      labels.push(label)
    }
    const past = due ? diffCalendarDays(e.date, due) : null
    return {
      date: e.date,
      dayFromReceipt: received && e.date >= received ? diffCalendarDays(e.date, received) : null,
      daysPastDue: past !== null && past > 0 ? past : null,
      event: e.type,
      direction: e.direction,
      channel: e.channel ?? '',
      summary: e.summary,
      exhibits: labels
    }
  })
  return { caseId: c.id, received, due, status: clock?.status ?? view.clock.state, rows, explanation: clock?.explanation ?? [], exhibits }
}
