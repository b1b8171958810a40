import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { formatInstant } from '../../ui/format'

/**
 * What the store found wrong when it opened the data folder, or later (a recovery.reported event
 * marks this list stale, so a file found damaged while the window is open shows up at once), and
 * what it did about each file. Dismissing hides what was shown; a new report brings it back.
 */
export function RecoveryBanner() {
  const state = useChannel('data.recoveries', {})
  const [dismissed, setDismissed] = useState(0)
  if (state.isPending || (state.data !== undefined && dismissed >= state.data.length)) return null
  if (state.isError) {
    return (
      <div className="banner banner--danger" role="alert">
        Could not check the data folder for damaged files: {errorText(state.error)}
      </div>
    )
  }
  if (state.data.length === 0) return null
  return (
    <section className="banner banner--warn" role="alert" aria-labelledby="recovery-title" data-testid="recovery-banner">
      <div className="banner__body">
        <h2 id="recovery-title" className="banner__title">
          Some data files were damaged and have been dealt with
        </h2>
        <ul className="banner__list">
          {state.data.map((r) => (
            <li key={`${r.file}-${r.at}`}>
              <code>{r.file}</code>: {r.problem}. <strong>What was done:</strong> {r.action}.{' '}
              <span className="muted">{formatInstant(r.at)}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button" onClick={() => setDismissed(state.data.length)}>
        Dismiss
      </button>
    </section>
  )
}
