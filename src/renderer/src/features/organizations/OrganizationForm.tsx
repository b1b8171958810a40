import { useState, type FormEvent } from 'react'
import { ORGANIZATION_KINDS, type Organization } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { DeleteOrganizationDialog } from './DeleteOrganizationDialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField, TriStateField } from '../../ui/Field'
import { orgKindLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import { checkOrgDraft, newOrgDraft, orgDraftOf, type ContactDraft, type OrgDraft } from './org-draft'

const KIND_OPTIONS = ORGANIZATION_KINDS.map((k) => ({ value: k, label: orgKindLabel(k) }))

type Props = {
  /** Absent: a new organization. */
  existing?: Organization
  onSaved: (org: Organization) => void
  onDeleted?: () => void
  onCancel: () => void
}

/** Add or edit a records holder. */
export function OrganizationForm({ existing, onSaved, onDeleted, onCancel }: Props) {
  const [draft, setDraft, forget] = useKeptState<OrgDraft>(`org-draft:${existing?.id ?? 'new'}`, () => (existing ? orgDraftOf(existing) : newOrgDraft()))
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const add = useChannelMutation('orgs.add')
  const update = useChannelMutation('orgs.update')
  const failed = add.error ?? update.error
  const serverError = failed ? errorText(failed) : null
  const saving = add.isPending || update.isPending
  const errors: Record<string, string> = { ...(fieldErrorsOf(failed, ['organization', 'patch']) as Record<string, string>), ...localErrors }
  const [deleting, setDeleting] = useState(false)
  const set = <K extends keyof OrgDraft>(k: K, v: OrgDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const setContact = (which: 'privacyOfficer' | 'records', k: keyof ContactDraft, v: string) =>
    setDraft((d) => ({ ...d, [which]: { ...d[which], [k]: v } }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.reset()
    update.reset()
    const checked = checkOrgDraft(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    const done = {
      onSuccess: (org: Organization) => {
        forget()
        onSaved(org)
      }
    }
    if (existing) update.mutate({ id: existing.id, patch: existing.notes && draft.notes.trim() === '' ? { ...checked.fields, notes: '' } : checked.fields }, done)
    else add.mutate({ organization: checked.fields }, done)
  }

  const contact = (which: 'privacyOfficer' | 'records', title: string) => (
    <fieldset className="form__group form__fieldset">
      <legend>{title}</legend>
      <div className="form__row">
        <TextField label={`${title}: name`} value={draft[which].name} onChange={(v) => setContact(which, 'name', v)} error={errors[`${which}.name`]} />
        <TextField label={`${title}: phone`} type="tel" value={draft[which].phone} onChange={(v) => setContact(which, 'phone', v)} error={errors[`${which}.phone`]} />
        <TextField label={`${title}: fax`} type="tel" value={draft[which].fax} onChange={(v) => setContact(which, 'fax', v)} error={errors[`${which}.fax`]} />
      </div>
      <div className="form__row">
        <TextField label={`${title}: e-mail`} type="email" value={draft[which].email} onChange={(v) => setContact(which, 'email', v)} error={errors[`${which}.email`]} />
        <TextField
          label={`${title}: portal web address`}
          type="url"
          value={draft[which].portalUrl}
          onChange={(v) => setContact(which, 'portalUrl', v)}
          error={errors[`${which}.portalUrl`]}
        />
      </div>
    </fieldset>
  )

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="org-form">
      <div className="form__row">
        <TextField label="Name" value={draft.name} onChange={(v) => set('name', v)} required error={errors['name']} autoFocus />
        <SelectField label="Kind" value={draft.kind} onChange={(v) => set('kind', v as OrgDraft['kind'])} options={KIND_OPTIONS} error={errors['kind']} />
      </div>
      <fieldset className="form__group form__fieldset">
        <legend>Address</legend>
        <TextField label="Street" value={draft.line1} onChange={(v) => set('line1', v)} error={errors['address.line1']} />
        <TextField label="Street, line 2" value={draft.line2} onChange={(v) => set('line2', v)} error={errors['address.line2']} />
        <div className="form__row">
          <TextField label="City" value={draft.city} onChange={(v) => set('city', v)} error={errors['address.city']} />
          <TextField label="State (address)" value={draft.addressState} onChange={(v) => set('addressState', v)} error={errors['address.state']} placeholder="CA" />
          <TextField label="ZIP code" value={draft.postalCode} onChange={(v) => set('postalCode', v)} error={errors['address.postalCode']} />
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          label="State whose law applies"
          value={draft.state}
          onChange={(v) => set('state', v)}
          error={errors['state']}
          placeholder="CA"
          hint="Two letters; usually where the holder operates."
        />
        <TriStateField
          label="HIPAA covered entity?"
          value={draft.coveredEntity}
          onChange={(v) => set('coveredEntity', v)}
          hint={draft.coveredEntity === '' ? 'Unknown until you find out.' : undefined}
        />
      </div>
      {contact('records', 'Records (HIM) contact')}
      {contact('privacyOfficer', 'Privacy officer')}
      <TextAreaField label="Notes" value={draft.notes} onChange={(v) => set('notes', v)} error={errors['notes']} />
      {Object.keys(errors).length > 0 && (
        <div className="error-message" role="alert">
          Please correct: {summarizeErrors(errors)}
        </div>
      )}
      <ErrorMessage title="Not saved." message={serverError} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Add organization'}
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
        {existing && onDeleted && (
          <button type="button" className="button button--danger-outline form__actions-end" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        )}
      </div>
      {deleting && existing && onDeleted && (
        <DeleteOrganizationDialog
          organization={existing}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            forget()
            onDeleted()
          }}
        />
      )}
    </form>
  )
}
