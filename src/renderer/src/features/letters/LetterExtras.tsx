// The other renderings of a letter, filed with it: an e-mail draft (.eml, opened in the system's
// mail program to check and send), a fax cover sheet, and the archive PDF/A (LibreOffice; where it
// is missing, the message says how to install it).
import { useState } from 'react'
import type { LetterRecord } from '#core/schemas'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { TextField } from '../../ui/Field'

export function LetterExtras({ caseId, letter, onChanged }: { caseId: string; letter: LetterRecord; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [made, setMade] = useState<string[]>([])
  // Left empty, the cover counts the pages of the letter's PDF (made first with Save as PDF or Archive PDF).
  const [pages, setPages] = useState('')
  const [opened, setOpened] = useState<string | null>(null)
  const run = (what: string, action: () => Promise<{ name: string }>) => async () => {
    setBusy(what)
    setError(null)
    try {
      const file = await action()
      setMade((m) => [...m, file.name])
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }
  const ref = { caseId, letterId: letter.id }
  return (
    <div className="letter-extras">
      <button type="button" className="button" disabled={busy !== null} onClick={run('pdf', () => call('letters.savePdf', ref))}>
        Save as PDF
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        onClick={run('eml', async () => {
          const r = await call('letters.email', ref)
          setOpened(r.path)
          return r.attachment
        })}
      >
        E-mail this letter
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={run('fax', () => call('letters.faxCover', { ...ref, ...(Number(pages) > 0 ? { pages: Math.floor(Number(pages)) } : {}) }))}>
        Fax cover sheet
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={run('pdfa', () => call('letters.archivePdf', ref))}>
        {busy === 'pdfa' ? 'Making the archive PDF…' : 'Archive PDF (PDF/A)'}
      </button>
      <TextField label="Letter pages (for the fax cover)" type="number" min="1" value={pages} onChange={setPages} hint="Leave empty to count the pages of the letter's PDF." />
      {made.length > 0 && <p role="status" className="muted small">Saved with the letter: {made.join(', ')}</p>}
      {opened && (
        <p role="status" className="muted small" data-testid="email-opened">
          The draft is open in your mail program ({opened}): check it, send it from there, then mark the letter sent. The app sends nothing itself.
        </p>
      )}
      <ErrorMessage message={error} />
    </div>
  )
}
