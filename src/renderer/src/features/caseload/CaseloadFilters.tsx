// The caseload's filters, in two compact lines: words, statuses with their counts, then one menu
// per facet (holder, holder type, state, advocate, tag, priority) and a date range. The menus'
// choices and counts come from the services (cases.query's facets), so they are always true.
import { useEffect, useRef } from 'react'
import { CASELOAD_DATE_FIELDS, ORGANIZATION_KINDS, PRIORITIES } from '#core/schemas'
import type { CaseQueryResult } from '#shared/channels/case-query'
import { humanize } from '../../ui/format'
import { orgKindLabel, statusLabel } from '../../ui/labels'
import { STATUS_CHOICES, type CaseloadFilter, type CaseListStatus } from './filters'

type Props = {
  filter: CaseloadFilter
  onChange: (next: CaseloadFilter) => void
  /** Changes whenever the user pressed "/" to search. */
  searchRequest: number
  facets: CaseQueryResult['facets'] | undefined
  counts: CaseQueryResult['counts'] | undefined
  me: string | undefined
}

const DATE_LABELS: Record<(typeof CASELOAD_DATE_FIELDS)[number], string> = { due: 'Due', received: 'Received', nextStep: 'Next step', lastEvent: 'Last event' }
/** cases.query filters dates on these (the next step's date is not one of them). */
const QUERY_DATE_FIELDS = ['due', 'received', 'lastEvent'] as const

type MenuProps = { label: string; value: string; onChange: (v: string) => void; options: ReadonlyArray<{ value: string; label: string }>; id: string }

function Menu({ label, value, onChange, options, id }: MenuProps) {
  return (
    <span className="filter-menu">
      <label htmlFor={id} className="filter-menu__label">
        {label}
      </label>
      <select id={id} className={`input input--small${value ? ' filter-menu--on' : ''}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  )
}

const one = (xs: ReadonlyArray<string>): string => (xs.length === 1 ? (xs[0] ?? '') : '')
const count = (n: number) => ` (${n.toLocaleString('en-US')})`

export function CaseloadFilters({ filter, onChange, searchRequest, facets, counts, me }: Props) {
  const search = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (searchRequest > 0) {
      search.current?.focus()
      search.current?.select()
    }
  }, [searchRequest])

  const set = (patch: Partial<CaseloadFilter>) => onChange({ ...filter, ...patch })
  const toggleStatus = (s: CaseListStatus) => set({ statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] })
  const NONE = '\u0000none'
  const advocate = filter.mine ? '\u0000me' : filter.assignees.length === 1 ? (filter.assignees[0] === '' ? NONE : (filter.assignees[0] ?? '')) : ''
  const dates = filter.dates ?? { field: 'due' as const }

  return (
    <div className="filter-bar filter-bar--dense" role="search" aria-label="Filter cases">
      <div className="filter-bar__row">
        <label className="visually-hidden" htmlFor="caseload-search">
          Search cases
        </label>
        <input
          id="caseload-search"
          ref={search}
          className="input input--small filter-bar__search"
          type="search"
          placeholder="Search names, references, summaries…  ( / )"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.preventDefault()
              set({ text: '' })
            }
          }}
        />
        <fieldset className="status-filter">
          <legend className="visually-hidden">Status</legend>
          {STATUS_CHOICES.map((s) => {
            const n = counts?.byStatus[s]
            return (
              <label key={s} className={`chip chip--small chip--${s}${filter.statuses.includes(s) ? ' chip--on' : ''}`}>
                <input type="checkbox" checked={filter.statuses.includes(s)} onChange={() => toggleStatus(s)} />
                {statusLabel(s)}
                {n !== undefined && <span className="chip__count">{n}</span>}
              </label>
            )
          })}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={filter.onlyLate} onChange={(e) => set({ onlyLate: e.target.checked })} />
          <span>Only late</span>
        </label>
        <label className="filter-bar__select">
          <span>Waiting on</span>{' '}
          <select
            className="input"
            value={filter.waitingOn ?? ''}
            onChange={(e) => set({ waitingOn: e.target.value as CaseloadFilter['waitingOn'] })}
            data-testid="waiting-on-filter"
          >
            <option value="">Anyone</option>
            <option value="me">Needs my action</option>
            <option value="holder">Waiting on the holder</option>
            <option value="agency">With the agency</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filter.trash} onChange={(e) => set({ trash: e.target.checked })} />
          <span>Trash</span>
        </label>
      </div>
      <div className="filter-bar__row filter-bar__row--menus">
        <Menu
          id="filter-holder"
          label="Holder"
          value={one(filter.organizationIds)}
          onChange={(v) => set({ organizationIds: v ? [v] : [] })}
          options={(facets?.organizations ?? []).map((o) => ({ value: o.id, label: `${o.name}${count(o.count)}` }))}
        />
        <Menu id="filter-kind" label="Holder type" value={one(filter.holderKinds)} onChange={(v) => set({ holderKinds: v ? [v as (typeof ORGANIZATION_KINDS)[number]] : [] })} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: orgKindLabel(k) }))} />
        <Menu
          id="filter-state"
          label="State"
          value={one(filter.states)}
          onChange={(v) => set({ states: v ? [v] : [] })}
          options={(facets?.states ?? []).filter((s) => s.value !== null).map((s) => ({ value: s.value as string, label: `${s.value}${count(s.count)}` }))}
        />
        <Menu
          id="filter-advocate"
          label="Advocate"
          value={advocate}
          onChange={(v) => set(v === '\u0000me' ? { mine: true, assignees: [] } : { mine: false, assignees: v === '' ? [] : [v === NONE ? '' : v] })}
          options={[
            ...(me ? [{ value: '\u0000me', label: `Me (${me})` }] : []),
            ...(facets?.assignees ?? []).map((a) => ({ value: a.value ?? NONE, label: `${a.value ?? 'Nobody'}${count(a.count)}` }))
          ]}
        />
        <Menu id="filter-tag" label="Tag" value={one(filter.tags)} onChange={(v) => set({ tags: v ? [v] : [] })} options={(facets?.tags ?? []).map((t) => ({ value: t.value, label: `${t.value}${count(t.count)}` }))} />
        <Menu id="filter-priority" label="Priority" value={one(filter.priorities)} onChange={(v) => set({ priorities: v ? [v as (typeof PRIORITIES)[number]] : [] })} options={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))} />
        <span className="filter-menu">
          <label htmlFor="filter-date-field" className="filter-menu__label">
            Dates
          </label>
          <select id="filter-date-field" className="input input--small" value={dates.field} onChange={(e) => set({ dates: { ...dates, field: e.target.value as (typeof QUERY_DATE_FIELDS)[number] } })}>
            {QUERY_DATE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {DATE_LABELS[f]}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor="filter-date-from">
            From
          </label>
          <input id="filter-date-from" className="input input--small input--date" type="date" value={dates.from ?? ''} onChange={(e) => set({ dates: { ...dates, ...(e.target.value ? { from: e.target.value } : { from: undefined }) } })} />
          <span aria-hidden="true">–</span>
          <label className="visually-hidden" htmlFor="filter-date-to">
            To
          </label>
          <input id="filter-date-to" className="input input--small input--date" type="date" value={dates.to ?? ''} onChange={(e) => set({ dates: { ...dates, ...(e.target.value ? { to: e.target.value } : { to: undefined }) } })} />
        </span>
      </div>
    </div>
  )
}
