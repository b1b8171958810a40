import { useState, type FormEvent } from 'react'
import type { ProfileDefinition } from '#core/clocks/schema'
import { BUILT_IN_PROFILE_IDS } from '#core/rules/types'
import { PRIORITIES, RECORD_TYPES, type Case, type CaseFieldsInput, type Patch } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useMutation } from '@tanstack/react-query'
import { ApiError, call } from '../../api/client'
import { useChannel } from '../../api/queries'
import { DateField } from '../../ui/DateField'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { humanize } from '../../ui/format'
import { profileLabel, recordTypeLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import { newItem, type ItemDraft, type Priority } from '../new-case/case-draft'
import { OrganizationPicker } from '../new-case/OrganizationPicker'
import { ReferencesFieldset } from '../new-case/ReferencesFieldset'
import { checkRequestDraft, REQUEST_FIELD_NAMES, requestDraftOf, type RequestDraft, type SentChange } from './request-draft'
import { EditActions } from '../../ui/EditActions'

const RECORD_OPTIONS = RECORD_TYPES.map((r) => ({ value: r, label: recordTypeLabel(r) }))

/** A refused sent date (the event's own check) belongs beside the sent-date field. */
const sentErrorOf = (e: unknown): Record<string, string> => {
  if (!(e instanceof ApiError)) return {}
  const date = fieldErrorsOf(e, ['event', 'patch'])['date']
  return date ? { sentOn: date } : {}
}

const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))

/** Built-in profiles, then the user's saved ones, then the case's own if it is neither (so it is never silently changed). */
export function profileOptions(saved: ReadonlyArray<ProfileDefinition>, current: string) {
  const options = [
    ...BUILT_IN_PROFILE_IDS.map((p) => ({ value: p, label: profileLabel(p) })),
    ...saved.filter((p, i) => saved.findIndex((q) => q.id === p.id) === i).map((p) => ({ value: p.id, label: `${savedLabel(saved, p.id)} (saved)` }))
  ]
  if (!options.some((o) => o.value === current)) options.push({ value: current, label: `${current} (not found in your settings)` })
  return options
}

/** The label of a saved profile's latest version. */
export const savedLabel = (saved: ReadonlyArray<ProfileDefinition>, id: string): string => saved.filter((p) => p.id === id).at(-1)?.label ?? id

type Props = { c: Case; savedProfiles: ReadonlyArray<ProfileDefinition>; onClose: () => void; onSaved: (message: string) => void }

/** Changes the request's own facts; only what changed is sent, and an emptied field is cleared. */
export function EditRequestDialog({ c, savedProfiles, onClose, onSaved }: Props) {
  const [draft, setDraft, forget] = useKeptState<RequestDraft>(`request-edit:${c.id}`, () => requestDraftOf(c))
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const patients = useChannel('patients.list', {})
  // The request's fields and its sent date (an event) in one step; the key names the case area, so
  // a success marks the case stale (api/queries.ts).
  const save = useMutation({
    mutationKey: ['cases.update'],
    mutationFn: async ({ patch, sent }: { patch: Patch<CaseFieldsInput>; sent: SentChange | undefined }) => {
      if (Object.keys(patch).length > 0) await call('cases.update', { id: c.id, patch })
      if (sent?.eventId) await call('cases.editEvent', { caseId: c.id, eventId: sent.eventId, patch: { date: sent.date } })
      else if (sent) await call('cases.addEvent', { caseId: c.id, event: { type: 'request-sent', date: sent.date, direction: 'outgoing', summary: 'Request sent' } })
    }
  })
  const saving = save.isPending || save.isSuccess
  const serverError = save.error ? errorText(save.error) : null
  const errors: Record<string, string> = { ...(fieldErrorsOf(save.error, ['patch', 'case']) as Record<string, string>), ...sentErrorOf(save.error), ...localErrors }
  const setItem = (i: number, next: Partial<ItemDraft>) => set('items', draft.items.map((x, j) => (j === i ? { ...x, ...next } : x)))
  const patientOptions = [...(patients.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ value: p.id, label: p.name }))
  if (!patientOptions.some((o) => o.value === draft.patientId)) patientOptions.unshift({ value: draft.patientId, label: 'This case\'s patient' })
  const set = <K extends keyof RequestDraft>(k: K, v: RequestDraft[K]) => {
    setNotice(null)
    setDraft((d) => ({ ...d, [k]: v }))
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    setNotice(null)
    const checked = checkRequestDraft(c, draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    const changed = [...Object.keys(checked.patch), ...(checked.sent ? ['sentOn'] : [])]
    if (changed.length === 0) {
      setNotice('Nothing has changed, so there is nothing to save.')
      return
    }
    save.mutate(
      { patch: checked.patch, sent: checked.sent },
      {
        onSuccess: () => {
          forget()
          onSaved(`Saved: ${changed.map((k) => (REQUEST_FIELD_NAMES[k] ?? humanize(k)).toLowerCase()).join(', ')}.`)
        }
      }
    )
  }

  const tagError = errors['tags'] ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]
  return (
    <Dialog title="Edit request" onClose={onClose} size="large" testId="edit-request-dialog">
      <form className="form" onSubmit={submit} noValidate data-testid="edit-request-form">
        <div className="form__row">
          <SelectField label="Priority" value={draft.priority} onChange={(v) => set('priority', v as Priority)} options={PRIORITY_OPTIONS} error={errors['priority']} />
          <TextField label="Tags" value={draft.tags} onChange={(v) => set('tags', v)} hint="Separate with commas." error={tagError} />
          <TextField label="Advocate" value={draft.assignee} onChange={(v) => set('assignee', v)} error={errors['assignee']} hint="Leave empty for nobody." />
        </div>
        <div className="form__row">
          <SelectField
            label="Rule profile"
            value={draft.profile}
            onChange={(v) => set('profile', v)}
            options={profileOptions(savedProfiles, c.profile)}
            error={errors['profile']}
            hint="The clock is counted again by this profile."
          />
          <TextField label="State" value={draft.state} onChange={(v) => set('state', v)} placeholder="CA" error={errors['state']} hint="Two letters; leave empty to clear." />
        </div>
        <div className="form__row">
          <TextField label="Requested format" value={draft.requestedFormat} onChange={(v) => set('requestedFormat', v)} placeholder="e.g. PDF by e-mail" error={errors['requestedFormat']} />
          <TextField label="Delivery manner" value={draft.deliveryManner} onChange={(v) => set('deliveryManner', v)} placeholder="e.g. secure e-mail" error={errors['deliveryManner']} />
        </div>
        <div className="form__row">
          <SelectField label="Patient" value={draft.patientId} onChange={(v) => set('patientId', v)} options={patientOptions} error={errors['patientId']} hint="A case opened for the wrong patient moves to the right one." />
          <DateField label="Request sent on" value={draft.sentOn} onChange={(v) => set('sentOn', v)} error={errors['sentOn']} hint="The date of its “Request sent” event." />
        </div>
        <details className="form__group" open={draft.organizationId !== c.organizationId || Boolean(errors['organizationId'])}>
          <summary>Change the records holder (a case opened for the wrong one)</summary>
          <OrganizationPicker selected={draft.organizationId ? [draft.organizationId] : []} onChange={(ids) => set('organizationId', ids[0] ?? c.organizationId)} multiple={false} error={errors['organizationId']} />
        </details>
        <fieldset className="form__group form__fieldset">
          <legend>What is requested</legend>
          {draft.items.map((item, i) => (
            <div key={item.id} className="form__row repeat-row" data-testid="edit-item-row">
              <SelectField label={`Item ${i + 1}: record type`} value={item.recordType} onChange={(v) => setItem(i, { recordType: v as ItemDraft['recordType'] })} options={RECORD_OPTIONS} />
              <TextField label={`Item ${i + 1}: label`} value={item.label} onChange={(v) => setItem(i, { label: v })} error={errors[`requested.items.${i}.label`]} />
              <button type="button" className="button button--small button--ghost repeat-row__remove" onClick={() => set('items', draft.items.filter((_, j) => j !== i))}>
                Remove item {i + 1}
              </button>
            </div>
          ))}
          {errors['requested.items'] && <p className="field__error">{errors['requested.items']}</p>}
          <button type="button" className="button button--small" onClick={() => set('items', [...draft.items, newItem()])}>
            Add item
          </button>
          <div className="form__row">
            <DateField label="Records from" value={draft.from} onChange={(v) => set('from', v)} error={errors['requested.range.from']} />
            <DateField label="Records to" value={draft.to} onChange={(v) => set('to', v)} error={errors['requested.range.to']} />
          </div>
          <TextAreaField label="Description of the request" value={draft.description} onChange={(v) => set('description', v)} rows={2} error={errors['requested.description']} />
        </fieldset>
        <ReferencesFieldset references={draft.references} onChange={(next) => set('references', next)} errors={errors} />
        <TextAreaField label="Case notes" value={draft.notes} onChange={(v) => set('notes', v)} rows={4} error={errors['notes']} />
        {Object.keys(errors).length > 0 && (
          <div className="error-message" role="alert">
            Nothing was saved. Please correct: {summarizeErrors(errors, REQUEST_FIELD_NAMES)}
          </div>
        )}
        <ErrorMessage title="Nothing was saved." message={serverError} />
        <Notice message={notice} />
        <EditActions
          saving={saving}
          onCancel={() => {
            forget()
            onClose()
          }}
          onUndo={() => {
            setDraft(requestDraftOf(c))
            setErrors({})
            save.reset()
          }}
        />
      </form>
    </Dialog>
  )
}
