import { useState } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { CaseListItemValue } from '#shared/channels/cases'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { useDataFolder } from '../../app/data-folder'
import { navigate } from '../../app/navigation'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { useKeptState } from '../../ui/use-kept-state'
import { CaseloadFilters } from './CaseloadFilters'
import { CaseloadTable, DEFAULT_SORT, PAGE_SIZE } from './CaseloadTable'
import { DeepSearch, type DeepResult } from './DeepSearch'
import { EMPTY_FILTER, isFiltered, toQueryFilter, toQuerySort, type CaseloadFilter } from './filters'
import { useCaseloadQuery } from './use-caseload-query'
import { BulkLettersDialog } from '../letters/BulkLettersDialog'
import { useRefresh } from '../letters/refresh'

/** The morning view: every case with its clock as of today, most urgent first. */
export function CaseloadPage({ searchRequest }: { searchRequest: number }) {
  const [filter, setFilter] = useKeptState<CaseloadFilter>('caseload.filter', EMPTY_FILTER)
  const [pageIndex, setPageIndex] = useKeptState('caseload.page', 0)
  const [sorting, setSorting] = useKeptState<SortingState>('caseload.sorting', DEFAULT_SORT)
  // No debounce: the services answer a keystroke in a few ms with one page of rows (use-caseload-query.ts).
  const text = filter.text
  const [deep, setDeep] = useState<DeepResult | null>(null)
  // A full-text result replaces the quick text filter (it already matched everything the filter does).
  const list = useCaseloadQuery({
    filter: { ...toQueryFilter(filter, deep ? '' : text), ...(deep && { ids: [...deep.ids] }) },
    sort: toQuerySort(sorting),
    window: { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }
  })
  const updating = list.updating
  const restoring = useChannelMutation('cases.restore')
  const [message, setMessage] = useState<string | null>(null)
  const error = restoring.error ? errorText(restoring.error) : null
  const [bulk, setBulk] = useState(false)
  const reload = useRefresh()

  const changeFilter = (next: CaseloadFilter) => {
    setFilter(next)
    setPageIndex(0)
    setMessage(null)
    if (next.text !== filter.text) setDeep(null)
  }

  const restore = (item: CaseListItemValue) => {
    restoring.mutate(
      { id: item.id },
      { onSuccess: () => setMessage(`Restored the case of ${item.patientName} with ${item.organizationName}.`) }
    )
  }

  const rows = list.data?.rows
  const count = list.data?.total ?? null
  return (
    <section aria-labelledby="caseload-title" className="page" aria-busy={updating || list.loading}>
      <PageHeader title={<span id="caseload-title">{filter.trash ? 'Trash' : 'Caseload'}</span>} subtitle={count === null ? 'Loading…' : `${plural(count, 'case')}${updating ? ' · updating…' : ''}${list.clocksPending ? ' · computing clocks…' : ''}`}>
        <button type="button" className="button" onClick={() => navigate({ page: 'patients' })}>
          New request…
        </button>
        <button type="button" className="button" onClick={() => setBulk(true)}>
          Generate letters…
        </button>
      </PageHeader>
      {bulk && <BulkLettersDialog onClose={() => setBulk(false)} onChanged={reload} />}
      <CaseloadFilters filter={filter} onChange={changeFilter} searchRequest={searchRequest} />
      {filter.trash && <p className="hint">Cases stay in the trash for 30 days; restore one to work on it again.</p>}
      <DeepSearch key={filter.text} text={text} result={deep} onResult={setDeep} />
      <Notice message={message} />
      <ErrorMessage message={error} />
      {list.error && <ErrorMessage title="The caseload could not be loaded." message={errorText(list.error)} />}
      {rows?.length === 0 && <EmptyCaseload filter={filter} onClear={() => changeFilter(EMPTY_FILTER)} />}
      {rows !== undefined && rows.length > 0 && (
        <CaseloadTable
          rows={rows}
          total={list.data?.total ?? rows.length}
          sorting={sorting}
          onSortingChange={(next) => {
            setSorting(next)
            setPageIndex(0)
          }}
          trash={filter.trash}
          pageIndex={pageIndex}
          onPageIndexChange={setPageIndex}
          onRestore={restore}
        />
      )}
    </section>
  )
}

function EmptyCaseload({ filter, onClear }: { filter: CaseloadFilter; onClear: () => void }) {
  const folder = useDataFolder()
  if (filter.trash && !filter.text && filter.statuses.length === 0 && !filter.onlyLate) {
    return <EmptyState title="The trash is empty." />
  }
  if (isFiltered(filter)) {
    return (
      <EmptyState title="No case matches these filters.">
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </EmptyState>
    )
  }
  return (
    <EmptyState title="No cases yet.">
      <p>A case is one records request by or for a patient to one holder. Start with the patient.</p>
      <div className="empty-state__actions">
        <button type="button" className="button button--primary" onClick={() => navigate({ page: 'patients', adding: true })}>
          Add a patient
        </button>
        {!folder.sample && (
          <button type="button" className="button" onClick={() => void folder.switchTo('sample')}>
            Explore with sample data
          </button>
        )}
      </div>
    </EmptyState>
  )
}
