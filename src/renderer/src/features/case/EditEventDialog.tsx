import { useState, type FormEvent } from 'react'
import { CHANNELS, type CaseEvent, type ChecklistItem } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { DateField } from '../../ui/DateField'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { formatDay, formatInstant, humanize } from '../../ui/format'
import { eventTypeLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { buildEventInput, draftOfEvent, eventPatch, predatesRequestWarning, type EventDraft, type FieldErrors } from './event-draft'
import { EventTypeFields } from './EventTypeFields'
import { EditActions } from '../../ui/EditActions'

const CHANNEL_OPTIONS = [{ value: '', label: 'Not recorded' }, ...CHANNELS.map((c) => ({ value: c, label: humanize(c) }))]
const DIRECTION_OPTIONS = [
  { value: 'outgoing', label: 'Outgoing (we sent it)' },
  { value: 'incoming', label: 'Incoming (from the holder)' },
  { value: 'internal', label: 'Internal (a note to ourselves)' }
]

type Props = { caseId: string; event: CaseEvent; events: ReadonlyArray<CaseEvent>; checklist: ReadonlyArray<ChecklistItem>; onClose: () => void; onSaved: (message: string) => void }

/**
 * Corrects a logged event: its date, summary, text and the facts of its type. The type cannot
 * change (log a new event instead). Only the fields that changed are sent; the history keeps the
 * event as it was. What was typed survives closing the dialog until it is saved or cancelled.
 */
export function EditEventDialog({ caseId, event, events, checklist, onClose, onSaved }: Props) {
  const [draft, setDraft, forget] = useKeptState<EventDraft>(`event-edit:${caseId}:${event.id}`, () => draftOfEvent(event))
  const [localErrors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<string | null>(null)
  const save = useChannelMutation('cases.editEvent')
  const saving = save.isPending || save.isSuccess
  const serverError = save.error ? errorText(save.error) : null
  // The router names fields under "patch", the services' own checks under "event".
  const errors: FieldErrors = { ...fieldErrorsOf(save.error, ['patch', 'event']), ...localErrors }
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => {
    setNotice(null)
    setDraft((d) => ({ ...d, [key]: value }))
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    setNotice(null)
    const built = buildEventInput(draft)
    if (!built.ok) {
      setErrors(built.errors)
      return
    }
    setErrors({})
    const patch = eventPatch(event, built.input)
    if (Object.keys(patch).length === 0) {
      setNotice('Nothing has changed, so there is nothing to save.')
      return
    }
    save.mutate(
      { caseId, eventId: event.id, patch },
      {
        onSuccess: () => {
          forget()
          onSaved(`${eventTypeLabel(event.type)} of ${formatDay(built.input.date)} corrected.`)
        }
      }
    )
  }

  const errorCount = Object.keys(errors).length
  return (
    <Dialog title={`Edit: ${eventTypeLabel(event.type)}`} onClose={onClose} size="large" testId="edit-event-dialog">
      <form className="form" onSubmit={submit} noValidate data-testid="edit-event-form">
        <p className="muted small">
          Logged {formatInstant(event.createdAt)}
          {event.updatedAt !== event.createdAt && <>, last corrected {formatInstant(event.updatedAt)}</>}. The type cannot change: log a new event instead. The
          history keeps what this event said before.
        </p>
        <div className="form__row">
          <DateField label="Date" value={draft.date} onChange={(v) => set('date', v)} required error={errors['date']} warning={predatesRequestWarning(event.type, draft.date, events, event.id)} />
          <SelectField
            label="Direction"
            value={draft.direction}
            onChange={(v) => set('direction', v as EventDraft['direction'])}
            options={DIRECTION_OPTIONS}
            error={errors['direction']}
          />
          <SelectField label="Channel" value={draft.channel} onChange={(v) => set('channel', v)} options={CHANNEL_OPTIONS} error={errors['channel']} />
        </div>
        <EventTypeFields draft={draft} set={set} errors={errors} checklist={checklist} />
        <TextField label="Summary" value={draft.summary} onChange={(v) => set('summary', v)} error={errors['summary']} />
        <TextAreaField label="Full text" value={draft.body} onChange={(v) => set('body', v)} error={errors['body']} rows={4} />
        <TextField label="Proof of delivery" value={draft.proofOfDelivery} onChange={(v) => set('proofOfDelivery', v)} error={errors['proofOfDelivery']} />
        {errorCount > 0 && !serverError && (
          <div className="error-message" role="alert">
            The event was not changed: {Object.values(errors).join(' ')}
          </div>
        )}
        <ErrorMessage title="The event was not changed." message={serverError} />
        <Notice message={notice} />
        <EditActions
          saving={saving}
          onCancel={() => {
            forget()
            onClose()
          }}
          onUndo={() => {
            setDraft(draftOfEvent(event))
            setErrors({})
            save.reset()
          }}
        />
      </form>
    </Dialog>
  )
}
