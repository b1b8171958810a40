// The caseload grid: the services sort the caseload and send one page of 100 rows (cases.query),
// so a caseload of 30,000 renders, and travels, as fast as one of 100. The table only shows them.
import { useTable, type PaginationState, type SortingState } from '@tanstack/react-table'
import type { KeyboardEvent } from 'react'
import type { CaseListItemValue } from '#shared/channels/cases'
import { navigate } from '../../app/navigation'
import { formatInstant } from '../../ui/format'
import { caseloadColumns, caseloadFeatures } from './columns'
import { Pager } from './Pager'

export const PAGE_SIZE = 100
export const DEFAULT_SORT: SortingState = [
  { id: 'status', desc: false },
  { id: 'days', desc: true }
]

type Props = {
  /** The page's rows, already sorted by the services. */
  rows: ReadonlyArray<CaseListItemValue>
  /** How many cases match in all. */
  total: number
  sorting: SortingState
  onSortingChange: (next: SortingState) => void
  trash: boolean
  pageIndex: number
  onPageIndexChange: (n: number) => void
  onRestore: (item: CaseListItemValue) => void
}

const getRowId = (r: CaseListItemValue) => r.id

export function CaseloadTable({ rows, total, sorting, onSortingChange, trash, pageIndex, onPageIndexChange, onRestore }: Props) {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const pagination: PaginationState = { pageIndex: Math.min(pageIndex, pageCount - 1), pageSize: PAGE_SIZE }
  const table = useTable({
    features: caseloadFeatures,
    columns: caseloadColumns,
    data: rows as CaseListItemValue[],
    getRowId,
    autoResetPageIndex: false,
    enableSortingRemoval: true,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onPaginationChange: (updater) => {
      const next = typeof updater === 'function' ? updater(pagination) : updater
      onPageIndexChange(next.pageIndex)
    }
  })

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.target !== e.currentTarget) return
    if (e.key === 'Enter') {
      e.preventDefault()
      navigate({ page: 'case', id })
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling
      if (sibling instanceof HTMLElement) sibling.focus()
    }
  }

  const first = pagination.pageIndex * PAGE_SIZE
  return (
    <>
      <div className="table-wrap">
        <table className="grid" aria-label={trash ? 'Cases in the trash' : 'Caseload'} aria-rowcount={total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted()
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`grid__th grid__th--${header.column.id}`}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className="sort-button__arrow" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    </th>
                  )
                })}
                {trash && (
                  <>
                    <th scope="col" className="grid__th">Moved to trash</th>
                    <th scope="col" className="grid__th">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </>
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, i) => (
              <tr
                key={row.id}
                tabIndex={0}
                className="grid__row"
                aria-rowindex={first + i + 2}
                data-testid="case-row"
                data-case-id={row.original.id}
                data-status={row.original.status}
                onClick={() => navigate({ page: 'case', id: row.original.id })}
                onKeyDown={(e) => onRowKey(e, row.original.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`grid__td grid__td--${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
                {trash && (
                  <>
                    <td className="grid__td">{row.original.deletedAt ? formatInstant(row.original.deletedAt) : ''}</td>
                    <td className="grid__td">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={(e) => {
                          e.stopPropagation()
                          onRestore(row.original)
                        }}
                        onKeyDown={(e) => e.stopPropagation()}
                        aria-label={`Restore the case of ${row.original.patientName} with ${row.original.organizationName}`}
                      >
                        Restore
                      </button>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        pageIndex={pagination.pageIndex}
        pageCount={pageCount}
        total={total}
        pageSize={PAGE_SIZE}
        onChange={(n) => table.setPageIndex(n)}
      />
    </>
  )
}
