// A letter's DOCX on the desktop: open it with the system's program (a named copy, so the stored
// letter is never changed by an edit), show it in its folder, or save a copy where the user
// chooses (the native dialog). The window names the letter; the main process owns every path.
import { useState } from 'react'
import type { LetterRecord } from '#core/schemas'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { ErrorMessage } from '../../ui/ErrorMessage'

export function LetterFileActions({ caseId, letter }: { caseId: string; letter: LetterRecord }) {
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ref = { caseId, letterId: letter.id }
  const run = (action: () => Promise<string | null>) => async () => {
    setBusy(true)
    setError(null)
    try {
      setNote(await action())
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  const name = letter.file.name
  return (
    <div className="letter-extras" data-testid="letter-file-actions">
      <button type="button" className="button" disabled={busy} aria-label={`Open ${name}`} onClick={run(async () => `Opened a copy: ${(await call('letters.open', ref)).path}. Edits to it do not change the letter filed in the case.`)}>
        Open
      </button>
      <button type="button" className="button" disabled={busy} aria-label={`Show ${name} in its folder`} onClick={run(async () => `Shown in its folder: ${(await call('letters.showInFolder', ref)).path}`)}>
        Show in folder
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Save a copy of ${name} as…`}
        onClick={run(async () => {
          const r = await call('letters.saveAs', ref)
          return r.saved ? `Saved a copy: ${r.path ?? r.name}` : null
        })}
      >
        Save as…
      </button>
      {note && (
        <p role="status" className="muted small">
          {note}
        </p>
      )}
      <ErrorMessage message={error} />
    </div>
  )
}
