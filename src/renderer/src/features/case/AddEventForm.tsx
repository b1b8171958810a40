import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { CASE_EVENT_TYPES, CHANNELS, type CaseEvent, type CaseEventType, type ChecklistItem, type Perspective } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { DateField } from '../../ui/DateField'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { humanize } from '../../ui/format'
import { eventTypeLabelFor } from '../../ui/labels'
import { usePerspective } from '../../ui/perspective-words'
import { useKeptState } from '../../ui/use-kept-state'
import { buildEventInput, newDraft, predatesRequestWarning, typicalDirection, type EventDraft, type FieldErrors } from './event-draft'
import { EventTypeFields } from './EventTypeFields'

// A letter draft is made by generating a letter, never logged by hand.
const TYPES = CASE_EVENT_TYPES.filter((t) => t !== 'letter-draft')
const CHANNEL_OPTIONS = [{ value: '', label: 'Not recorded' }, ...CHANNELS.map((c) => ({ value: c, label: humanize(c) }))]

// Built from the perspective at render time (not at module load), so a switch of the workspace's
// side shows in the form at once: "Our acknowledgement sent", "from the requester".
function typeOptions(perspective: Perspective) {
  return TYPES.map((t) => ({ value: t, label: eventTypeLabelFor(perspective, t) }))
}
function directionOptions(perspective: Perspective) {
  return [
    { value: 'outgoing', label: 'Outgoing (we sent it)' },
    { value: 'incoming', label: perspective === 'practice' ? 'Incoming (from the requester)' : 'Incoming (from the holder)' },
    { value: 'internal', label: 'Internal (a note to ourselves)' }
  ]
}

type Props = {
  caseId: string
  checklist: ReadonlyArray<ChecklistItem>
  /** The log so far: a date before the request is pointed out while it is typed. */
  events: ReadonlyArray<CaseEvent>
  /** Changes each time the form is asked for (button, shortcut, menu): its first field takes the focus. */
  focusRequest: number
  onClose: () => void
  /** Opens the form on this event type, scrolled into view and focused (Today's "log the event"). */
  start?: { type: string; option?: string }
}

/**
 * Logs one event. The draft survives errors and leaving the page; it is cleared only once the
 * event is saved.
 */
export function AddEventForm({ caseId, checklist, events, focusRequest, onClose, start }: Props) {
  const section = useRef<HTMLElement>(null)
  const perspective = usePerspective()
  const typeChoices = useMemo(() => typeOptions(perspective), [perspective])
  const directionChoices = useMemo(() => directionOptions(perspective), [perspective])
  useEffect(() => {
    const first = section.current?.querySelector<HTMLElement>('select, input, textarea')
    first?.focus()
    section.current?.scrollIntoView?.({ block: 'nearest' })
  }, [focusRequest])
  const [draft, setDraft] = useKeptState<EventDraft>(`event-draft:${caseId}`, () => newDraft())
  const startType = start && (CASE_EVENT_TYPES as ReadonlyArray<string>).includes(start.type) ? (start.type as CaseEventType) : undefined
  const startOption = start?.option
  useEffect(() => {
    if (!startType) return
    const option = startOption ?? ''
    setDraft({ ...newDraft(startType), ...(startType === 'step-skipped' ? { step: option } : { venue: option }) })
    section.current?.scrollIntoView?.({ block: 'start' })
    section.current?.querySelector<HTMLElement>('select, input')?.focus()
  }, [startType, startOption, setDraft])
  const [localErrors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState<string | null>(null)
  const save = useChannelMutation('cases.addEvent')
  const saving = save.isPending
  const serverError = save.error ? errorText(save.error) : null
  // The services name the field of each problem (details.issues), so each message sits beside its field.
  const errors: FieldErrors = { ...fieldErrorsOf(save.error, ['event']), ...localErrors }

  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => {
    setSaved(null)
    setDraft((d) => ({ ...d, [key]: value }))
  }
  const setType = (type: CaseEventType) =>
    setDraft((d) => ({ ...d, type, direction: d.directionTouched ? d.direction : typicalDirection(type) }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    setSaved(null)
    const built = buildEventInput(draft)
    if (!built.ok) {
      setErrors(built.errors)
      return
    }
    setErrors({})
    save.mutate(
      { caseId, event: built.input },
      {
        onSuccess: () => {
          setDraft(newDraft(draft.type))
          setSaved(`${eventTypeLabelFor(perspective, draft.type)} logged.`)
        }
      }
    )
  }

  const errorCount = Object.keys(errors).length
  return (
    <section className="panel add-event" aria-labelledby="add-event-title" ref={section} data-testid="add-event-panel">
      <div className="panel__head">
        <h3 id="add-event-title" className="panel__title">
          Add event
        </h3>
        <button type="button" className="button button--small button--ghost" onClick={onClose}>
          Close the form
        </button>
      </div>
      <form className="form" onSubmit={submit} noValidate aria-describedby={errorCount > 0 ? 'add-event-errors' : undefined} data-testid="add-event-form">
        <div className="form__row">
          <SelectField label="Type" value={draft.type} onChange={(v) => setType(v as CaseEventType)} options={typeChoices} error={errors['type']} />
          <DateField label="Date" value={draft.date} onChange={(v) => set('date', v)} required error={errors['date']} warning={predatesRequestWarning(draft.type, draft.date, events)} />
        </div>
        <div className="form__row">
          <SelectField
            label="Direction"
            value={draft.direction}
            onChange={(v) => setDraft((d) => ({ ...d, direction: v as EventDraft['direction'], directionTouched: true }))}
            options={directionChoices}
            error={errors['direction']}
          />
          <SelectField label="Channel" value={draft.channel} onChange={(v) => set('channel', v)} options={CHANNEL_OPTIONS} error={errors['channel']} />
        </div>
        <EventTypeFields draft={draft} set={set} errors={errors} checklist={checklist} />
        <TextField label="Summary" value={draft.summary} onChange={(v) => set('summary', v)} error={errors['summary']} placeholder="One line: what happened" />
        <TextAreaField label="Full text" value={draft.body} onChange={(v) => set('body', v)} error={errors['body']} rows={3} hint="The letter, e-mail or call notes, if you have them." />
        <TextField
          label="Proof of delivery"
          value={draft.proofOfDelivery}
          onChange={(v) => set('proofOfDelivery', v)}
          error={errors['proofOfDelivery']}
          placeholder="e.g. fax confirmation 14:02, 3 pages"
        />
        {errorCount > 0 && !serverError && (
          <div id="add-event-errors" className="error-message" role="alert">
            The event was not saved: {Object.values(errors).join(' ')}
          </div>
        )}
        <ErrorMessage title="The event was not saved." message={serverError} />
        <Notice message={saved} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Add event'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(newDraft(draft.type))
              setErrors({})
              save.reset()
            }}
          >
            Clear
          </button>
        </div>
      </form>
    </section>
  )
}
