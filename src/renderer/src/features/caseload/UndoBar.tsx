// "Moved 3 cases to the trash · Undo": the last change made in this window (a bulk action, a
// trashed case, a removed reminder) with one undo. Ctrl+Z / ⌘Z outside a text field does the same.
// The services refuse an undo that would wipe out a later change, and the bar says why.
import { useEffect, useRef, useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'

/** Changes made before this window opened are not offered (the command line's, yesterday's). */
const OPENED_AT = new Date().toISOString()

export function UndoBar() {
  const last = useChannel('cases.lastChange', {})
  const undo = useChannelMutation('cases.undo')
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const change = last.data
  const offer = change && !change.undoneAt && change.at >= OPENED_AT && dismissed !== change.id ? change : null
  // A new change replaces what the bar said about the previous one.
  useEffect(() => setMessage(null), [change?.id])
  const run = useRef<() => void>(() => undefined)
  run.current = () => {
    if (!offer || undo.isPending) return
    setMessage(null)
    undo.mutate({ changeSetId: offer.id }, { onSuccess: (r) => setMessage(`${r.summary}.`), onError: (e) => setMessage(errorText(e)) })
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return
      const t = e.target
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return
      e.preventDefault()
      run.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (!offer && !message) return null
  return (
    <div className="undo-bar" role="status" aria-live="polite" data-testid="undo-bar">
      <span className="undo-bar__text">{offer && !message ? offer.summary : message}</span>
      {offer && (
        <button type="button" className="button button--small" onClick={() => run.current()} disabled={undo.isPending} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </button>
      )}
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label="Dismiss"
        onClick={() => {
          setDismissed(offer?.id ?? dismissed)
          setMessage(null)
        }}
      >
        ×
      </button>
    </div>
  )
}
