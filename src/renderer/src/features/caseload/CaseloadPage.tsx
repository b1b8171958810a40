import { useState } from 'react'
import type { CaseListItemValue } from '../../../../shared/channels/cases'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useQuery } from '../../api/use-query'
import { useDataFolder } from '../../app/data-folder'
import { navigate } from '../../app/navigation'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { useDebounced } from '../../ui/use-debounced'
import { useKeptState } from '../../ui/use-kept-state'
import { CaseloadFilters } from './CaseloadFilters'
import { useSyncTick } from '../sync/use-sync-changes'
import { CaseloadTable } from './CaseloadTable'
import { EMPTY_FILTER, isFiltered, toListInput, type CaseloadFilter } from './filters'

/** The morning view: every case with its clock as of today, most urgent first. */
export function CaseloadPage({ searchRequest }: { searchRequest: number }) {
  const [filter, setFilter] = useKeptState<CaseloadFilter>('caseload.filter', EMPTY_FILTER)
  const [pageIndex, setPageIndex] = useKeptState('caseload.page', 0)
  const text = useDebounced(filter.text, 250)
  const input = toListInput(filter, text)
  // Files another computer wrote (through a sync tool) reload the list.
  const synced = useSyncTick(() => true)
  const [list, reload, updating] = useQuery(() => call('cases.list', input), [JSON.stringify(input), synced])
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const changeFilter = (next: CaseloadFilter) => {
    setFilter(next)
    setPageIndex(0)
    setMessage(null)
  }

  const restore = async (item: CaseListItemValue) => {
    setError(null)
    try {
      await call('cases.restore', { id: item.id })
      setMessage(`Restored the case of ${item.patientName} with ${item.organizationName}.`)
      reload()
    } catch (e) {
      setError(errorText(e))
    }
  }

  const count = list.status === 'ready' ? list.data.length : null
  return (
    <section aria-labelledby="caseload-title" className="page" aria-busy={updating || list.status === 'loading'}>
      <PageHeader title={<span id="caseload-title">{filter.trash ? 'Trash' : 'Caseload'}</span>} subtitle={count === null ? 'Loading…' : `${plural(count, 'case')}${updating ? ' · updating…' : ''}`}>
        <button type="button" className="button" onClick={() => navigate({ page: 'patients' })}>
          New request…
        </button>
      </PageHeader>
      <CaseloadFilters filter={filter} onChange={changeFilter} searchRequest={searchRequest} />
      {filter.trash && <p className="hint">Cases stay in the trash for 30 days; restore one to work on it again.</p>}
      <Notice message={message} />
      <ErrorMessage message={error} />
      {list.status === 'error' && <ErrorMessage title="The caseload could not be loaded." message={list.message} />}
      {list.status === 'ready' && list.data.length === 0 && <EmptyCaseload filter={filter} onClear={() => changeFilter(EMPTY_FILTER)} />}
      {list.status === 'ready' && list.data.length > 0 && (
        <CaseloadTable rows={list.data} trash={filter.trash} pageIndex={pageIndex} onPageIndexChange={setPageIndex} onRestore={restore} />
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
