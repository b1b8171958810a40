import { useState, type FormEvent } from 'react'
import { AUTHORITY_TYPES, type Patient } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { DateField } from '../../ui/DateField'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { authorityLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import { checkPatientDraft, newPatientDraft, newRepDraft, patientDraftOf, type PatientDraft, type RepDraft } from './patient-draft'

const PATIENT_FIELD_NAMES: Record<string, string> = { name: 'Full name', dateOfBirth: 'Date of birth', 'contact.phone': 'Phone', 'contact.email': 'E-mail', 'contact.address': 'Postal address' }

const AUTHORITY_OPTIONS = AUTHORITY_TYPES.map((a) => ({ value: a, label: authorityLabel(a) }))

type Props = { existing?: Patient; onSaved: (p: Patient) => void; onCancel: () => void }

/** Add or edit a patient and the people who may act for them. */
export function PatientForm({ existing, onSaved, onCancel }: Props) {
  const [draft, setDraft, forget] = useKeptState<PatientDraft>(`patient-draft:${existing?.id ?? 'new'}`, () =>
    existing ? patientDraftOf(existing) : newPatientDraft()
  )
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const add = useChannelMutation('patients.add')
  const update = useChannelMutation('patients.update')
  const failed = add.error ?? update.error
  const serverError = failed ? errorText(failed) : null
  const saving = add.isPending || update.isPending
  // Each problem the services found, beside its field (the router names "patch.…", the service "patient.…").
  const errors = { ...(fieldErrorsOf(failed, ['patient', 'patch']) as Record<string, string>), ...localErrors }
  const set = <K extends keyof PatientDraft>(k: K, v: PatientDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const setRep = (i: number, patch: Partial<RepDraft>) =>
    setDraft((d) => ({ ...d, representatives: d.representatives.map((r, j) => (j === i ? { ...r, ...patch } : r)) }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.reset()
    update.reset()
    const checked = checkPatientDraft(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    const done = {
      onSuccess: (p: Patient) => {
        forget()
        onSaved(p)
      }
    }
    if (existing) {
      const clearing = { ...(existing.notes && !draft.notes.trim() && { notes: '' }), ...(existing.preferredLanguage && !draft.preferredLanguage.trim() && { preferredLanguage: '' }) }
      update.mutate({ id: existing.id, patch: { ...checked.fields, ...clearing } }, done)
    } else add.mutate({ patient: checked.fields }, done)
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="patient-form">
      <div className="form__row">
        <TextField label="Full name" value={draft.name} onChange={(v) => set('name', v)} required error={errors['name']} autoFocus />
        <DateField label="Date of birth" value={draft.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={errors['dateOfBirth']} />
      </div>
      <div className="form__row">
        <TextField label="Phone" type="tel" value={draft.phone} onChange={(v) => set('phone', v)} error={errors['contact.phone']} />
        <TextField label="E-mail" type="email" value={draft.email} onChange={(v) => set('email', v)} error={errors['contact.email']} />
        <TextField label="Preferred language" value={draft.preferredLanguage} onChange={(v) => set('preferredLanguage', v)} error={errors['preferredLanguage']} />
      </div>
      <TextField label="Postal address" value={draft.address} onChange={(v) => set('address', v)} error={errors['contact.address']} />
      <TextAreaField label="Notes" value={draft.notes} onChange={(v) => set('notes', v)} error={errors['notes']} />

      <fieldset className="form__group form__fieldset">
        <legend>Representatives</legend>
        {draft.representatives.length === 0 && <p className="muted small">Nobody acts for this patient. Add a parent, guardian, health-care agent or executor.</p>}
        {draft.representatives.map((r, i) => (
          <div key={r.id} className="repeat-row" data-testid="rep-row">
            <div className="form__row">
              <TextField label={`Representative ${i + 1}: name`} value={r.name} onChange={(v) => setRep(i, { name: v })} error={errors[`representatives.${i}.name`]} />
              <TextField label={`Representative ${i + 1}: relationship`} value={r.relationship} onChange={(v) => setRep(i, { relationship: v })} />
              <SelectField
                label={`Representative ${i + 1}: authority`}
                value={r.authority}
                onChange={(v) => setRep(i, { authority: v as RepDraft['authority'] })}
                options={AUTHORITY_OPTIONS}
              />
            </div>
            <div className="form__row">
              <TextField label={`Representative ${i + 1}: scope`} value={r.scope} onChange={(v) => setRep(i, { scope: v })} error={errors[`representatives.${i}.scope`]} />
              <DateField
                label={`Representative ${i + 1}: expiry date`}
                value={r.expires}
                onChange={(v) => setRep(i, { expires: v })}
                error={errors[`representatives.${i}.expires`]}
              />
              <button
                type="button"
                className="button button--small button--ghost repeat-row__remove"
                onClick={() => set('representatives', draft.representatives.filter((_, j) => j !== i))}
              >
                Remove representative {i + 1}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set('representatives', [...draft.representatives, newRepDraft()])}>
          Add representative
        </button>
      </fieldset>
      {Object.keys(errors).length > 0 && (
        <div className="error-message" role="alert">
          The patient was not saved. Please correct: {summarizeErrors(errors, PATIENT_FIELD_NAMES)}
        </div>
      )}
      <ErrorMessage title="Not saved." message={serverError} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Add patient'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            forget()
            onCancel()
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  )
}
