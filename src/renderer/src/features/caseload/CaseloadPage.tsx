// The caseload: every case with its clock as of today, most urgent first, dense enough to work a
// morning from. The services filter, sort and cut the rows (cases.query); the table renders the
// window in view. The view (filters, sort), the columns and the density are kept in settings.
import { useCallback, useMemo, useState } from 'react'
import type { CaseloadView, SavedView } from '#core/schemas'
import type { BulkResultValue } from '#shared/channels/bulk'
import type { CaseListItemValue } from '#shared/channels/cases'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { useDataFolder } from '../../app/data-folder'
import { navigate } from '../../app/navigation'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { usePerspective } from '../../ui/perspective-words'
import { BulkLettersDialog } from '../letters/BulkLettersDialog'
import { useRefresh } from '../letters/refresh'
import { BulkBar } from './BulkBar'
import { CaseloadFilters } from './CaseloadFilters'
import { CaseloadTable } from './CaseloadTable'
import { ColumnsDialog } from './ColumnsDialog'
import { columnOrder, isDefaultOrder } from './column-order'
import { DeepSearch, type DeepResult } from './DeepSearch'
import { caseloadInput, windowOffset } from './caseload-input'
import { EMPTY_FILTER, isFiltered, STARTER_VIEWS, nextSort, type CaseloadFilter } from './filters'
import { SavedViews } from './SavedViews'
import { useCaseloadPrefs } from './use-caseload-prefs'
import { useCaseloadQuery } from './use-caseload-query'
import './caseload.css'

export function CaseloadPage({ searchRequest }: { searchRequest: number }) {
  const { prefs, update } = useCaseloadPrefs()
  if (!prefs) return <section className="page" aria-busy="true" aria-label="Caseload" />
  return <Caseload searchRequest={searchRequest} prefs={prefs} update={update} />
}

type Prefs = NonNullable<ReturnType<typeof useCaseloadPrefs>['prefs']>

function Caseload({ searchRequest, prefs, update }: { searchRequest: number; prefs: Prefs; update: ReturnType<typeof useCaseloadPrefs>['update'] }) {
  // The view lives here (typing must not wait for a cache round-trip) and is written to settings behind.
  const [view, setViewState] = useState<CaseloadView>(() => prefs.current ?? EMPTY_FILTER)
  const [viewId, setViewId] = useState<string | undefined>(prefs.currentViewId || undefined)
  const views: SavedView[] = prefs.views ?? STARTER_VIEWS
  // The workspace's side sets the default columns; a saved choice (Columns…) wins.
  const perspective = usePerspective()
  const chosenOrder = prefs.columns?.order
  const order = columnOrder(prefs.columns, perspective)
  const sizes = prefs.columns?.sizes ?? {}
  const me = useChannel('settings.get', {}).data?.advocateName
  const orgs = useChannel('orgs.list', {}, { enabled: view.holderKinds.length > 0 })
  const holdersOfKinds = useMemo(() => orgs.data?.filter((o) => view.holderKinds.includes(o.kind)).map((o) => o.id), [orgs.data, view.holderKinds])

  const text = view.text
  const [deep, setDeep] = useState<DeepResult | null>(null)
  const [range, setRange] = useState({ first: 0, last: 40 })
  const offset = windowOffset(range.first)
  const waiting = view.holderKinds.length > 0 && orgs.data === undefined
  // A full-text result narrows the filter to the cases it names.
  const { input, ready } = caseloadInput(view, { me, holdersOfKinds, ids: deep ? [...deep.ids] : undefined, offset })
  const queryFilter = input.filter
  const query = useCaseloadQuery(input, { enabled: ready && !waiting })

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  // "Select all": every case the filter matches, on every page, asked of the services by id.
  const [selectingAll, setSelectingAll] = useState(false)
  const [selectAllError, setSelectAllError] = useState<string | null>(null)
  const selectAll = async (on: boolean) => {
    setSelectAllError(null)
    if (!on) return setSelected(new Set())
    setSelectingAll(true)
    try {
      const r = await call('cases.query', { filter: queryFilter, sort: input.sort, window: { offset: 0, limit: 0 }, withIds: true })
      setSelected(new Set(r.ids ?? []))
    } catch (e) {
      setSelectAllError(errorText(e))
    } finally {
      setSelectingAll(false)
    }
  }
  const [message, setMessage] = useState<string | null>(null)
  const [columnsOpen, setColumnsOpen] = useState(false)
  const [bulkLetters, setBulkLetters] = useState(false)
  const reload = useRefresh()
  const restoring = useChannelMutation('cases.restore')

  const setView = (next: CaseloadFilter, nextId: string | undefined = viewId) => {
    setViewState(next)
    setViewId(nextId || undefined)
    update({ current: next, currentViewId: nextId ?? '' })
    setSelected(new Set())
    setMessage(null)
    if (next.text !== view.text) setDeep(null)
    setRange({ first: 0, last: 40 })
  }
  const pickView = (v: SavedView | null) => {
    // "All cases": no saved view, no filters; the sort stays.
    setView(v ? v.view : { ...EMPTY_FILTER, sort: view.sort }, v?.id ?? '')
    setDeep(null)
  }
  const onSort = (id: string, add: boolean) => setView({ ...view, sort: nextSort(view.sort, id, add) })
  const onRange = useCallback((first: number, last: number) => setRange((r) => (r.first === first && r.last === last ? r : { first, last })), [])
  const onResult = (r: BulkResultValue | { summary: string }) => {
    setMessage('unchanged' in r && r.unchanged.length > 0 ? `${r.summary}. ${r.unchanged.slice(0, 3).map((u) => u.reason).join('; ')}${r.unchanged.length > 3 ? '…' : ''}` : `${r.summary}.`)
    if ('changed' in r) setSelected(new Set())
  }
  const restore = (item: CaseListItemValue) => {
    restoring.mutate({ id: item.id }, { onSuccess: () => setMessage(`Restored the case of ${item.patientName} with ${item.organizationName}.`) })
  }

  const rows = query.data?.rows
  const total = !ready ? 0 : (query.data?.total ?? null)
  const rowOffset = query.data?.offset ?? 0
  const updating = query.updating
  const error = !ready ? null : query.error
  const advocates = (query.data?.facets.assignees ?? []).flatMap((a) => (a.value ? [a.value] : []))
  const why =
    !ready && view.mine && !me ? 'This view shows the cases assigned to you: put your name in Settings (“Your name for the audit trail”) first.' : !ready ? 'No holder of that type is in the directory.' : null

  return (
    <section aria-labelledby="caseload-title" className="page page--caseload" aria-busy={updating || total === null}>
      <PageHeader title={<span id="caseload-title">{view.trash ? 'Trash' : 'Caseload'}</span>} subtitle={total === null ? 'Loading…' : `${plural(total, 'case')}${query.clocksPending ? ' · computing clocks…' : updating ? ' · updating…' : ''}`}>
        <SavedViews views={views} currentId={viewId} current={view} onPick={pickView} onSave={(vs, id) => (setViewId(id || undefined), update({ views: vs, currentViewId: id }))} />
        <button type="button" className="button button--small" onClick={() => setColumnsOpen(true)}>
          Columns…
        </button>
        <button type="button" className="button button--small" onClick={() => navigate({ page: 'patients' })}>
          New request…
        </button>
        <button type="button" className="button button--small" onClick={() => setBulkLetters(true)}>
          Generate letters…
        </button>
      </PageHeader>
      {bulkLetters && <BulkLettersDialog onClose={() => setBulkLetters(false)} onChanged={reload} />}
      {columnsOpen && (
        <ColumnsDialog
          order={order}
          isDefault={isDefaultOrder(order, perspective) && Object.keys(sizes).length === 0}
          density={prefs.density}
          onChange={(o) => update({ columns: { order: o, sizes } })}
          onDensity={(density) => update({ density })}
          onReset={() => update({ columns: { sizes: {} } })}
          onClose={() => setColumnsOpen(false)}
        />
      )}
      <CaseloadFilters filter={view} onChange={(f) => setView(f)} searchRequest={searchRequest} facets={query.data?.facets} counts={query.data?.counts} me={me} />
      <DeepSearch key={view.text} text={text} result={deep} onResult={setDeep} />
      <BulkBar selected={selected} trash={view.trash} advocates={advocates} onClear={() => setSelected(new Set())} onResult={onResult} />
      <Notice message={message} />
      <ErrorMessage message={selectAllError} />
      <ErrorMessage message={restoring.error ? errorText(restoring.error) : null} />
      {why && <Notice message={why} />}
      {error && <ErrorMessage title="The caseload could not be loaded." message={errorText(error)} />}
      {total === 0 && !why && <EmptyCaseload filter={view} onClear={() => setView({ ...EMPTY_FILTER, sort: view.sort }, '')} />}
      {rows !== undefined && total !== null && total > 0 && (
        <CaseloadTable
          total={total}
          offset={rowOffset}
          rows={rows}
          onRange={onRange}
          columns={order}
          sizes={sizes}
          onResize={(id, w) => update({ columns: { ...(chosenOrder && { order: chosenOrder }), sizes: { ...sizes, [id]: w } } })}
          sort={view.sort}
          onSort={onSort}
          selected={selected}
          onSelect={setSelected}
          allSelected={total !== null && total > 0 && selected.size >= total}
          onSelectAll={(on) => void selectAll(on)}
          selectingAll={selectingAll}
          density={prefs.density}
          trash={view.trash}
          onRestore={restore}
        />
      )}
    </section>
  )
}

function EmptyCaseload({ filter, onClear }: { filter: CaseloadView; onClear: () => void }) {
  const folder = useDataFolder()
  if (filter.trash && !isFiltered({ ...filter, trash: false })) return <EmptyState title="The trash is empty." />
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
