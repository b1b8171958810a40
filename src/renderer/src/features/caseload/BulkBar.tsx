// What can be done to the selected cases: one bar above the table while a selection exists.
import { useState } from 'react'
import type { BulkResultValue } from '#shared/channels/bulk'
import { ApiError, call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { BulkDialog, type BulkKind } from './BulkDialog'

type Props = {
  selected: ReadonlySet<string>
  trash: boolean
  advocates: ReadonlyArray<string>
  onClear: () => void
  /** What changed (shown beside the table; the undo bar offers the undo). */
  onResult: (r: BulkResultValue | { summary: string }) => void
}

export function BulkBar({ selected, trash, advocates, onClear, onResult }: Props) {
  const [open, setOpen] = useState<BulkKind | null>(null)
  const [error, setError] = useState<string | null>(null)
  const direct = useChannelMutation('cases.bulk')
  const ids = [...selected]
  if (ids.length === 0) return null
  const n = ids.length

  const now = (action: { kind: 'trash' } | { kind: 'restore' }) => {
    setError(null)
    direct.mutate({ ids, action }, { onSuccess: (r) => (onResult(r), onClear()), onError: (e) => setError(errorText(e)) })
  }
  const exportCsv = async () => {
    setError(null)
    try {
      const r = await call('interop.csvExport', { what: 'cases', filter: { ids, trash: trash ? 'only' : 'include' }, saveAs: true })
      onResult({ summary: `Exported ${r.rows === 1 ? '1 case' : `${r.rows} cases`} to ${r.path ?? 'the chosen file'}` })
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED')) setError(errorText(e))
    }
  }

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected cases" data-testid="bulk-bar">
      <strong className="bulk-bar__count" aria-live="polite">
        {n === 1 ? '1 case selected' : `${n} cases selected`}
      </strong>
      {trash ? (
        <button type="button" className="button button--small" onClick={() => now({ kind: 'restore' })}>
          Restore
        </button>
      ) : (
        <>
          <button type="button" className="button button--small" onClick={() => setOpen('assign')}>
            Assign…
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen('tag')}>
            Tag…
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen('priority')}>
            Priority…
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen('event')}>
            Log event…
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen('letters')}>
            Letters…
          </button>
        </>
      )}
      <button type="button" className="button button--small" onClick={() => void exportCsv()}>
        Export CSV
      </button>
      {!trash && (
        <button type="button" className="button button--small button--danger" onClick={() => now({ kind: 'trash' })}>
          Move to trash
        </button>
      )}
      <button type="button" className="button button--small button--ghost" onClick={onClear}>
        Clear selection
      </button>
      <ErrorMessage message={error} />
      {open && (
        <BulkDialog
          kind={open}
          ids={ids}
          advocates={advocates}
          onClose={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null)
            onResult(r)
          }}
        />
      )}
    </div>
  )
}
