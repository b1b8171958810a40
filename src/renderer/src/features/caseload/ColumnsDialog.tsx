// "Columns…": which columns show, in which order, and how dense the rows are. Widths are set by
// dragging (or ←/→ on) a column's edge in the table.
import { useState } from 'react'
import type { CaseloadPrefs } from '#core/schemas'
import { Dialog } from '../../ui/Dialog'
import { COLUMNS, columnById } from './columns'
import { usePerspective } from '../../ui/perspective-words'

type Props = {
  order: ReadonlyArray<string>
  /** The side's default columns at their default widths: nothing to reset. */
  isDefault: boolean
  density: CaseloadPrefs['density']
  onChange: (order: string[]) => void
  onDensity: (d: CaseloadPrefs['density']) => void
  onReset: () => void
  onClose: () => void
}

export function ColumnsDialog({ order: saved, isDefault, density: savedDensity, onChange, onDensity, onReset, onClose }: Props) {
  const perspective = usePerspective()
  // What was last ticked shows at once: the saved layout reaches the page through the query cache,
  // which tells its readers a moment later, and a controlled box would spring back meanwhile.
  const [picked, setPicked] = useState<{ order?: string[]; density?: CaseloadPrefs['density'] }>({})
  const order = picked.order ?? saved
  const density = picked.density ?? savedDensity
  const change = (next: string[]) => {
    setPicked((p) => ({ ...p, order: next }))
    onChange(next)
  }
  const changeDensity = (d: CaseloadPrefs['density']) => {
    setPicked((p) => ({ ...p, density: d }))
    onDensity(d)
  }
  const hidden = COLUMNS.filter((c) => !order.includes(c.id)).map((c) => c.id)
  const list = [...order, ...hidden]
  const move = (id: string, by: number) => {
    const i = order.indexOf(id)
    const j = i + by
    if (i < 0 || j < 0 || j >= order.length) return
    const next = [...order]
    next.splice(i, 1)
    next.splice(j, 0, id)
    change(next)
  }
  return (
    <Dialog title="Columns and density" onClose={onClose} size="small" testId="columns-dialog">
      <fieldset className="columns-density">
        <legend className="field__label">Rows</legend>
        {(['compact', 'comfortable'] as const).map((d) => (
          <label key={d} className="checkbox">
            <input type="radio" name="density" checked={density === d} onChange={() => changeDensity(d)} />
            <span>{d === 'compact' ? 'Compact (most rows on screen)' : 'Comfortable'}</span>
          </label>
        ))}
      </fieldset>
      <ul className="columns-list" aria-label="Columns, in the order shown">
        {list.map((id) => {
          const c = columnById(id, perspective)
          if (!c) return null
          const shown = order.includes(id)
          const i = order.indexOf(id)
          return (
            <li key={id} className="columns-list__item">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={shown}
                  disabled={shown && order.length === 1}
                  onChange={() => change(shown ? order.filter((x) => x !== id) : [...order, id])}
                />
                <span>{c.header}</span>
              </label>
              {shown && (
                <span className="columns-list__moves">
                  <button type="button" className="button button--small" disabled={i === 0} onClick={() => move(id, -1)} aria-label={`Move ${c.header} left`}>
                    ↑
                  </button>
                  <button type="button" className="button button--small" disabled={i === order.length - 1} onClick={() => move(id, 1)} aria-label={`Move ${c.header} right`}>
                    ↓
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ul>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => (setPicked({}), onReset())} disabled={isDefault}>
          Default columns and widths
        </button>
        <button type="button" className="button button--primary form__actions-end" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
