// One click on a case: the complaint evidence bundle (the OCR complaint packet, the chronology, the
// exhibits, MANIFEST.txt). Minimum necessary: untick exhibits to leave out, and withhold the date
// of birth and identifiers, which become "[withheld]" in every generated document.
import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { ApiError } from '../../api/client'
import { formatDay } from '../../ui/format'

export function BundleButton({ caseId }: { caseId: string }) {
  const [minimum, setMinimum] = useState(false)
  const [choosing, setChoosing] = useState(false)
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set())
  const [status, setStatus] = useState<string | null>(null)
  const exhibits = useChannel('interop.bundleExhibits', { caseId }, { enabled: choosing })
  const bundle = useChannelMutation('interop.bundle')

  function make() {
    setStatus('Making the evidence bundle…')
    bundle.mutate(
      { caseId, saveAs: true, ...(left.size > 0 && { exclude: [...left] }), ...(minimum && { withholdDateOfBirth: true, withholdIdentifiers: true }) },
      {
        onSuccess: (r) => {
          const out = r.excluded.length > 0 ? `, ${r.excluded.length} left out` : ''
          const packet = r.packetIncluded ? ', with the OCR complaint packet' : ''
          setStatus(`Evidence bundle: ${r.exhibits.length} exhibit(s)${out}${packet}.${r.packetNote ? ` Note: ${r.packetNote}.` : ''} Saved to ${r.path ?? 'the chosen file'}; check it with sha256sum -c MANIFEST.txt.`)
        },
        onError: (e) => setStatus(e instanceof ApiError && e.code === 'CANCELLED' ? 'The evidence bundle was not saved.' : `The bundle failed: ${errorText(e)}`)
      }
    )
  }

  const toggle = (label: string, included: boolean) => {
    const next = new Set(left)
    if (included) next.delete(label)
    else next.add(label)
    setLeft(next)
  }

  return (
    <span className="bundle">
      <label>
        <input type="checkbox" checked={minimum} onChange={(e) => setMinimum(e.target.checked)} /> minimum necessary
      </label>{' '}
      <button type="button" className="button button--small" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
        {left.size > 0 ? `Exhibits (${left.size} left out)…` : 'Exhibits…'}
      </button>{' '}
      <button type="button" className="button" onClick={make} disabled={bundle.isPending}>
        Evidence bundle
      </button>
      {choosing && (
        <fieldset className="bundle__exhibits" data-testid="bundle-exhibits">
          <legend>Exhibits in the bundle (untick to leave one out)</legend>
          {exhibits.isPending && <p role="status">Listing the exhibits…</p>}
          {exhibits.error && <p role="alert">{errorText(exhibits.error)}</p>}
          {exhibits.data?.length === 0 && <p>This case has no attachments, so the bundle has no exhibits.</p>}
          {exhibits.data?.map((x) => (
            <div key={x.label}>
              <label>
                <input type="checkbox" checked={!left.has(x.label)} onChange={(e) => toggle(x.label, e.target.checked)} /> Exhibit {x.label}: {x.originalName} ({formatDay(x.date)})
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {status && <span role="status"> {status}</span>}
    </span>
  )
}
