import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { orgKindLabel } from '../../ui/labels'
import { useDebounced } from '../../ui/use-debounced'

type Props = {
  selected: string[]
  onChange: (ids: string[]) => void
  /** Several organizations make a batch: one request to each. */
  multiple: boolean
  error?: string | undefined
}

/** Choose the records holder(s) to ask, with a search over the directory. */
export function OrganizationPicker({ selected, onChange, multiple, error }: Props) {
  const [text, setText] = useState('')
  const needle = useDebounced(text, 150).trim()
  const list = useChannel('orgs.list', needle ? { text: needle } : {})
  const all = useChannel('orgs.list', {})
  const nameOf = (id: string) => (all.data !== undefined ? (all.data.find((o) => o.id === id)?.name ?? id) : id)
  const toggle = (id: string, on: boolean) => {
    if (!multiple) onChange(on ? [id] : [])
    else onChange(on ? [...selected, id] : selected.filter((x) => x !== id))
  }
  return (
    <fieldset className={`field form__fieldset org-picker${error ? ' field--invalid' : ''}`}>
      <legend>{multiple ? 'Organizations to ask (choose one, or several for a batch)' : 'Organization to ask'}</legend>
      <label className="visually-hidden" htmlFor="org-picker-search">
        Find an organization
      </label>
      <input id="org-picker-search" className="input" type="search" placeholder="Find an organization…" value={text} onChange={(e) => setText(e.target.value)} />
      {list.isError && <ErrorMessage message={errorText(list.error)} />}
      {list.data?.length === 0 && <p className="muted small">No organization found. Add it on the Organizations page first.</p>}
      {list.data !== undefined && list.data.length > 0 && (
        <ul className="org-picker__list">
          {list.data.slice(0, 200).map((o) => (
            <li key={o.id}>
              <label className="checkbox">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name="org-picker"
                  checked={selected.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />
                <span>
                  {o.name} <span className="muted small">{orgKindLabel(o.kind)}{o.state ? ` · ${o.state}` : ''}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {selected.length > 0 && (
        <p className="small" aria-live="polite" data-testid="org-picker-selected">
          Chosen: {selected.map(nameOf).join(', ')}
          {selected.length > 1 && <strong> (a batch of {selected.length} requests)</strong>}
        </p>
      )}
      {error && <span className="field__error">{error}</span>}
    </fieldset>
  )
}
