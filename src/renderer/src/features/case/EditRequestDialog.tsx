import { useState, type FormEvent } from 'react'
import type { ProfileDefinition } from '../../../../core/clocks/schema'
import { BUILT_IN_PROFILE_IDS } from '../../../../core/rules/types'
import { PRIORITIES, type Case } from '../../../../core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannelMutation } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { humanize } from '../../ui/format'
import { profileLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import type { Priority } from '../new-case/case-draft'
import { ReferencesFieldset } from '../new-case/ReferencesFieldset'
import { checkRequestDraft, REQUEST_FIELD_NAMES, requestDraftOf, type RequestDraft } from './request-draft'
import { EditActions } from '../../ui/EditActions'

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
  const save = useChannelMutation('cases.update')
  const saving = save.isPending || save.isSuccess
  const serverError = save.error ? errorText(save.error) : null
  const errors: Record<string, string> = { ...(fieldErrorsOf(save.error, ['patch', 'case']) as Record<string, string>), ...localErrors }
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
    const changed = Object.keys(checked.patch)
    if (changed.length === 0) {
      setNotice('Nothing has changed, so there is nothing to save.')
      return
    }
    save.mutate(
      { id: c.id, patch: checked.patch },
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
        <ReferencesFieldset references={draft.references} onChange={(next) => set('references', next)} errors={errors} />
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
