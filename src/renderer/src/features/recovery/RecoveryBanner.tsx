import { useState } from 'react'
import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { formatInstant } from '../../ui/format'

/** What the store found wrong when it opened the data folder, and what it did about each file. */
export function RecoveryBanner() {
  const [state] = useQuery(() => call('data.recoveries', {}), [])
  const [dismissed, setDismissed] = useState(false)
  if (dismissed || state.status === 'loading') return null
  if (state.status === 'error') {
    return (
      <div className="banner banner--danger" role="alert">
        Could not check the data folder for damaged files: {state.message}
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
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </section>
  )
}
