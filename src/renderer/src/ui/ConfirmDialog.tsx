import { useState, type ReactNode } from 'react'
import { errorText } from '../api/error-text'
import { Dialog } from './Dialog'
import { ErrorMessage } from './ErrorMessage'

type Props = {
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>
  onClose: () => void
}

/** Asks before doing something consequential, and shows the server's answer if it refuses. */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }
  return (
    <Dialog title={title} onClose={onClose} size="small" testId="confirm-dialog">
      <div className="confirm__text">{children}</div>
      <ErrorMessage message={error} />
      <div className="form__actions">
        <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={confirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
