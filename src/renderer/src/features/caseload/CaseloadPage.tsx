import { useState } from 'react'
import type { CaseListItemValue } from '../../../../shared/channels/cases'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { useDataFolder } from '../../app/data-folder'
import { navigate } from '../../app/navigation'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { useDebounced } from '../../ui/use-debounced'
import { useKeptState } from '../../ui/use-kept-state'
import { CaseloadFilters } from './CaseloadFilters'
import { CaseloadTable } from './CaseloadTable'
import { DeepSearch, type DeepResult } from './DeepSearch'
import { EMPTY_FILTER, isFiltered, toListInput, type CaseloadFilter } from './filters'

/** The morning view: every case with its clock as of today, most urgent first. */
export function CaseloadPage({ searchRequest }: { searchRequest: number }) {
  const [filter, setFilter] = useKeptState<CaseloadFilter>('caseload.filter', EMPTY_FILTER)
  const [pageIndex, setPageIndex] = useKeptState('caseload.page', 0)
  const text = useDebounced(filter.text, 250)
  const [deep, setDeep] = useState<DeepResult | null>(null)
  // A full-text result replaces the quick text filter (it already matched everything the filter does).
  const input = toListInput(filter, deep ? '' : text)
  const list = useChannel('cases.list', input)
  const updating = list.isPlaceholderData || (list.isFetching && !list.isPending)
  const restoring = useChannelMutation('cases.restore')
  const [message, setMessage] = useState<string | null>(null)
  const error = restoring.error ? errorText(restoring.error) : null

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

  const rows = deep && list.data ? list.data.filter((c) => deep.ids.has(c.id)) : list.data
  const count = rows?.length ?? null
  return (
    <section aria-labelledby="caseload-title" className="page" aria-busy={updating || list.isPending}>
      <PageHeader title={<span id="caseload-title">{filter.trash ? 'Trash' : 'Caseload'}</span>} subtitle={count === null ? 'Loading…' : `${plural(count, 'case')}${updating ? ' · updating…' : ''}`}>
        <button type="button" className="button" onClick={() => navigate({ page: 'patients' })}>
          New request…
        </button>
      </PageHeader>
      <CaseloadFilters filter={filter} onChange={changeFilter} searchRequest={searchRequest} />
      {filter.trash && <p className="hint">Cases stay in the trash for 30 days; restore one to work on it again.</p>}
      <DeepSearch key={filter.text} text={text} result={deep} onResult={setDeep} />
      <Notice message={message} />
      <ErrorMessage message={error} />
      {list.isError && <ErrorMessage title="The caseload could not be loaded." message={errorText(list.error)} />}
      {rows?.length === 0 && <EmptyCaseload filter={filter} onClear={() => changeFilter(EMPTY_FILTER)} />}
      {rows !== undefined && rows.length > 0 && (
        <CaseloadTable rows={rows} trash={filter.trash} pageIndex={pageIndex} onPageIndexChange={setPageIndex} onRestore={restore} />
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
