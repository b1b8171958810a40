import { useState } from 'react'
import { perspectiveOf } from '#core/perspective'
import { CHANNELS, DENIAL_GROUNDS, OUTCOMES, REQUESTER_TYPES, type Case, type RequestLog } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannel, useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { humanize } from '../../ui/format'
import { draftOf, logOf, type RequestLogDraft } from './request-log-draft'

const options = (codes: ReadonlyArray<string>, blank: string) => [{ value: '', label: blank }, ...codes.map((c) => ({ value: c, label: humanize(c) }))]

/**
 * The request log of a request the practice received (DOMAIN 7.2): how it came in and what proves
 * it, who asked and on what authority, identity checked, the outcome, who handled it. Receipt,
 * extension notices, fee quotes, deliveries and denials are events in the log above, not fields here.
 * Shown for practice-side cases only; everything may stay blank (unknown).
 */
export function RequestLogPanel({ c, readOnly = false }: { c: Case; readOnly?: boolean }) {
  const settings = useChannel('settings.get', {})
  const update = useChannelMutation('cases.update')
  const [draft, setDraft] = useState<RequestLogDraft>(() => draftOf(c.requestLog))
  const [saved, setSaved] = useState<string | null>(null)
  if (settings.data === undefined || perspectiveOf(c, settings.data.perspective) !== 'practice') return null
  const errors = update.error ? fieldErrorsOf(update.error, ['patch']) : {}
  const err = (field: string) => errors[`requestLog.${field}`]
  const set = (field: keyof RequestLogDraft) => (value: string) => {
    setSaved(null)
    setDraft((d) => ({ ...d, [field]: value }))
  }
  const save = async () => {
    await update.mutateAsync({ id: c.id, patch: { requestLog: logOf(draft) as RequestLog } })
    setSaved('Request log saved.')
  }
  return (
    <section className="panel" aria-labelledby="request-log-title" data-testid="request-log">
      <h3 id="request-log-title" className="panel__title">
        Request log
      </h3>
      <form
        className="form request-log"
        onSubmit={(e) => {
          e.preventDefault()
          void save().catch(() => undefined)
        }}
      >
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>Receipt</legend>
          <SelectField label="Received by" value={draft.receivedChannel} onChange={set('receivedChannel')} options={options(CHANNELS, 'Not recorded')} error={err('receivedChannel')} />
          <TextField label="Time received" value={draft.receivedTime} onChange={set('receivedTime')} placeholder="09:30" hint="24-hour time, such as 14:05" error={err('receivedTime')} />
          <TextField label="Proof of receipt" value={draft.proofOfReceipt} onChange={set('proofOfReceipt')} hint="A fax confirmation, a portal receipt, a date stamp" error={err('proofOfReceipt')} />
        </fieldset>
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>Requester</legend>
          <SelectField label="Requester type" value={draft.requesterType} onChange={set('requesterType')} options={options(REQUESTER_TYPES, 'Not recorded')} error={err('requesterType')} />
          <TextField label="Authority document" value={draft.authorityDocument} onChange={set('authorityDocument')} hint="For a personal representative: power of attorney, guardianship order…" error={err('authorityDocument')} />
          <TextField label="Patient identifiers" value={draft.patientIdentifiers} onChange={set('patientIdentifiers')} hint="MRN, date of birth as given" error={err('patientIdentifiers')} />
          <TextField label="Identity verified by" value={draft.verificationMethod} onChange={set('verificationMethod')} hint="e.g. photo ID at the front desk" error={err('verification.method')} />
          <TextField label="Identity verified on" type="date" value={draft.verificationDate} onChange={set('verificationDate')} error={err('verification.date')} />
        </fieldset>
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>Outcome and handling</legend>
          <SelectField label="Outcome" value={draft.outcome} onChange={set('outcome')} options={options(OUTCOMES, 'Not decided yet')} error={err('outcome')} />
          {draft.outcome === 'denied' && (
            <SelectField label="Denial ground" value={draft.denialGround} onChange={set('denialGround')} options={options(DENIAL_GROUNDS, 'Not recorded')} error={err('denialGround')} />
          )}
          <TextField label="Reviewer (for a reviewed denial)" value={draft.reviewer} onChange={set('reviewer')} error={err('reviewer')} />
          <TextField label="Recipient of the records" value={draft.recipient} onChange={set('recipient')} error={err('recipient')} />
          <TextField label="Staff member" value={draft.staff} onChange={set('staff')} error={err('staff')} />
          <TextField label="Site" value={draft.site} onChange={set('site')} error={err('site')} />
          <TextField label="Business associate or copy vendor" value={draft.businessAssociate} onChange={set('businessAssociate')} error={err('businessAssociate')} />
        </fieldset>
        <ErrorMessage message={update.error ? errorText(update.error) : null} />
        <Notice message={saved} />
        {!readOnly && (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save request log'}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
