import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'

/** The name other computers show for this one ("updated on <name> at <time>"). Keyed by `name` where used, so a saved name starts a fresh draft. */
export function DeviceNameForm({ name, deviceId }: { name: string; deviceId: string }) {
  const [draft, setDraft] = useState(name)
  const rename = useChannelMutation('sync.rename')
  const error = rename.error ? errorText(rename.error) : null
  const saving = rename.isPending
  const save = (e: React.FormEvent) => {
    e.preventDefault()
    rename.mutate({ name: draft })
  }
  return (
    <form className="sync-device" onSubmit={save} aria-labelledby="sync-device-title">
      <h2 id="sync-device-title">This computer</h2>
      <label className="field">
        <span className="field__label">Name shown on the other computers</span>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} required />
      </label>
      <p className="muted">
        Device id <code>{deviceId}</code>
      </p>
      <ErrorMessage message={error} />
      <button type="submit" className="button" disabled={saving || draft.trim() === '' || draft === name}>
        {saving ? 'Saving…' : 'Save name'}
      </button>
    </form>
  )
}
