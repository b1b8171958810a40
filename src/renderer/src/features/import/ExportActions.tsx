// Exports from the window: the whole folder as a zip, the calendar, and CSV lists; each is made by
// the main process and saved through a download.
import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { downloadBase64 } from './download'

type Phi = 'initials' | 'names' | 'none'

export function ExportActions() {
  const [phi, setPhi] = useState<Phi>('initials')
  const [status, setStatus] = useState<string | null>(null)
  const run = async (label: string, work: () => Promise<void>) => {
    setStatus(`${label}…`)
    try {
      await work()
      setStatus(`${label}: done.`)
    } catch (e) {
      setStatus(`${label} failed: ${errorText(e)}`)
    }
  }
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <p>
        <button type="button" className="button" onClick={() => void run('Full export', async () => { const r = await call('interop.exportAll', {}); downloadBase64(r.base64 ?? '', 'access-advocate-export.zip', 'application/zip') })}>
          Export everything (zip)
        </button>{' '}
        <button type="button" className="button" onClick={() => void run('Request log CSV', async () => { const r = await call('interop.csvExport', { what: 'requests' }); downloadBase64(r.base64 ?? '', 'request-log.csv', 'text/csv') })}>
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
        <button type="button" className="button" onClick={() => void run('Calendar', async () => { const r = await call('interop.calendar', { phi }); downloadBase64(r.base64 ?? '', 'access-advocate.ics', 'text/calendar') })}>
          Calendar (.ics)
        </button>
      </p>
      {status && <p role="status">{status}</p>}
    </section>
  )
}
