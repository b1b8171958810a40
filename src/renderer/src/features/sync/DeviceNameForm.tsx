import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { ErrorMessage } from '../../ui/ErrorMessage'

/** The name other computers show for this one ("updated on <name> at <time>"). Keyed by `name` where used, so a saved name starts a fresh draft. */
export function DeviceNameForm({ name, deviceId, onSaved }: { name: string; deviceId: string; onSaved: () => void }) {
  const [draft, setDraft] = useState(name)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setSaving(true)
    setError(null)
    try {
      await call('sync.rename', { name: draft })
      onSaved()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setSaving(false)
    }
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
