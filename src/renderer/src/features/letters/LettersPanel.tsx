// The case's letters: each with its template and version, draft or sent, its files (preview, open
// with the system, show in folder, save as), and "Mark sent" for a draft.
import { useState } from 'react'
import type { LetterRecord } from '#core/schemas'
import { DateText } from '../../ui/DateText'
import { AttachmentList } from '../case/Attachments'
import { LetterExtras } from './LetterExtras'
import { LetterFileActions } from './LetterFileActions'
import { MarkSentForm } from './MarkSentForm'

export function LettersPanel({ caseId, letters, today, readOnly, onChanged, onPrepare, sendingFirst }: { caseId: string; letters: ReadonlyArray<LetterRecord>; today: string; readOnly: boolean; onChanged: () => void; onPrepare: () => void; /** Opens "Mark sent" for this letter at once (Today's action). */ sendingFirst?: string }) {
  const [sending, setSending] = useState<string | null>(sendingFirst ?? null)
  return (
    <section className="panel" aria-labelledby="letters-title" data-testid="letters-panel">
      <h3 id="letters-title" className="panel__title">
        Letters
      </h3>
      {letters.length === 0 ? <p className="muted">No letters yet.</p> : null}
      <ul className="letters">
        {[...letters].reverse().map((l) => (
          <li key={l.id} className="letter-item" data-testid="letter-item">
            <strong>{l.title ?? l.template}</strong>{' '}
            <span className={`badge ${l.status === 'sent' ? 'badge--ok' : 'badge--pending'}`}>{l.status === 'sent' ? 'sent' : 'draft'}</span>
            <div className="muted small">
              {l.template} v{l.templateVersion ?? 1} · dated <DateText value={l.letterDate ?? null} />
              {l.sentOn ? (
                <>
                  {' '}· sent <DateText value={l.sentOn} />
                </>
              ) : null}
            </div>
            <AttachmentList attachments={[l.file, ...l.extraFiles]} />
            <LetterFileActions caseId={caseId} letter={l} />
            {!readOnly && l.status === 'draft' && (
              <>
                <LetterExtras caseId={caseId} letter={l} onChanged={onChanged} />
                {sending === l.id ? (
                  <MarkSentForm caseId={caseId} letter={l} today={today} onSent={() => { setSending(null); onChanged() }} />
                ) : (
                  <button type="button" className="button" onClick={() => setSending(l.id)}>
                    Mark sent…
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button type="button" className="button" onClick={onPrepare}>
          Prepare a letter…
        </button>
      )}
    </section>
  )
}
