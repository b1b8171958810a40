import { useState, type FormEvent } from 'react'
import type { CaseViewValue } from '#shared/channels/cases'
import { ReminderEntrySchema } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { dateFieldValue } from '../../ui/date-input'
import { DateField } from '../../ui/DateField'
import { DateText } from '../../ui/DateText'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { TextField } from '../../ui/Field'
import { formatDay } from '../../ui/format'
import { useKeptState } from '../../ui/use-kept-state'
import { issuesByPath } from '../../ui/zod-errors'

type Reminder = CaseViewValue['case']['reminders'][number]
type Draft = { date: string; note: string }
const EMPTY: Draft = { date: '', note: '' }
const ReminderInput = ReminderEntrySchema.omit({ id: true })

/** Personal reminders on any date, independent of the case's status. Past ones stay, greyed. */
export function RemindersPanel({ caseId, reminders, asOf, readOnly }: { caseId: string; reminders: ReadonlyArray<Reminder>; asOf: string; readOnly: boolean }) {
  const [draft, setDraft, forget] = useKeptState<Draft>(`reminder-draft:${caseId}`, EMPTY)
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<string | null>(null)
  const add = useChannelMutation('cases.addReminder')
  const removing = useChannelMutation('cases.removeReminder')
  const failed = add.error ?? removing.error
  const serverError = failed ? errorText(failed) : null
  const saving = add.isPending
  const errors: Partial<Record<string, string>> = { ...fieldErrorsOf(add.error, ['reminder']), ...localErrors }
  const sorted = [...reminders].sort((a, b) => a.date.localeCompare(b.date))
  const upcoming = sorted.filter((r) => r.date >= asOf).length

  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.reset()
    removing.reset()
    setSaved(null)
    const day = dateFieldValue(draft.date, { required: true })
    const parsed = ReminderInput.safeParse({ date: day.iso ?? '', ...(draft.note.trim() ? { note: draft.note.trim() } : {}) })
    if (day.error || !parsed.success) {
      const found = parsed.success ? {} : issuesByPath(parsed.error)
      setErrors(day.error ? { ...found, date: draft.date.trim() === '' ? 'Choose the day to be reminded.' : day.error } : found)
      return
    }
    setErrors({})
    add.mutate(
      { caseId, reminder: parsed.data },
      {
        onSuccess: (r) => {
          setDraft(EMPTY)
          forget()
          setSaved(`Reminder set for ${formatDay(r.date)}.`)
        }
      }
    )
  }

  const remove = (r: Reminder) => {
    add.reset()
    removing.reset()
    setSaved(null)
    removing.mutate({ caseId, reminderId: r.id }, { onSuccess: () => setSaved(`Reminder for ${formatDay(r.date)} removed.`) })
  }

  return (
    <section className="panel" aria-labelledby="reminders-title" data-testid="reminders">
      <h3 id="reminders-title" className="panel__title">
        Reminders <span className="muted panel__aside">{sorted.length === 0 ? 'none' : `${upcoming} upcoming`}</span>
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">No reminders. Add one for any date: a call to make, a promise to check.</p>
      ) : (
        <ul className="reminders">
          {sorted.map((r) => {
            const past = r.date < asOf
            return (
              <li key={r.id} className={past ? 'reminder reminder--past' : r.date === asOf ? 'reminder reminder--today' : 'reminder'} data-testid="reminder" data-past={past || undefined}>
                <span className="reminder__date">
                  <DateText value={r.date} />
                  {past && <span className="visually-hidden"> (past)</span>}
                  {r.date === asOf && <strong> today</strong>}
                </span>
                <span className="reminder__note">{r.note || <span className="muted">no note</span>}</span>
                {!readOnly && (
                  <button type="button" className="button button--small" onClick={() => void remove(r)} aria-label={`Remove the reminder for ${formatDay(r.date)}`}>
                    Remove
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {!readOnly && (
        <form className="form reminders__form" onSubmit={submit} noValidate data-testid="reminder-form" aria-label="Add a reminder">
          <DateField label="Remind me on" value={draft.date} onChange={(v) => setDraft((d) => ({ ...d, date: v }))} required error={errors['date']} />
          <TextField label="Reminder note" value={draft.note} onChange={(v) => setDraft((d) => ({ ...d, note: v }))} error={errors['note']} placeholder="e.g. call the HIM desk" />
          <ErrorMessage title="The reminder was not saved." message={serverError} />
          <Notice message={saved} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={saving}>
              {saving ? 'Adding…' : 'Add reminder'}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
