// "Prepare" a letter: pick the template (the ladder step's by default), fill what the case does not
// know (each missing required field listed with a box), watch the live preview, then generate: the
// DOCX is saved to the case with a draft event, and the letter can be marked sent from here.
import { useEffect, useMemo, useState } from 'react'
import { templatesFor } from '#core/perspective'
import type { CaseRequestKind, LetterRecord, Perspective } from '#core/schemas'
import type { PreparedLetterValue } from '#shared/channels/letters'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { dateFieldValue } from '../../ui/date-input'
import { DateField } from '../../ui/DateField'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { useDebounced } from '../../ui/use-debounced'
import { LetterExtras } from './LetterExtras'
import { LetterFileActions } from './LetterFileActions'
import { MarkSentForm } from './MarkSentForm'
import './letters.css'

type Props = {
  caseId: string
  requestKind: CaseRequestKind
  /** The case's side: a records office is offered its own letters only, an advocate theirs. */
  perspective: Perspective
  templateId?: string | undefined
  today: string
  onClose: () => void
  onChanged: () => void
}

export function PrepareLetterDialog({ caseId, requestKind, perspective, templateId, today, onClose, onChanged }: Props) {
  const templates = useChannel('letters.templates', {})
  const fitting = useMemo(() => templatesFor(perspective, templates.data ?? []).filter((t) => t.kinds.includes(requestKind)), [templates.data, requestKind, perspective])
  const [chosen, setChosen] = useState(templateId ?? '')
  // A template asked for by name (a ladder step, a link) is used only if it is one of this side's.
  const allowed = templates.data === undefined || fitting.some((t) => t.id === chosen)
  const template = (allowed ? chosen : '') || fitting[0]?.id || ''
  const [date, setDate] = useState(today)
  const [values, setValues] = useState<Record<string, string>>({})
  const [prepared, setPrepared] = useState<PreparedLetterValue | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [letter, setLetter] = useState<LetterRecord | null>(null)
  const [asked, setAsked] = useState<Record<string, string>>({})
  // The date as typed; the preview keeps the last day it could read, and generating waits for a real one.
  const typedDate = dateFieldValue(date, { required: true })
  const letterDate = typedDate.iso ?? today
  const debounced = useDebounced(JSON.stringify({ template, date: letterDate, values }), 250)

  useEffect(() => {
    if (!template) return
    let live = true
    const { template: id, date: d, values: v } = JSON.parse(debounced) as { template: string; date: string; values: Record<string, string> }
    call('letters.prepare', { caseId, templateId: id, date: d, values: v }).then(
      (p) => {
        if (!live) return
        if (p.missing.length > 0) setAsked((a) => ({ ...a, ...Object.fromEntries(p.missing.map((m) => [m.path, m.label])) }))
        setPrepared(p)
        setError(null)
      },
      (e: unknown) => live && setError(errorText(e))
    )
    return () => {
      live = false
    }
  }, [caseId, debounced, template])

  // Every field that was ever missing keeps its box, so filling one never makes its box vanish mid-typing.
  const fields = Object.entries(asked)
  const generate = async () => {
    if (!typedDate.iso) {
      setError(`Letter date: ${typedDate.error ?? 'enter the date'}`)
      return
    }
    setSaving(true)
    setError(null)
    try {
      setLetter(await call('letters.generate', { caseId, templateId: template, date: typedDate.iso, values }))
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog title="Prepare a letter" onClose={onClose} size="large" testId="prepare-letter">
      {letter ? (
        <div className="letter-done" data-testid="letter-saved">
          <p role="status">
            Saved to the case as a draft: <strong>{letter.file.name}</strong>. It moves no clock until you mark it sent.
          </p>
          <LetterFileActions caseId={caseId} letter={letter} />
          <LetterExtras caseId={caseId} letter={letter} onChanged={onChanged} />
          <MarkSentForm caseId={caseId} letter={letter} today={today} onSent={() => { onChanged(); onClose() }} />
        </div>
      ) : (
        <div className="prepare">
          <div className="prepare__form">
            <SelectField label="Template" value={template} onChange={(v) => { setChosen(v); setAsked({}); setValues({}) }} options={fitting.map((t) => ({ value: t.id, label: `${t.title}${t.builtIn ? '' : ' (yours)'}` }))} />
            <DateField label="Letter date" value={date} onChange={setDate} required error={date.trim() && typedDate.error ? typedDate.error : undefined} />
            {fields.length > 0 && (
              <fieldset className="prepare__missing" data-testid="missing-fields">
                <legend>The case does not say (required for this letter)</legend>
                {fields.map(([path, label]) => (
                  <TextField key={path} label={label} hint={path} value={values[path] ?? ''} onChange={(v) => setValues((old) => ({ ...old, [path]: v }))} required />
                ))}
              </fieldset>
            )}
            {prepared?.refusal && <ErrorMessage title="This letter cannot be made for this case." message={prepared.refusal} />}
            <ErrorMessage message={error} />
            <div className="actions">
              <button type="button" className="button button--primary" disabled={saving || !prepared || prepared.html === null} onClick={generate}>
                {saving ? 'Generating…' : 'Generate DOCX and save to the case'}
              </button>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
            </div>
            {prepared && prepared.missing.length > 0 && (
              <p className="muted small" data-testid="missing-count">
                Still missing: {prepared.missing.map((m) => m.label).join(', ')}.
              </p>
            )}
          </div>
          <section className="prepare__preview" aria-label="Preview" data-testid="letter-preview">
            {prepared?.html ? (
              // The services escape every text they put into this HTML (src/services/letters/html.ts).
              <div className="letter-preview" dangerouslySetInnerHTML={{ __html: prepared.html }} />
            ) : (
              <p className="muted">The preview appears once every required field has a value.</p>
            )}
          </section>
        </div>
      )}
    </Dialog>
  )
}
