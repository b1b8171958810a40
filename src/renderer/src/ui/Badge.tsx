import { statusLabel } from './labels'

/** A case status: always a word, the colour only repeats it. */
export function StatusBadge({ status, large = false }: { status: string; large?: boolean }) {
  return (
    <span className={`badge badge--${status}${large ? ' badge--large' : ''}`} data-status={status}>
      {statusLabel(status)}
    </span>
  )
}

export function Tag({ children }: { children: string }) {
  return <span className="tag">{children}</span>
}
