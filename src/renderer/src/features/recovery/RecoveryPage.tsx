import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'

/**
 * The folder's recovery journal: every repair, restore and loss ever recorded, newest first. A
 * recovery.reported event and "Check data" (a write to data.*) both mark it stale: no polling.
 */
export function RecoveryPage() {
  const state = useChannel('data.journal', {})
  const check = useChannelMutation('data.check')
  const [checked, setChecked] = useState<string | null>(null)
  const checking = check.isPending
  const checkError = check.isError ? errorText(check.error) : null
  const checkData = () => {
    setChecked(null)
    check.mutate(
      {},
      {
        onSuccess: (c) => {
          const records = Object.values(c.damagedRecords).reduce((n, ids) => n + ids.length, 0)
          setChecked(
            `Checked every case file, ${c.attachments.checked} attachments and ${c.backups.checked} backups: ` +
              `${c.recoveries.length} repaired or reported now; still damaged with no good copy: ${records} records, ` +
              `${c.attachments.damaged.length} attachments, ${c.backups.damaged.length} backups.`
          )
        }
      }
    )
  }
  return (
    <section aria-labelledby="journal-title">
      <h1 id="journal-title">Recovery journal</h1>
      <p className="muted">
        Every damaged or missing file the app found in this data folder, what was wrong and what was done. Damaged files are never
        deleted: they are kept in the folder&apos;s <code>quarantine</code> folder.
      </p>
      <button type="button" className="button" onClick={checkData} disabled={checking}>
        {checking ? 'Checking…' : 'Check data'}
      </button>{' '}
      <button type="button" className="button" onClick={() => void state.refetch()}>
        Refresh
      </button>
      {checked !== null && (
        <p role="status" data-testid="check-result">
          {checked}
        </p>
      )}
      <ErrorMessage message={checkError} />
      {state.isPending && <p className="muted">Reading the journal…</p>}
      {state.isError && <ErrorMessage title="The journal could not be read." message={errorText(state.error)} />}
      {state.isSuccess && state.data.length === 0 && <p>Nothing has needed repair in this data folder.</p>}
      {state.isSuccess && state.data.length > 0 && (
        <table className="table" data-testid="recovery-journal">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">What was wrong</th>
              <th scope="col">What was done</th>
            </tr>
          </thead>
          <tbody>
            {[...state.data].reverse().map((r, i) => (
              <tr key={`${r.at}-${i}`}>
                <td>{formatInstant(r.at)}</td>
                <td>
                  <code>{r.file}</code>
                </td>
                <td>{r.problem}</td>
                <td>{r.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
