import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatInstant } from '../../ui/format'

/** The folder's recovery journal: every repair, restore and loss ever recorded, newest first. */
export function RecoveryPage() {
  const [state, reload] = useQuery(() => call('data.journal', {}), [])
  return (
    <section aria-labelledby="journal-title">
      <h1 id="journal-title">Recovery journal</h1>
      <p className="muted">
        Every damaged or missing file the app found in this data folder, what was wrong and what was done. Damaged files are never
        deleted: they are kept in the folder&apos;s <code>quarantine</code> folder.
      </p>
      <button type="button" className="button" onClick={reload}>
        Refresh
      </button>
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
