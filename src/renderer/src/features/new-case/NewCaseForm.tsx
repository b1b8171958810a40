import { useState, type FormEvent } from 'react'
import { CHANNELS, PRIORITIES, RECORD_TYPES, REQUEST_KINDS, type Case, type CaseRequestKind } from '#core/schemas'
import { BUILT_IN_PROFILE_IDS } from '#core/rules/types'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useMutation } from '@tanstack/react-query'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannel } from '../../api/queries'
import type { RequestSent } from '#shared/channels/cases'
import { DateField } from '../../ui/DateField'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { humanize } from '../../ui/format'
import { profileLabel, recordTypeLabel, requestKindLabel } from '../../ui/labels'
import { useKeptState } from '../../ui/use-kept-state'
import { summarizeErrors } from '../../ui/zod-errors'
import { ReferencesFieldset } from './ReferencesFieldset'
import { checkCaseDraft, newCaseDraft, newItem, type CaseDraft, type ItemDraft, type Priority, type SharedFields as CaseShared } from './case-draft'
import { OrganizationPicker } from './OrganizationPicker'

const KIND_OPTIONS = REQUEST_KINDS.map((k) => ({ value: k, label: requestKindLabel(k) }))
const PROFILE_OPTIONS = BUILT_IN_PROFILE_IDS.map((p) => ({ value: p, label: profileLabel(p) }))
const RECORD_OPTIONS = RECORD_TYPES.map((r) => ({ value: r, label: recordTypeLabel(r) }))
const SENT_CHANNEL_OPTIONS = [{ value: '', label: 'Not recorded' }, ...CHANNELS.map((c) => ({ value: c, label: humanize(c) }))]
const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))

type Props = {
  patientId: string
  /** Opening a case for a holder known about: one organization, and the holder remembers the case. */
  holder?: { id: string; organizationId?: string | undefined }
  onCreated: (cases: Case[]) => void
  onCancel: () => void
}

/** A new request, or a batch of the same request to several holders. */
export function NewCaseForm({ patientId, holder, onCreated, onCancel }: Props) {
  const key = `case-draft:${patientId}:${holder?.id ?? 'batch'}`
  const [draft, setDraft, forget] = useKeptState<CaseDraft>(key, () => newCaseDraft(holder?.organizationId ? [holder.organizationId] : []))
  const settings = useChannel('settings.get', {})
  // Profiles the user saved (an internal policy, another state) come after the built-in ones.
  const saved = settings.data !== undefined ? settings.data.savedProfiles : []
  const profileOptions = [
    ...PROFILE_OPTIONS,
    ...saved.filter((p, i) => saved.findIndex((q) => q.id === p.id) === i).map((p) => ({ value: p.id, label: `${p.label} (saved)` }))
  ]
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  // One request, a batch, or a holder turned into a case: three channels, one mutation. Its key
  // names the case area, so a success marks cases and patients stale (api/queries.ts).
  const create = useMutation({
    mutationKey: ['cases.addBatch'],
    mutationFn: async ({ shared, sent }: { shared: CaseShared; sent: RequestSent | undefined }): Promise<Case[]> => {
      const [first] = draft.organizationIds
      // The sent date travels with the case: it is made with its "Request sent" event in one write (each case of a batch too).
      const withSent = sent ? { sent } : {}
      if (holder && first) {
        const { patientId: _p, ...fields } = shared
        return [await call('patients.holderToCase', { patientId, holderId: holder.id, case: { ...fields, organizationId: first }, ...withSent })]
      }
      if (draft.organizationIds.length === 1 && first) return [await call('cases.add', { case: { ...shared, organizationId: first }, ...withSent })]
      return call('cases.addBatch', { batch: { ...shared, organizationIds: draft.organizationIds }, ...withSent })
    }
  })
  const serverError = create.error ? errorText(create.error) : null
  const saving = create.isPending || create.isSuccess
  const errors: Record<string, string> = { ...(fieldErrorsOf(create.error, ['case', 'batch']) as Record<string, string>), ...localErrors }
  const set = <K extends keyof CaseDraft>(k: K, v: CaseDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const setItem = (i: number, patch: Partial<ItemDraft>) => set('items', draft.items.map((x, j) => (j === i ? { ...x, ...patch } : x)))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.reset()
    const checked = checkCaseDraft(draft, patientId)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    create.mutate({ shared: checked.shared, sent: checked.sent }, {
      onSuccess: (created) => {
        forget()
        onCreated(created)
      }
    })
  }

  const count = draft.organizationIds.length
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="new-case-form">
      <OrganizationPicker selected={draft.organizationIds} onChange={(ids) => set('organizationIds', ids)} multiple={!holder} error={errors['organizationId']} />
      <div className="form__row">
        <SelectField label="Request kind" value={draft.requestKind} onChange={(v) => set('requestKind', v as CaseRequestKind)} options={KIND_OPTIONS} />
        <SelectField label="Rule profile" value={draft.profile} onChange={(v) => set('profile', v)} options={profileOptions} error={errors['profile']} />
        <TextField label="State" value={draft.state} onChange={(v) => set('state', v)} placeholder="CA" error={errors['state']} />
      </div>

      <fieldset className="form__group form__fieldset">
        <legend>What is requested</legend>
        {draft.items.map((item, i) => (
          <div key={item.id} className="form__row repeat-row" data-testid="item-row">
            <SelectField label={`Item ${i + 1}: record type`} value={item.recordType} onChange={(v) => setItem(i, { recordType: v as ItemDraft['recordType'] })} options={RECORD_OPTIONS} />
            <TextField
              label={`Item ${i + 1}: label`}
              value={item.label}
              onChange={(v) => setItem(i, { label: v })}
              placeholder="e.g. MRI report, March 2025"
              error={errors[`requested.items.${i}.label`]}
            />
            <button type="button" className="button button--small button--ghost repeat-row__remove" onClick={() => set('items', draft.items.filter((_, j) => j !== i))}>
              Remove item {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set('items', [...draft.items, newItem()])}>
          Add item
        </button>
        <div className="form__row">
          <DateField label="Records from" value={draft.from} onChange={(v) => set('from', v)} error={errors['requested.range.from']} />
          <DateField label="Records to" value={draft.to} onChange={(v) => set('to', v)} error={errors['requested.range.to']} />
        </div>
        <TextAreaField label="Description of the request" value={draft.description} onChange={(v) => set('description', v)} rows={2} error={errors['requested.description']} />
        <div className="form__row">
          <TextField label="Requested format" value={draft.requestedFormat} onChange={(v) => set('requestedFormat', v)} placeholder="e.g. PDF by e-mail" error={errors['requestedFormat']} />
          <TextField label="Delivery manner" value={draft.deliveryManner} onChange={(v) => set('deliveryManner', v)} placeholder="e.g. secure e-mail" error={errors['deliveryManner']} />
        </div>
      </fieldset>

      <ReferencesFieldset references={draft.references} onChange={(next) => set('references', next)} errors={errors} />

      <div className="form__row">
        <SelectField label="Priority" value={draft.priority} onChange={(v) => set('priority', v as Priority)} options={PRIORITY_OPTIONS} />
        <TextField label="Tags" value={draft.tags} onChange={(v) => set('tags', v)} hint="Separate with commas." error={errors['tags'] ?? firstTagError(errors)} />
        <TextField label="Advocate" value={draft.assignee} onChange={(v) => set('assignee', v)} error={errors['assignee']} />
      </div>
      <TextAreaField label="Case notes" value={draft.notes} onChange={(v) => set('notes', v)} rows={2} error={errors['notes']} />
      <div className="form__row">
        <DateField
          label="Request sent on"
          value={draft.sentOn ?? ''}
          onChange={(v) => set('sentOn', v)}
          error={errors['sentOn']}
          hint={count > 1 ? `Logged as "Request sent" on each of the ${count} requests; leave empty if not sent yet.` : 'Logged as "Request sent"; leave empty if not sent yet.'}
        />
        <SelectField label="Sent by" value={draft.sentChannel ?? ''} onChange={(v) => set('sentChannel', v)} options={SENT_CHANNEL_OPTIONS} />
      </div>

      {Object.keys(errors).length > 0 && (
        <div className="error-message" role="alert">
          Nothing was created. Please correct: {summarizeErrors(errors, { organizationId: 'Organization', sentOn: 'Request sent on', 'requested.range.from': 'Records from', 'requested.range.to': 'Records to' })}
        </div>
      )}
      <ErrorMessage title="Nothing was created." message={serverError} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Creating…' : count > 1 ? `Create ${count} requests` : 'Create request'}
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

const firstTagError = (errors: Record<string, string>) => Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]
