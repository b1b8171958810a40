// Saved views: a named set of filters and sort, one pick away ("My overdue", "Texas hospitals").
import { useState, type FormEvent } from 'react'
import type { CaseloadView, SavedView } from '#core/schemas'
import { Dialog } from '../../ui/Dialog'
import { newLocalId } from '../../ui/format'
import { sameView } from './filters'

type Props = {
  views: ReadonlyArray<SavedView>
  currentId: string | undefined
  current: CaseloadView
  onPick: (view: SavedView | null) => void
  onSave: (views: SavedView[], currentId: string) => void
}

export function SavedViews({ views, currentId, current, onPick, onSave }: Props) {
  const [naming, setNaming] = useState(false)
  const picked = views.find((v) => v.id === currentId)
  const changed = picked !== undefined && !sameView(picked.view, current)
  return (
    <div className="saved-views">
      <label htmlFor="saved-view" className="filter-menu__label">
        View
      </label>
      <select
        id="saved-view"
        className="input input--small"
        value={picked?.id ?? ''}
        onChange={(e) => onPick(views.find((v) => v.id === e.target.value) ?? null)}
        data-testid="saved-view"
      >
        <option value="">{picked ? 'All cases' : 'Unsaved view'}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {v.id === picked?.id && changed ? ' (changed)' : ''}
          </option>
        ))}
      </select>
      {picked && changed && (
        <button type="button" className="button button--small" onClick={() => onSave(views.map((v) => (v.id === picked.id ? { ...v, view: current } : v)), picked.id)}>
          Update “{picked.name}”
        </button>
      )}
      <button type="button" className="button button--small" onClick={() => setNaming(true)}>
        Save view…
      </button>
      {picked && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            onSave(
              views.filter((v) => v.id !== picked.id),
              ''
            )
            onPick(null)
          }}
          aria-label={`Delete the view “${picked.name}”`}
        >
          Delete view
        </button>
      )}
      {naming && (
        <NameDialog
          taken={views.map((v) => v.name)}
          onClose={() => setNaming(false)}
          onName={(name) => {
            const id = newLocalId('view').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60)
            onSave([...views, { id, name, view: current }], id)
            setNaming(false)
          }}
        />
      )}
    </div>
  )
}

function NameDialog({ taken, onClose, onName }: { taken: ReadonlyArray<string>; onClose: () => void; onName: (name: string) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const n = name.trim()
    if (!n) return setError('Give the view a name.')
    if (n.length > 80) return setError('At most 80 characters.')
    if (taken.some((t) => t.toLowerCase() === n.toLowerCase())) return setError(`A view is already called “${n}”; pick another name or update that view.`)
    onName(n)
  }
  return (
    <Dialog title="Save this view" onClose={onClose} size="small" testId="save-view-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p className="hint">Keeps the filters and the sort shown now, under a name.</p>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'view-name-error' : undefined} />
        </label>
        {error && (
          <p id="view-name-error" className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Save view
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
