import { useState, type FormEvent } from 'react'
import { DateField } from '../../ui/DateField'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field'
import { summarizeErrors } from '../../ui/zod-errors'
import { checkProfileDraft, newProfileDraft, PROFILE_FIELD_NAMES, type ProfileDraft } from './profile-draft'

type Props = {
  draft: ProfileDraft
  setDraft: (next: ProfileDraft | ((prev: ProfileDraft) => ProfileDraft)) => void
  savedIds: ReadonlyArray<string>
  onSaved?: () => void
}

const DAY_KIND_OPTIONS = [
  { value: 'calendar', label: 'Calendar days' },
  { value: 'business', label: 'Business days (skip weekends and the holidays listed)' }
]

/**
 * Saves a rule profile, or a new version of one (same id, new version). Checked with the contract's
 * ProfileDefinitionSchema before sending; the server's refusal (a built-in id, a version that
 * already exists) is shown too. The draft is kept until it is saved.
 */
export function ProfileForm({ draft, setDraft, savedIds, onSaved }: Props) {
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<string | null>(null)
  const save = useChannelMutation('profiles.save')
  const serverError = save.error ? errorText(save.error) : null
  const saving = save.isPending
  const errors: Record<string, string> = { ...(fieldErrorsOf(save.error, ['profile']) as Record<string, string>), ...localErrors }
  const set = <K extends keyof ProfileDraft>(k: K, v: ProfileDraft[K]) => {
    setSaved(null)
    setDraft((d) => ({ ...d, [k]: v }))
  }
  const existing = savedIds.includes(draft.id.trim())

  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    setSaved(null)
    const checked = checkProfileDraft(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    save.mutate(
      { profile: checked.profile },
      {
        onSuccess: (p) => {
          setDraft(newProfileDraft())
          setSaved(`Saved ${p.label} (${p.id}), version ${p.version}.`)
          onSaved?.()
        }
      }
    )
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="profile-form" aria-labelledby="profile-form-title">
      <div className="form__row">
        <TextField
          label="Profile id"
          value={draft.id}
          onChange={(v) => set('id', v)}
          required
          error={errors['id']}
          placeholder="e.g. clinic-policy"
          hint={existing ? 'A saved profile: this adds a version to it.' : 'What cases store; the same id again adds a new version.'}
        />
        <TextField label="Version" value={draft.version} onChange={(v) => set('version', v)} required error={errors['version']} placeholder="e.g. 2" />
        <TextField label="Name" value={draft.label} onChange={(v) => set('label', v)} required error={errors['label']} placeholder="e.g. Valley Clinic internal policy" />
      </div>
      <div className="form__row">
        <TextField label="Days" value={draft.days} onChange={(v) => set('days', v)} inputMode="numeric" required error={errors['days']} hint="The holder has this many days from receipt." />
        <SelectField label="Counting" value={draft.dayKind} onChange={(v) => set('dayKind', v as ProfileDraft['dayKind'])} options={DAY_KIND_OPTIONS} error={errors['dayKind']} />
        <TextField
          label="Extension days"
          value={draft.extensionDays}
          onChange={(v) => set('extensionDays', v)}
          inputMode="numeric"
          required
          error={errors['extensionDays']}
          hint="The most one extension notice may add; 0 for none."
        />
      </div>
      <div className="form__row">
        <TextAreaField
          label="Holidays"
          value={draft.holidays}
          onChange={(v) => set('holidays', v)}
          rows={2}
          error={errors['holidays']}
          hint="Dates skipped when counting business days, written YYYY-MM-DD, one per line."
        />
        <div className="field">
          <span className="field__label">Due date on a weekend or holiday</span>
          <CheckboxField label="Move it to the next business day" checked={draft.rollForward} onChange={(v) => set('rollForward', v)} />
        </div>
      </div>
      <div className="form__row">
        <TextField label="Citation" value={draft.citation} onChange={(v) => set('citation', v)} error={errors['citation']} placeholder="e.g. Policy HIM-12 §3" />
        <DateField label="In force from" value={draft.inForceFrom} onChange={(v) => set('inForceFrom', v)} error={errors['inForce.from'] ?? errors['inForce']} />
        <DateField
          label="In force until"
          value={draft.inForceTo}
          onChange={(v) => set('inForceTo', v)}
          error={errors['inForce.to']}
          hint="Leave both empty if this version always applies."
        />
      </div>
      {Object.keys(errors).length > 0 && (
        <div className="error-message" role="alert">
          The profile was not saved. Please correct: {summarizeErrors(errors, PROFILE_FIELD_NAMES)}
        </div>
      )}
      <ErrorMessage title="The profile was not saved." message={serverError} />
      <Notice message={saved} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save new version' : 'Save profile'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(newProfileDraft())
            setErrors({})
            save.reset()
          }}
        >
          Clear
        </button>
      </div>
    </form>
  )
}
