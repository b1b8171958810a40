// One click on a case: the complaint evidence bundle, optionally with the date of birth and
// identifiers withheld (minimum necessary).
import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { downloadBase64 } from './download'

export function BundleButton({ caseId }: { caseId: string }) {
  const [minimum, setMinimum] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  async function make() {
    setStatus('Making the evidence bundle…')
    try {
      const r = await call('interop.bundle', { caseId, ...(minimum && { withholdDateOfBirth: true, withholdIdentifiers: true }) })
      downloadBase64(r.base64 ?? '', `evidence-${caseId}.zip`, 'application/zip')
      setStatus(`Evidence bundle: ${r.exhibits.length} exhibit(s). Check it with sha256sum -c MANIFEST.txt.`)
    } catch (e) {
      setStatus(`The bundle failed: ${errorText(e)}`)
    }
  }
  return (
    <span>
      <label>
        <input type="checkbox" checked={minimum} onChange={(e) => setMinimum(e.target.checked)} /> minimum necessary
      </label>{' '}
      <button type="button" className="button" onClick={() => void make()}>
        Evidence bundle
      </button>
      {status && <span role="status"> {status}</span>}
    </span>
  )
}
