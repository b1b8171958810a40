// The caseload's columns: what each shows in one line, the full text of the cell (its tooltip, and
// what a focused row unfolds to), and its default width. The services sort and filter; a column
// only renders the rows of the window it is given.
import type { ReactNode } from 'react'
import type { Perspective } from '#core/schemas'
import type { CaseListItemValue } from '#shared/channels/cases'
import { StatusBadge } from '../../ui/Badge'
import { DateText } from '../../ui/DateText'
import { formatDay, humanize, todayIso } from '../../ui/format'
import { requestKindLabel, statusLabel, stepLabel } from '../../ui/labels'
import { SORT_KEYS } from './filters'

export type CaseloadColumn = {
  id: string
  header: string
  /** The header as a records office reads it, where it differs ("Staff member", not "Advocate"). */
  practiceHeader?: string
  /** Default width in CSS pixels. */
  width: number
  /** The cell's full text, in words (its tooltip and what a screen reader hears). */
  text: (r: CaseListItemValue) => string
  cell: (r: CaseListItemValue) => ReactNode
}

const day = (d: string | null): string => (d ? formatDay(d) : '—')

export function daysText(item: CaseListItemValue): string {
  if (item.daysLate !== null && item.daysLate > 0) return `${item.daysLate} days late`
  if (item.daysRemaining !== null) return `${item.daysRemaining} days left`
  if (item.daysLate === 0) return 'on time'
  return '—'
}

export function DaysText({ item }: { item: CaseListItemValue }) {
  const text = daysText(item)
  if (item.daysLate !== null && item.daysLate > 0) return <span className="days days--late">{text}</span>
  if (item.daysRemaining !== null) return <span className={`days${item.daysRemaining <= 7 ? ' days--soon' : ''}`}>{text}</span>
  return text === '—' ? <span className="muted">—</span> : <span className="days">{text}</span>
}

const nextStepText = (r: CaseListItemValue): string => {
  const s = r.nextStep
  if (r.waitingOn === 'agency') return 'With the agency'
  if (!s) return '—'
  return `${stepLabel(s.step)} by ${formatDay(s.due)}${s.due < todayIso() ? ' (overdue)' : ''}`
}

export const COLUMNS: ReadonlyArray<CaseloadColumn> = [
  {
    id: 'patient',
    header: 'Patient',
    width: 170,
    text: (r) => `${r.patientName} (${requestKindLabel(r.requestKind)})`,
    cell: (r) => <span className="cell-primary">{r.patientName}</span>
  },
  { id: 'holder', header: 'Holder', practiceHeader: 'Our office', width: 200, text: (r) => r.organizationName, cell: (r) => r.organizationName },
  { id: 'status', header: 'Status', width: 120, text: (r) => statusLabel(r.status), cell: (r) => <StatusBadge status={r.status} /> },
  { id: 'due', header: 'Due', width: 110, text: (r) => day(r.due), cell: (r) => <DateText value={r.due} /> },
  { id: 'days', header: 'Late / left', width: 100, text: daysText, cell: (r) => <DaysText item={r} /> },
  {
    id: 'nextStep',
    header: 'Next step',
    width: 260,
    text: nextStepText,
    cell: (r) => {
      const s = r.nextStep
      if (r.waitingOn === 'agency') return <span className="cell-primary">With the agency</span>
      if (!s) return <span className="muted">—</span>
      const late = s.due < todayIso()
      return (
        <>
          {stepLabel(s.step)} <span className={late ? 'days--late' : 'muted'}>· <DateText value={s.due} />{late ? ' (overdue)' : ''}</span>
        </>
      )
    }
  },
  { id: 'priority', header: 'Priority', width: 80, text: (r) => humanize(r.priority), cell: (r) => <span className={`priority priority--${r.priority}`}>{humanize(r.priority)}</span> },
  { id: 'assignee', header: 'Advocate', practiceHeader: 'Staff member', width: 120, text: (r) => r.assignee ?? 'nobody', cell: (r) => r.assignee ?? <span className="muted">—</span> },
  { id: 'lastEvent', header: 'Last event', width: 110, text: (r) => day(r.lastEventDate), cell: (r) => <DateText value={r.lastEventDate} /> },
  // Offered in "Columns…", hidden at first.
  { id: 'kind', header: 'Request', width: 140, text: (r) => requestKindLabel(r.requestKind), cell: (r) => requestKindLabel(r.requestKind) },
  { id: 'sent', header: 'Sent', width: 110, text: (r) => day(r.sent), cell: (r) => <DateText value={r.sent} /> },
  { id: 'received', header: 'Received', width: 110, text: (r) => day(r.received), cell: (r) => <DateText value={r.received} /> },
  { id: 'state', header: 'State', width: 60, text: (r) => r.state ?? '—', cell: (r) => r.state ?? <span className="muted">—</span> },
  { id: 'tags', header: 'Tags', width: 150, text: (r) => (r.tags.length ? r.tags.join(', ') : '—'), cell: (r) => (r.tags.length ? r.tags.join(', ') : <span className="muted">—</span>) },
  { id: 'findings', header: 'Findings', width: 80, text: (r) => (r.findings.length ? r.findings.map(humanize).join(', ') : 'none'), cell: (r) => (r.findings.length === 0 ? <span className="muted">0</span> : <span className="findings-count">{r.findings.length}</span>) },
  { id: 'references', header: 'References', width: 160, text: (r) => (r.references.length ? r.references.map((x) => x.slice(x.indexOf(':') + 1)).join(', ') : '—'), cell: (r) => (r.references.length ? r.references.map((x) => x.slice(x.indexOf(':') + 1)).join(', ') : <span className="muted">—</span>) }
]

/** A column with its header in the perspective's words (the advocate's by default). */
export function columnById(id: string, perspective: Perspective = 'advocate'): CaseloadColumn | undefined {
  const c = COLUMNS.find((x) => x.id === id)
  return c && perspective === 'practice' && c.practiceHeader ? { ...c, header: c.practiceHeader } : c
}

export const isSortable = (id: string): boolean => SORT_KEYS[id] !== undefined
