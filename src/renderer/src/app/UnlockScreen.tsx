import { useState, type FormEvent } from 'react'
import type { HostStateValue } from '#shared/channels/app'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { ErrorMessage } from '../ui/ErrorMessage'
import { TextField } from '../ui/Field'

/** An encrypted data folder waits here for its passphrase. A wrong one changes nothing. */
export function UnlockScreen({ state, onUnlocked }: { state: Extract<HostStateValue, { state: 'locked' }>; onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const next = await call('app.unlock', { passphrase })
      if (next.state === 'ready') onUnlocked()
      else setError(next.message)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="unlock panel" aria-labelledby="unlock-title">
      <h2 id="unlock-title">Unlock your data</h2>
      <p>
        The data folder <code>{state.dataDir}</code> is encrypted. Enter its passphrase to open it.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Passphrase" type="password" value={passphrase} onChange={setPassphrase} autoFocus required />
        <ErrorMessage message={error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || passphrase === ''}>
            {busy ? 'Opening…' : 'Unlock'}
          </button>
        </div>
      </form>
    </section>
  )
}
