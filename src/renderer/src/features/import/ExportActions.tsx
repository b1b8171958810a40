// Exports from the window: the whole folder as a zip, the calendar, and CSV lists. The main process
// asks where in its native "Save as" dialog first, then writes the file there: no bytes cross to
// the window, whatever the size of the caseload.
import { useState } from 'react'
import { ApiError, call } from '../../api/client'
import { errorText } from '../../api/error-text'

type Phi = 'initials' | 'names' | 'none'

export function ExportActions() {
  const [phi, setPhi] = useState<Phi>('initials')
  const [status, setStatus] = useState<string | null>(null)
  const run = async (label: string, work: () => Promise<{ path: string | null }>) => {
    setStatus(`${label}…`)
    try {
      const { path } = await work()
      setStatus(`${label}: saved to ${path ?? 'the chosen file'}.`)
    } catch (e) {
      setStatus(e instanceof ApiError && e.code === 'CANCELLED' ? `${label}: not saved.` : `${label} failed: ${errorText(e)}`)
    }
  }
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <p>
        <button type="button" className="button" onClick={() => void run('Full export', () => call('interop.exportAll', { saveAs: true }))}>
          Export everything (zip)
        </button>{' '}
        <button type="button" className="button" onClick={() => void run('Request log CSV', () => call('interop.csvExport', { what: 'requests', saveAs: true }))}>
          Request log (CSV)
        </button>{' '}
        <label>
          Calendar names patients by{' '}
          <select value={phi} onChange={(e) => setPhi(e.target.value as Phi)}>
            <option value="initials">initials</option>
            <option value="names">full names</option>
            <option value="none">nothing</option>
          </select>
        </label>{' '}
        <button type="button" className="button" onClick={() => void run('Calendar', () => call('interop.calendar', { phi, saveAs: true }))}>
          Calendar (.ics)
        </button>
      </p>
      {status && <p role="status">{status}</p>}
    </section>
  )
}
