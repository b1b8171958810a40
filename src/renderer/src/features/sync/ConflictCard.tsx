import type { SyncConflictValue } from '#shared/channels/sync'
import { formatInstant } from '../../ui/format'

type Side = SyncConflictValue['current']

function who(side: Side): string {
  const o = side.origin
  if (o === null) return 'unknown computer'
  const name = o.thisDevice ? 'this computer' : (o.deviceName ?? `computer ${o.deviceId.slice(0, 8)}`)
  return `${name}, saved ${formatInstant(o.updatedAt)}`
}

type Props = { conflict: SyncConflictValue; busy: boolean; onKeep: (keep: 'current' | 'copy') => void }

/** Both versions of one conflicted file side by side, with a choice. */
export function ConflictCard({ conflict, busy, onKeep }: Props) {
  const titleId = `conflict-${conflict.id.replace(/[^a-z0-9]/gi, '-')}`
  return (
    <section className="sync-conflict" aria-labelledby={titleId} data-testid="sync-conflict">
      <h3 id={titleId} className="sync-conflict__title">
        <code>{conflict.file}</code>
      </h3>
      <p className="muted">
        Noticed {formatInstant(conflict.madeAt)}. Why it was not merged: {conflict.reason}
      </p>
      <div className="sync-conflict__sides">
        {(['current', 'copy'] as const).map((which) => {
          const side = conflict[which]
          const label = which === 'current' ? 'The version in use' : 'The other version'
          return (
            <div key={which} className="sync-conflict__side">
              <h4>
                {label} <span className="muted">({who(side)})</span>
              </h4>
              <pre className="sync-conflict__text" tabIndex={0} aria-label={`${label} of ${conflict.file}`}>
                {side.text}
              </pre>
              <button
                type="button"
                className={which === 'current' ? 'button button--primary' : 'button'}
                disabled={busy || (which === 'copy' && !conflict.canKeepCopy)}
                onClick={() => onKeep(which)}
              >
                {which === 'current' ? 'Keep the version in use' : 'Keep the other version'}
              </button>
              {which === 'copy' && !conflict.canKeepCopy && <p className="muted">This version cannot be read, so it cannot replace the one in use.</p>}
            </div>
          )
        })}
      </div>
    </section>
  )
}
