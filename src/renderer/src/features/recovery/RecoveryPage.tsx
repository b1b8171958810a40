import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useQuery } from '../../api/use-query'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'

/** The folder's recovery journal: every repair, restore and loss ever recorded, newest first. */
export function RecoveryPage() {
  const [state, reload] = useQuery(() => call('data.journal', {}), [])
  const [checking, setChecking] = useState(false)
  const [checked, setChecked] = useState<string | null>(null)
  const [checkError, setCheckError] = useState<string | null>(null)
  const checkData = async () => {
    setChecking(true)
    setCheckError(null)
    try {
      const c = await call('data.check', {})
      const records = Object.values(c.damagedRecords).reduce((n, ids) => n + ids.length, 0)
      setChecked(
        `Checked every case file, ${c.attachments.checked} attachments and ${c.backups.checked} backups: ` +
          `${c.recoveries.length} repaired or reported now; still damaged with no good copy: ${records} records, ` +
          `${c.attachments.damaged.length} attachments, ${c.backups.damaged.length} backups.`
      )
      reload()
    } catch (e) {
      setCheckError(errorText(e))
    } finally {
      setChecking(false)
    }
  }
  return (
    <section aria-labelledby="journal-title">
      <h1 id="journal-title">Recovery journal</h1>
      <p className="muted">
        Every damaged or missing file the app found in this data folder, what was wrong and what was done. Damaged files are never
        deleted: they are kept in the folder&apos;s <code>quarantine</code> folder.
      </p>
      <button type="button" className="button" onClick={() => void checkData()} disabled={checking}>
        {checking ? 'Checking…' : 'Check data'}
      </button>{' '}
      <button type="button" className="button" onClick={reload}>
        Refresh
      </button>
      {checked !== null && (
        <p role="status" data-testid="check-result">
          {checked}
        </p>
      )}
      <ErrorMessage message={checkError} />
      {state.status === 'loading' && <p className="muted">Reading the journal…</p>}
      {state.status === 'error' && <ErrorMessage title="The journal could not be read." message={state.message} />}
      {state.status === 'ready' && state.data.length === 0 && <p>Nothing has needed repair in this data folder.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
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
