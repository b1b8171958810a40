import { useState } from 'react'
import type { BackupInfoValue } from '../../../../shared/channels/data'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { formatBytes, formatInstant, plural } from '../../ui/format'
import { backupReasonLabel } from '../../ui/labels'
import { BackupCounts } from './BackupCounts'
import { RestoreDialog } from './RestoreDialog'
import { useBackUpNow } from './use-back-up-now'
import { useBackupStatus } from './use-backup-status'

export function BackupsPage() {
  const list = useChannel('backup.list', {})
  const backUp = useBackUpNow()
  const [message, setMessage] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<BackupInfoValue | null>(null)
  const status = useBackupStatus()
  const failure = status.data?.lastFailure ?? null

  const backUpNow = async () => {
    setMessage(null)
    const b = await backUp.run()
    if (b === null) return
    setMessage(`Backed up ${formatInstant(b.createdAt)} (${formatBytes(b.bytes)}).`)
  }

  return (
    <section className="page" aria-labelledby="backups-title">
      <PageHeader title={<span id="backups-title">Backups</span>} subtitle="A copy of the whole data folder is kept every day (the last 14), before every upgrade and import, and whenever you ask.">
        <button type="button" className="button button--primary" onClick={backUpNow} disabled={backUp.busy}>
          {backUp.busy ? 'Backing up…' : 'Back up now'}
        </button>
      </PageHeader>
      <Notice message={message} />
      <ErrorMessage message={backUp.error} />
      {failure && (
        <ErrorMessage
          title="Today’s automatic backup could not be made."
          message={`${failure.message} (tried ${formatInstant(failure.at)}; “Back up now” tries again.)`}
        />
      )}
      {list.isPending && <p className="muted">Loading…</p>}
      {list.isError && <ErrorMessage title="The backups could not be listed." message={errorText(list.error)} />}
      {list.data?.length === 0 && <EmptyState title="No backups yet." />}
      {list.data !== undefined && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" aria-label="Backups">
            <thead>
              <tr>
                <th scope="col" className="grid__th">Made</th>
                <th scope="col" className="grid__th">Why</th>
                <th scope="col" className="grid__th">Size</th>
                <th scope="col" className="grid__th">Holds</th>
                <th scope="col" className="grid__th">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...list.data]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((b) => (
                  <tr key={b.id} data-testid="backup-row" data-backup-id={b.id} data-reason={b.reason}>
                    <td className="grid__td">
                      <time dateTime={b.createdAt}>{formatInstant(b.createdAt)}</time>
                    </td>
                    <td className="grid__td">
                      {backupReasonLabel(b.reason)}
                      {b.encrypted && <span className="muted"> · encrypted</span>}
                    </td>
                    <td className="grid__td">
                      {formatBytes(b.bytes)} <span className="muted">· {plural(b.files, 'file')}</span>
                    </td>
                    <td className="grid__td">
                      <BackupCounts counts={b.counts} />
                    </td>
                    <td className="grid__td">
                      <button type="button" className="button button--small" onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${formatInstant(b.createdAt)}`}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {restoring && (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null)
            setMessage(`Restored the backup of ${formatInstant(restoring.createdAt)}. Your previous data was backed up first.`)
          }}
        />
      )}
    </section>
  )
}
