import { useState } from 'react'
import { formatInstant } from '../../ui/format'
import { useBackUpNow } from './use-back-up-now'
import { useBackupStatus } from './use-backup-status'

/** Keyboard users keep their place when the banner they were in goes away. */
const focusMain = () => document.getElementById('main')?.focus()

/**
 * Today's automatic backup could not be made (it runs unattended, so nobody else would say so).
 * Offers to try again now; goes away once any backup succeeds.
 */
export function BackupFailureBanner() {
  const status = useBackupStatus()
  const [dismissed, setDismissed] = useState(false)
  const backUp = useBackUpNow()
  // A status that cannot be read says nothing about the backup; the Backups page shows its own errors.
  const failure = status.data?.lastFailure ?? null
  if (dismissed || failure === null) return null

  const backUpNow = async () => {
    if ((await backUp.run()) !== null) focusMain()
  }

  return (
    <section className="banner banner--danger" role="alert" aria-labelledby="backup-failure-title" data-testid="backup-failure-banner">
      <div className="banner__body">
        <h2 id="backup-failure-title" className="banner__title">
          Today’s automatic backup could not be made
        </h2>
        <p>
          Your cases are saved as usual, but there is no copy of today’s data to go back to. {failure.message}{' '}
          <span className="muted">Tried {formatInstant(failure.at)}.</span>
        </p>
        {backUp.error && (
          <p data-testid="backup-failure-error">
            <strong>Backing up now failed too:</strong> {backUp.error}
          </p>
        )}
      </div>
      <div className="banner__actions">
        <button type="button" className="button button--primary" onClick={backUpNow} disabled={backUp.busy}>
          {backUp.busy ? 'Backing up…' : 'Back up now'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDismissed(true)
            focusMain()
          }}
        >
          Dismiss
        </button>
      </div>
    </section>
  )
}
