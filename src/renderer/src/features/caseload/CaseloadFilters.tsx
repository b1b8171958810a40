import { useEffect, useRef } from 'react'
import { statusLabel } from '../../ui/labels'
import { STATUS_CHOICES, type CaseloadFilter, type CaseListStatus } from './filters'

type Props = {
  filter: CaseloadFilter
  onChange: (next: CaseloadFilter) => void
  /** Changes whenever the user pressed "/" to search. */
  searchRequest: number
}

export function CaseloadFilters({ filter, onChange, searchRequest }: Props) {
  const search = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (searchRequest > 0) {
      search.current?.focus()
      search.current?.select()
    }
  }, [searchRequest])

  const toggleStatus = (s: CaseListStatus) =>
    onChange({ ...filter, statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] })

  return (
    <div className="filter-bar" role="search" aria-label="Filter cases">
      <div className="filter-bar__row">
        <label className="visually-hidden" htmlFor="caseload-search">
          Search cases
        </label>
        <input
          id="caseload-search"
          ref={search}
          className="input filter-bar__search"
          type="search"
          placeholder="Search names, references, summaries…  ( / )"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.preventDefault()
              onChange({ ...filter, text: '' })
            }
          }}
        />
        <label className="checkbox">
          <input type="checkbox" checked={filter.onlyLate} onChange={(e) => onChange({ ...filter, onlyLate: e.target.checked })} />
          <span>Only late</span>
        </label>
        <label className="filter-bar__select">
          <span>Waiting on</span>{' '}
          <select
            className="input"
            value={filter.waitingOn ?? ''}
            onChange={(e) => onChange({ ...filter, waitingOn: e.target.value as NonNullable<typeof filter.waitingOn> })}
            data-testid="waiting-on-filter"
          >
            <option value="">Anyone</option>
            <option value="me">Needs my action</option>
            <option value="holder">Waiting on the holder</option>
            <option value="agency">With the agency</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filter.trash} onChange={(e) => onChange({ ...filter, trash: e.target.checked })} />
          <span>Trash</span>
        </label>
      </div>
      <fieldset className="status-filter">
        <legend className="visually-hidden">Status</legend>
        <span className="status-filter__label" aria-hidden="true">
          Status:
        </span>
        {STATUS_CHOICES.map((s) => (
          <label key={s} className={`chip chip--${s}${filter.statuses.includes(s) ? ' chip--on' : ''}`}>
            <input type="checkbox" checked={filter.statuses.includes(s)} onChange={() => toggleStatus(s)} />
            {statusLabel(s)}
          </label>
        ))}
        {filter.statuses.length > 0 && (
          <button type="button" className="button button--link" onClick={() => onChange({ ...filter, statuses: [] })}>
            Any status
          </button>
        )}
      </fieldset>
    </div>
  )
}
