// Sorting a directory list by one column, remembered for the session (use-kept-state): pure helpers
// and the aria-sort value a column header carries.
export type Sort<K extends string> = { key: K; desc: boolean }

type Value = string | number | null

/** Sorted copy; blanks (null) last whichever the direction; ties keep the list's own order (by name). */
export function sortRows<T, K extends string>(rows: ReadonlyArray<T>, sort: Sort<K>, valueOf: (row: T, key: K) => Value): T[] {
  const dir = sort.desc ? -1 : 1
  return rows
    .map((row, i) => ({ row, i, v: valueOf(row, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v))
      return c === 0 ? a.i - b.i : dir * c
    })
    .map((x) => x.row)
}

/** Clicking the sorted column flips it; another column starts ascending (counts start with the most). */
export function nextSort<K extends string>(current: Sort<K>, key: K, numeric: boolean): Sort<K> {
  return current.key === key ? { key, desc: !current.desc } : { key, desc: numeric }
}

export const ariaSort = <K extends string>(current: Sort<K>, key: K): 'ascending' | 'descending' | 'none' =>
  current.key === key ? (current.desc ? 'descending' : 'ascending') : 'none'
