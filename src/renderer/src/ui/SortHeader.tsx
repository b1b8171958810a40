import { ariaSort, nextSort, type Sort } from './sortable'

/** A column header that sorts its table: a button inside the <th>, with aria-sort on the header. */
export function SortHeader<K extends string>({ label, column, sort, onSort, numeric = false }: { label: string; column: K; sort: Sort<K>; onSort: (s: Sort<K>) => void; numeric?: boolean }) {
  const state = ariaSort(sort, column)
  return (
    <th scope="col" className="grid__th" aria-sort={state}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column, numeric))} data-testid={`sort-${column}`}>
        {label}
        <span aria-hidden="true" className="sort-button__mark">
          {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}
        </span>
      </button>
    </th>
  )
}
