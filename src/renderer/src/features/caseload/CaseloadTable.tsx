// The caseload grid. Only the rows in view are in the page (TanStack Virtual), and only the window
// of rows around them was asked of the services; scrolling asks for the next window. One line per
// cell (the full text on hover, and unfolded on the focused row). Selection: the checkboxes,
// shift-click for a range, Space on a row, Shift+↑/↓ to extend; ↑/↓ move, Enter opens the case.
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { CaseListItemValue } from '#shared/channels/cases'
import { navigate } from '../../app/navigation'
import { formatInstant } from '../../ui/format'
import { columnById, isSortable, type CaseloadColumn } from './columns'
import { usePerspective } from '../../ui/perspective-words'
import { ColumnResizer } from './ColumnResizer'

export const ROW_HEIGHT = { compact: 28, comfortable: 40 } as const

type Sort = ReadonlyArray<{ id: string; desc: boolean }>

type Props = {
  total: number
  /** Index of rows[0] in the whole sorted result. */
  offset: number
  rows: ReadonlyArray<CaseListItemValue>
  /** The range of rows in view changed (first and last index): ask for their window. */
  onRange: (first: number, last: number) => void
  columns: ReadonlyArray<string>
  sizes: Readonly<Record<string, number>>
  onResize: (id: string, width: number) => void
  sort: Sort
  /** `add`: Shift held (click or Enter), the column becomes the next sort key. */
  onSort: (id: string, add: boolean) => void
  selected: ReadonlySet<string>
  onSelect: (next: ReadonlySet<string>) => void
  /** Every case matching the filter is selected (not only the rows loaded). */
  allSelected: boolean
  /** The header checkbox: select every matching case (true) or none. */
  onSelectAll: (on: boolean) => void
  selectingAll: boolean
  density: keyof typeof ROW_HEIGHT
  trash: boolean
  onRestore: (item: CaseListItemValue) => void
}

export function CaseloadTable(p: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const height = useFillHeight(scroller)
  const [focused, setFocused] = useState(0)
  const anchor = useRef<number | null>(null)
  const rowHeight = ROW_HEIGHT[p.density]
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change with every scroll by design; the compiler leaves this component unmemoized, which is what it needs
  const virtual = useVirtualizer({
    count: p.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8
  })
  const items = virtual.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { onRange } = p
  useEffect(() => onRange(first, last), [first, last, onRange])
  useEffect(() => virtual.measure(), [rowHeight, virtual])

  const perspective = usePerspective()
  const columns = useMemo(() => p.columns.map((id) => columnById(id, perspective)).filter((c): c is CaseloadColumn => c !== undefined), [p.columns, perspective])
  const rowAt = (index: number): CaseListItemValue | undefined => p.rows[index - p.offset]

  const idsBetween = (a: number, b: number): string[] => {
    const out: string[] = []
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
      const r = rowAt(i)
      if (r) out.push(r.id)
    }
    return out
  }
  const toggle = (index: number, range: boolean) => {
    const r = rowAt(index)
    if (!r) return
    const next = new Set(p.selected)
    if (range && anchor.current !== null) {
      const on = !p.selected.has(r.id) || p.selected.has(rowAt(anchor.current)?.id ?? '')
      for (const id of idsBetween(anchor.current, index)) {
        if (on) next.add(id)
        else next.delete(id)
      }
    } else {
      if (next.has(r.id)) next.delete(r.id)
      else next.add(r.id)
      anchor.current = index
    }
    p.onSelect(next)
  }

  // Set by the keyboard: the row moved to takes the focus once it is rendered (it may be far away).
  const wantFocus = useRef(false)
  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(p.total - 1, index))
    wantFocus.current = true
    setFocused(i)
    virtual.scrollToIndex(i, { align: 'auto' })
  }
  // The keyboard's place is a position, as the one roving tab stop says: when the rows reorder under
  // it (a teammate's edit arriving, the clocks of the first list of the day filling in), the focus
  // stays on that position rather than following its case away or vanishing with a row scrolled out.
  const focusedRow = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const active = document.activeElement
    const moved = active instanceof HTMLElement && active === focusedRow.current && active.dataset['index'] !== String(focused)
    const lost = focusedRow.current !== null && !focusedRow.current.isConnected && (active === null || active === document.body)
    if (lost) wantFocus.current = true
    if (!wantFocus.current && !moved) return
    const el = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${focused}"][data-case-id]`)
    if (!el) return
    wantFocus.current = false
    el.focus({ preventScroll: true })
  })

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (e.target !== e.currentTarget) return
    const r = rowAt(index)
    if (e.key === 'Enter' && r) {
      e.preventDefault()
      navigate({ page: 'case', id: r.id })
    } else if (e.key === ' ') {
      e.preventDefault()
      toggle(index, e.shiftKey)
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const to = index + (e.key === 'ArrowDown' ? 1 : -1)
      if (e.shiftKey) {
        // Extend the selection from the anchor to the row moved to.
        if (anchor.current === null) anchor.current = index
        const next = new Set(p.selected)
        for (const id of idsBetween(anchor.current, Math.max(0, Math.min(p.total - 1, to)))) next.add(id)
        p.onSelect(next)
      }
      focusRow(to)
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      focusRow(e.key === 'Home' ? 0 : p.total - 1)
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault()
      focusRow(index + (e.key === 'PageDown' ? 1 : -1) * Math.max(1, items.length - 4))
    }
  }

  // One stable object for every row's handlers (each reads the table's latest state), so a row whose
  // case, place, focus and selection did not change is not drawn again: a keystroke, a new answer
  // or a scroll re-renders the table, not the forty rows it keeps.
  const latest = useRef({ toggle, onRowKey, setFocused, onRestore: p.onRestore })
  latest.current = { toggle, onRowKey, setFocused, onRestore: p.onRestore }
  const actions = useMemo<RowActions>(
    () => ({
      focus: (index, row) => {
        if (row !== null) focusedRow.current = row
        latest.current.setFocused(index)
      },
      blur: (row) => {
        // Checked a moment later: a row removed from the page may report a blur as it goes, and
        // only a row still in the page that lost the focus was left by the user (a click elsewhere).
        setTimeout(() => {
          if (focusedRow.current === row && row.isConnected && document.activeElement !== row) focusedRow.current = null
        }, 0)
      },
      toggle: (index, range) => latest.current.toggle(index, range),
      key: (e, index) => latest.current.onRowKey(e, index),
      restore: (r) => latest.current.onRestore(r)
    }),
    []
  )

  const width = (c: CaseloadColumn) => p.sizes[c.id] ?? c.width
  const padTop = items[0]?.start ?? 0
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const extra = p.trash ? 2 : 0

  return (
    <div ref={scroller} className={`caseload-scroll caseload-scroll--${p.density}`} style={{ height }} data-testid="caseload-scroll">
      <table className="grid caseload-grid" aria-label={p.trash ? 'Cases in the trash' : 'Caseload'} aria-rowcount={p.total + 1}>
        <colgroup>
          <col style={{ width: 34 }} />
          {columns.map((c) => (
            <col key={c.id} style={{ width: width(c) }} />
          ))}
          {p.trash && (
            <>
              <col style={{ width: 150 }} />
              <col style={{ width: 90 }} />
            </>
          )}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="grid__th grid__th--select">
              <input
                type="checkbox"
                aria-label={p.allSelected ? 'Unselect all' : `Select all ${p.total.toLocaleString()} matching cases`}
                // Checked from the click on, while the services look up the ids (disabled meanwhile):
                // a box that stays empty after a click reads as a click that missed.
                checked={p.allSelected || p.selectingAll}
                disabled={p.selectingAll}
                onChange={() => p.onSelectAll(!p.allSelected)}
              />
            </th>
            {columns.map((c) => {
              const at = p.sort.findIndex((s) => s.id === c.id)
              const sorted = at === -1 ? undefined : p.sort[at]!.desc ? 'descending' : 'ascending'
              // aria-sort belongs on the one header that orders the table; later keys say their place in words.
              const then = at > 0 ? `, then sorted ${sorted}, key ${at + 1}` : ''
              return (
                <th key={c.id} scope="col" className={`grid__th grid__th--${c.id}`} aria-sort={at === 0 ? sorted : undefined} data-sort-key={at === -1 ? undefined : at + 1}>
                  {isSortable(c.id) ? (
                    <button type="button" className="sort-button" onClick={(e) => p.onSort(c.id, e.shiftKey)} title="Click to sort; Shift+click (or Shift+Enter) to add as the next sort key">
                      {c.header}
                      {then && <span className="visually-hidden">{then}</span>}
                      <span className="sort-button__arrow" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                        {p.sort.length > 1 && at !== -1 ? at + 1 : ''}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                  <ColumnResizer label={c.header} width={width(c)} onResize={(w) => p.onResize(c.id, w)} />
                </th>
              )
            })}
            {p.trash && (
              <>
                <th scope="col" className="grid__th">
                  Moved to trash
                </th>
                <th scope="col" className="grid__th">
                  <span className="visually-hidden">Actions</span>
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((v) => {
            const r = rowAt(v.index)
            if (!r) {
              return (
                <tr key={`pending-${v.index}`} data-index={v.index} className="grid__row grid__row--pending" style={{ height: rowHeight }} aria-rowindex={v.index + 2}>
                  <td colSpan={columns.length + 1 + extra} className="grid__td muted">
                    …
                  </td>
                </tr>
              )
            }
            return <CaseRow key={r.id} r={r} index={v.index} focused={v.index === focused} selected={p.selected.has(r.id)} columns={columns} trash={p.trash} measure={virtual.measureElement} actions={actions} />
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  )
}

type RowActions = {
  /** `row`: the row itself took the focus (not its checkbox). */
  focus: (index: number, row: HTMLElement | null) => void
  blur: (row: HTMLElement) => void
  toggle: (index: number, range: boolean) => void
  key: (e: KeyboardEvent<HTMLTableRowElement>, index: number) => void
  restore: (r: CaseListItemValue) => void
}

type RowProps = {
  r: CaseListItemValue
  index: number
  focused: boolean
  selected: boolean
  columns: ReadonlyArray<CaseloadColumn>
  trash: boolean
  measure: (el: HTMLTableRowElement | null) => void
  actions: RowActions
}

/** One case's row; drawn again only when its case, place, focus, selection or columns change. */
const CaseRow = memo(function CaseRow({ r, index, focused, selected, columns, trash, measure, actions }: RowProps) {
  const label = `${r.patientName} with ${r.organizationName}`
  return (
    <tr
      ref={measure}
      data-index={index}
      tabIndex={focused ? 0 : -1}
      className={`grid__row${selected ? ' grid__row--selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="case-row"
      data-case-id={r.id}
      data-status={r.status}
      onFocus={(e) => actions.focus(index, e.target === e.currentTarget ? e.currentTarget : null)}
      onBlur={(e) => {
        if (e.target === e.currentTarget) actions.blur(e.currentTarget)
      }}
      onClick={(e: MouseEvent) => {
        if (e.shiftKey || e.metaKey || e.ctrlKey) actions.toggle(index, e.shiftKey)
        else navigate({ page: 'case', id: r.id })
      }}
      onKeyDown={(e) => actions.key(e, index)}
    >
      <td className="grid__td grid__td--select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={`Select the case of ${label}`}
          onChange={() => undefined}
          onClick={(e) => {
            e.stopPropagation()
            actions.toggle(index, e.shiftKey)
          }}
        />
      </td>
      {columns.map((c) => (
        <td key={c.id} className={`grid__td grid__td--${c.id}`} title={c.text(r)}>
          {c.cell(r)}
        </td>
      ))}
      {trash && (
        <>
          <td className="grid__td">{r.deletedAt ? formatInstant(r.deletedAt) : ''}</td>
          <td className="grid__td">
            <button
              type="button"
              className="button button--small"
              onClick={(e) => {
                e.stopPropagation()
                actions.restore(r)
              }}
              onKeyDown={(e) => e.stopPropagation()}
              aria-label={`Restore the case of ${label}`}
            >
              Restore
            </button>
          </td>
        </>
      )}
    </tr>
  )
})

/** The height from the element's top to the bottom of the window, kept as the window is resized. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>): number {
  const [h, setH] = useState(400)
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0
      setH(Math.max(160, Math.floor(window.innerHeight - top - 12)))
    }
    measure()
    window.addEventListener('resize', measure)
    const observer = new ResizeObserver(measure)
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement)
    return () => {
      window.removeEventListener('resize', measure)
      observer.disconnect()
    }
  }, [ref])
  return h
}
