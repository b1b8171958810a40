// The caseload's columns and table features, at module scope so the row models stay memoized.
import { todayIso } from '../../ui/format'
import {
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures
} from '@tanstack/react-table'
import type { CaseListItemValue } from '#shared/channels/cases'
import { StatusBadge } from '../../ui/Badge'
import { DateText } from '../../ui/DateText'
import { requestKindLabel, stepLabel } from '../../ui/labels'

export const caseloadFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel()
})

const helper = createColumnHelper<typeof caseloadFeatures, CaseListItemValue>()

/** Most urgent first when sorted ascending. */
const STATUS_RANK: Record<string, number> = {
  overdue: 0,
  'clock-error': 1,
  awaiting: 2,
  'not-sent': 3,
  denied: 4,
  'fulfilled-late': 5,
  'fulfilled-on-time': 6,
  withdrawn: 7
}

/** One number to sort on: days late (positive) or days remaining (negative). */
export const daysValue = (r: CaseListItemValue): number | undefined =>
  r.daysLate !== null ? r.daysLate : r.daysRemaining !== null ? -r.daysRemaining : undefined

export function DaysText({ item }: { item: CaseListItemValue }) {
  if (item.daysLate !== null && item.daysLate > 0) {
    return <span className="days days--late">{item.daysLate} days late</span>
  }
  if (item.daysRemaining !== null) {
    return <span className={`days${item.daysRemaining <= 7 ? ' days--soon' : ''}`}>{item.daysRemaining} days left</span>
  }
  if (item.daysLate === 0) return <span className="days">on time</span>
  return <span className="muted">—</span>
}

export const caseloadColumns = helper.columns([
  helper.accessor('patientName', {
    id: 'patient',
    header: 'Patient',
    sortFn: 'text',
    cell: (info) => (
      <span className="cell-primary">
        {info.row.original.patientName}
        <span className="cell-secondary">{requestKindLabel(info.row.original.requestKind)}</span>
      </span>
    )
  }),
  helper.accessor('organizationName', { id: 'holder', header: 'Holder', sortFn: 'text', cell: (info) => info.getValue() }),
  helper.accessor((r) => STATUS_RANK[r.status] ?? 99, {
    id: 'status',
    header: 'Status',
    sortFn: 'basic',
    cell: (info) => <StatusBadge status={info.row.original.status} />
  }),
  helper.accessor((r) => r.received ?? undefined, {
    id: 'received',
    header: 'Received',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: (info) => <DateText value={info.row.original.received} />
  }),
  helper.accessor((r) => r.due ?? undefined, {
    id: 'due',
    header: 'Due',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: (info) => <DateText value={info.row.original.due} />
  }),
  helper.accessor(daysValue, {
    id: 'days',
    header: 'Late / left',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: (info) => <DaysText item={info.row.original} />
  }),
  helper.accessor((r) => r.nextStep?.due ?? undefined, {
    id: 'nextStep',
    header: 'Next step',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: (info) => {
      const s = info.row.original.nextStep
      if (info.row.original.waitingOn === 'agency') return <span className="cell-primary">With the agency</span>
      if (!s) return <span className="muted">—</span>
      return (
        <span className="cell-primary">
          {stepLabel(s.step)}
          <span className={s.due < todayIso() ? 'cell-secondary days--late' : 'cell-secondary'}>
            by <DateText value={s.due} />
            {s.due < todayIso() ? ' (overdue)' : ''}
          </span>
        </span>
      )
    }
  }),
  helper.accessor((r) => r.findings.length, {
    id: 'findings',
    header: 'Findings',
    sortFn: 'basic',
    cell: (info) => {
      const f = info.row.original.findings
      return f.length === 0 ? <span className="muted">0</span> : <span title={f.join(', ')} className="findings-count">{f.length}</span>
    }
  }),
  helper.accessor((r) => r.lastEventDate ?? undefined, {
    id: 'lastEvent',
    header: 'Last event',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: (info) => <DateText value={info.row.original.lastEventDate} />
  })
])
