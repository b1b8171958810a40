import './sync.css'
import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { formatInstant } from '../../ui/format'
import { ConflictCard } from './ConflictCard'
import { DeviceNameForm } from './DeviceNameForm'

const HOW: Record<string, string> = {
  merged: 'merged',
  identical: 'both versions were the same',
  'kept-current': 'you kept the version in use',
  'kept-copy': 'you kept the other version'
}

/** A caseload shared with other computers: conflicts waiting for a choice, and merges done. */
export function SyncPage() {
  const statusQuery = useChannel('sync.status', {})
  const conflictsQuery = useChannel('sync.conflicts', {})
  const resolve = useChannelMutation('sync.resolve')
  const [message, setMessage] = useState<string | null>(null)
  const busy = resolve.isPending
  const error = resolve.error ? errorText(resolve.error) : null
  const status = statusQuery.data === undefined ? { status: 'loading' as const } : { status: 'ready' as const, data: statusQuery.data }
  const conflicts =
    conflictsQuery.error !== null
      ? { status: 'error' as const, message: errorText(conflictsQuery.error) }
      : conflictsQuery.data === undefined
        ? { status: 'loading' as const }
        : { status: 'ready' as const, data: conflictsQuery.data }

  const keep = (id: string, file: string, which: 'current' | 'copy') => {
    setMessage(null)
    resolve.mutate(
      { id, keep: which },
      { onSuccess: () => setMessage(`Kept ${which === 'current' ? 'the version in use' : 'the other version'} of ${file}; the other one is set aside in quarantine/.`) }
    )
  }

  return (
    <section className="page" aria-labelledby="sync-title">
      <PageHeader
        title={<span id="sync-title">Sharing</span>}
        subtitle="When this data folder is shared with other computers through a sync tool such as Syncthing, edits made on two computers at once are merged here."
      />
      <Notice message={message} />
      <ErrorMessage message={error} />
      {status.status === 'ready' && <DeviceNameForm key={status.data.deviceName} name={status.data.deviceName} deviceId={status.data.deviceId} />}
      <h2>Conflicts waiting for a choice</h2>
      {conflicts.status === 'loading' && <p className="muted">Loading…</p>}
      {conflicts.status === 'error' && <ErrorMessage message={conflicts.message} />}
      {conflicts.status === 'ready' && conflicts.data.length === 0 && <EmptyState title="No conflicts">Every file edited on two computers at once was merged.</EmptyState>}
      {conflicts.status === 'ready' && conflicts.data.map((c) => <ConflictCard key={c.id} conflict={c} busy={busy} onKeep={(which) => keep(c.id, c.file, which)} />)}
      <h2>Merged</h2>
      {status.status === 'ready' && status.data.merges.length === 0 && <p className="muted">Nothing has needed merging on this computer.</p>}
      {status.status === 'ready' && status.data.merges.length > 0 && (
        <ul className="sync-merges" data-testid="sync-merges">
          {status.data.merges.map((m) => (
            <li key={`${m.quarantined}`}>
              <code>{m.file}</code> — {HOW[m.how] ?? m.how}, {formatInstant(m.at)}
              {m.notes.length > 0 && (
                <ul>
                  {m.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              <span className="muted"> The other computer's copy is kept in {m.quarantined}.</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
