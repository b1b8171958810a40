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
  // What the bar said about a change (its undo, or why not), shown while that change is the last.
  const [said, setSaid] = useState<{ id: string; text: string } | null>(null)
  const change = last.data
  const offer = change && !change.undoneAt && change.at >= OPENED_AT && dismissed !== change.id ? change : null
  const message = said && said.id === change?.id ? said.text : null
  const run = () => {
    if (!offer || undo.isPending) return
    const id = offer.id
    setSaid(null)
    undo.mutate({ changeSetId: id }, { onSuccess: (r) => setSaid({ id, text: `${r.summary}.` }), onError: (e) => setSaid({ id, text: errorText(e) }) })
  }
  const runRef = useRef(run)
  useEffect(() => {
    runRef.current = run
  })

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return
      const t = e.target
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return
      e.preventDefault()
      runRef.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (!offer && !message) return null
  return (
    <div className="undo-bar" role="status" aria-live="polite" data-testid="undo-bar">
      <span className="undo-bar__text">{offer && !message ? offer.summary : message}</span>
      {offer && (
        <button type="button" className="button button--small" onClick={run} disabled={undo.isPending} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </button>
      )}
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label="Dismiss"
        onClick={() => {
          setDismissed(offer?.id ?? dismissed)
          setSaid(null)
        }}
      >
        ×
      </button>
    </div>
  )
}
