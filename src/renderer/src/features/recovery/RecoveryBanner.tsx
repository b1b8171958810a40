import { useState } from 'react'
import type { RecoveryValue } from '#shared/channels/data'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { formatInstant } from '../../ui/format'

const keyOf = (r: RecoveryValue) => `${r.file}|${r.at}|${r.action}`

/**
 * What the store found wrong in the data folder, at open or later (the background check of every
 * file after open, any read of a damaged file: a recovery.reported event marks this list stale, so
 * it shows up at once, with no polling), and what it did about each file. Damaged or lost files and
 * mere notices (a lock left by a session that exited) are told apart: only the first are "damaged".
 * Dismissing hides what is shown now; anything found later shows the banner again.
 */
export function RecoveryBanner() {
  const state = useChannel('data.recoveries', {})
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  if (state.isPending) return null
  if (state.isError) {
    return (
      <div className="banner banner--danger" role="alert">
        Could not check the data folder for damaged files: {errorText(state.error)}
      </div>
    )
  }
  const shown = state.data.filter((r) => !dismissed.has(keyOf(r)))
  if (shown.length === 0) return null
  const damage = shown.filter((r) => r.kind !== 'notice')
  const notices = shown.filter((r) => r.kind === 'notice')
  const dismiss = () => setDismissed(new Set([...dismissed, ...shown.map(keyOf)]))
  return (
    <section
      className={`banner ${damage.length > 0 ? 'banner--warn' : ''}`}
      role={damage.length > 0 ? 'alert' : 'status'}
      aria-labelledby="recovery-title"
      data-testid="recovery-banner"
    >
      <div className="banner__body">
        <h2 id="recovery-title" className="banner__title">
          {damage.length > 0 ? 'Some data files were damaged or missing, and have been dealt with' : 'The previous session did not close cleanly'}
        </h2>
        <ul className="banner__list">
          {[...damage, ...notices].map((r) => (
            <li key={keyOf(r)}>
              <code>{r.file}</code>: {r.problem}. <strong>What was done:</strong> {r.action}.{' '}
              <span className="muted">{formatInstant(r.at)}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to={{ page: 'recovery' }}>See every repair in the recovery journal</Link>
        </p>
      </div>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  )
}
