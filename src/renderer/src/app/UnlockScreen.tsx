import { useState, type FormEvent } from 'react'
import type { HostStateValue } from '../../../shared/channels/app'
import { errorText } from '../api/error-text'
import { useChannelMutation } from '../api/queries'
import { ErrorMessage } from '../ui/ErrorMessage'
import { TextField } from '../ui/Field'

/** An encrypted data folder waits here for its passphrase. A wrong one changes nothing. */
/** Unlocking invalidates everything (app.status included), so the window opens the data by itself. */
export function UnlockScreen({ state }: { state: Extract<HostStateValue, { state: 'locked' }> }) {
  const [passphrase, setPassphrase] = useState('')
  const unlock = useChannelMutation('app.unlock')
  const error = unlock.error ? errorText(unlock.error) : unlock.data?.state === 'locked' ? unlock.data.message : null
  const busy = unlock.isPending
  const submit = (e: FormEvent) => {
    e.preventDefault()
    unlock.mutate({ passphrase })
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
