import type { BackupInfoValue } from '../../../../shared/channels/data'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatBytes, formatInstant, plural } from '../../ui/format'
import { backupReasonLabel } from '../../ui/labels'
import { BackupCounts } from './BackupCounts'

/** Shows what a backup holds (read from the backup itself) before anything is replaced. */
export function RestoreDialog({ backup, onClose, onRestored }: { backup: BackupInfoValue; onClose: () => void; onRestored: () => void }) {
  const preview = useChannel('backup.preview', { id: backup.id })
  const restoring = useChannelMutation('backup.restore', { onSuccess: onRestored })
  const restore = () => restoring.mutate({ id: backup.id })
  const busy = restoring.isPending || restoring.isSuccess
  const error = restoring.error ? errorText(restoring.error) : null
  return (
    <Dialog title="Restore this backup?" onClose={onClose} testId="restore-dialog">
      {preview.isPending && <p className="muted">Reading the backup…</p>}
      {preview.isError && <ErrorMessage title="The backup could not be read." message={errorText(preview.error)} />}
      {preview.data && (
        <>
          <dl className="facts facts--stacked" data-testid="restore-preview">
            <div>
              <dt>Made</dt>
              <dd>{formatInstant(preview.data.createdAt)}</dd>
            </div>
            <div>
              <dt>Why</dt>
              <dd>{backupReasonLabel(preview.data.reason)}</dd>
            </div>
            <div>
              <dt>Holds</dt>
              <dd>
                <BackupCounts counts={preview.data.counts} />
              </dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>
                {formatBytes(preview.data.bytes)} in {plural(preview.data.files, 'file')}
              </dd>
            </div>
          </dl>
          <p className="warning">
            Everything in the data folder will be replaced by this backup. <strong>Your current data will itself be backed up first</strong>, so you can go back.
          </p>
        </>
      )}
      <ErrorMessage title="Nothing was restored." message={error} />
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={restore} disabled={busy || !preview.data}>
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
