// The fields that only some event types have, for the clock's facts.
import type { ChecklistItem } from '#core/schemas'
import { DateField } from '../../ui/DateField'
import { CheckboxField, SelectField, TextField, TriStateField } from '../../ui/Field'
import { ESCALATION_STEP_IDS } from '#core/escalation'
import { checklistItemLabel, stepLabel } from '../../ui/labels'
import type { EventDraft, FieldErrors } from './event-draft'

type Props = {
  draft: EventDraft
  set: <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => void
  errors: FieldErrors
  checklist: ReadonlyArray<ChecklistItem>
}

const FORMATS = ['PDF by e-mail', 'Portal download', 'Paper by mail', 'CD / DVD', 'USB drive', 'Fax']

export function EventTypeFields({ draft: d, set, errors, checklist }: Props) {
  switch (d.type) {
    case 'fee-quoted':
      return (
        <div className="form__group" data-testid="fee-fields">
          <div className="form__row">
            <TextField label="Amount ($)" value={d.amount} onChange={(v) => set('amount', v)} inputMode="decimal" required error={errors['amount']} />
            <SelectField
              label="How the fee was worked out"
              value={d.method}
              onChange={(v) => set('method', v)}
              error={errors['method']}
              options={[
                { value: '', label: 'Not recorded' },
                { value: 'actual', label: 'Actual cost' },
                { value: 'average', label: 'Average cost' },
                { value: 'flat', label: 'Flat fee' }
              ]}
            />
          </div>
          <TriStateField label="Charged per page?" value={d.perPage} onChange={(v) => set('perPage', v)} />
          <TriStateField label="Includes search and retrieval?" value={d.includesSearchRetrieval} onChange={(v) => set('includesSearchRetrieval', v)} />
          <TriStateField
            label="Electronic copy of records kept electronically?"
            value={d.electronicCopyOfElectronicRecords}
            onChange={(v) => set('electronicCopyOfElectronicRecords', v)}
          />
          <TriStateField label="Quoted in advance?" value={d.inAdvance} onChange={(v) => set('inAdvance', v)} />
        </div>
      )
    case 'fee-paid':
      return <TextField label="Amount ($)" value={d.amount} onChange={(v) => set('amount', v)} inputMode="decimal" required error={errors['amount']} />
    case 'extension-notice':
    case 'state-delay-notice':
      return (
        <div className="form__row">
          <TextField label="Reason given" value={d.reason} onChange={(v) => set('reason', v)} error={errors['reason']} hint="Leave empty if the notice gave none." />
          <DateField label="New date promised" value={d.newDate} onChange={(v) => set('newDate', v)} error={errors['newDate']} />
        </div>
      )
    case 'partial-delivery':
    case 'records-delivered':
      return (
        <div className="form__group">
          {checklist.length > 0 && (
            <fieldset className="field">
              <legend className="field__label">Items that arrived</legend>
              {checklist.map((item) => (
                <CheckboxField
                  key={item.id}
                  label={checklistItemLabel(item)}
                  checked={d.items.includes(item.id)}
                  onChange={(on) => set('items', on ? [...d.items, item.id] : d.items.filter((x) => x !== item.id))}
                />
              ))}
              <span className="field__hint">
                {d.type === 'records-delivered' ? 'Tick nothing if everything requested arrived.' : 'Tick what came with this delivery.'}
              </span>
              {errors['items'] && <span className="field__error">{errors['items']}</span>}
            </fieldset>
          )}
          <TextField label="Format received" value={d.format} onChange={(v) => set('format', v)} list="format-suggestions" error={errors['format']} />
          <FormatSuggestions />
        </div>
      )
    case 'denial':
      return (
        <div className="form__group">
          <TextField label="Ground for denial" value={d.basis} onChange={(v) => set('basis', v)} error={errors['basis']} hint="As written in the letter." />
          <TriStateField label="Is the ground reviewable?" value={d.reviewable} onChange={(v) => set('reviewable', v)} />
          <TriStateField label="Does the letter state the review rights?" value={d.reviewRights} onChange={(v) => set('reviewRights', v)} />
          <TriStateField label="Does it give the complaint contact?" value={d.complaintContact} onChange={(v) => set('complaintContact', v)} />
          <TriStateField
            label="Amendment denials: does it state the right to submit a statement of disagreement?"
            value={d.statementOfDisagreement}
            onChange={(v) => set('statementOfDisagreement', v)}
          />
        </div>
      )
    case 'review-decided':
      return (
        <SelectField
          label="Outcome of the review"
          value={d.reviewOutcome}
          onChange={(v) => set('reviewOutcome', v)}
          error={errors['outcome']}
          options={[
            { value: '', label: 'Not recorded' },
            { value: 'upheld', label: 'Denial upheld' },
            { value: 'reversed', label: 'Denial reversed' },
            { value: 'partly-reversed', label: 'Partly reversed' }
          ]}
        />
      )
    case 'requested-format':
      return (
        <>
          <TextField label="Format asked for" value={d.format} onChange={(v) => set('format', v)} list="format-suggestions" required error={errors['format']} />
          <FormatSuggestions />
        </>
      )
    case 'barrier':
      return (
        <SelectField
          label="Kind of barrier"
          value={d.kind}
          onChange={(v) => set('kind', v)}
          required
          error={errors['kind']}
          options={[
            { value: '', label: 'Choose…' },
            { value: 'in-person', label: 'Must come in person' },
            { value: 'mail-only', label: 'Will only mail paper' },
            { value: 'portal-only', label: 'Only through the portal' }
          ]}
        />
      )
    case 'step-skipped':
      return (
        <div className="form__row">
          <SelectField
            label="Step to skip"
            value={d.step}
            onChange={(v) => set('step', v)}
            required
            error={errors['step']}
            options={[{ value: '', label: 'Choose…' }, ...ESCALATION_STEP_IDS.map((s) => ({ value: s, label: stepLabel(s) }))]}
          />
          <TextField label="Why it does not fit this case" value={d.reason} onChange={(v) => set('reason', v)} required error={errors['reason']} />
        </div>
      )
    case 'complaint-filed':
    case 'agency-acknowledged':
      return (
        <SelectField
          label={d.type === 'agency-acknowledged' ? 'Acknowledged by' : 'Filed with'}
          value={d.venue}
          onChange={(v) => set('venue', v)}
          required
          error={errors['venue']}
          options={[
            { value: '', label: 'Choose…' },
            { value: 'ocr', label: 'HHS Office for Civil Rights (OCR)' },
            { value: 'information-blocking', label: 'Information-blocking portal (ONC/OIG)' },
            { value: 'state', label: 'State agency' }
          ]}
        />
      )
    case 'resolution':
      return <TextField label="Outcome" value={d.resolutionOutcome} onChange={(v) => set('resolutionOutcome', v)} error={errors['outcome']} />
    default:
      return null
  }
}

function FormatSuggestions() {
  return (
    <datalist id="format-suggestions">
      {FORMATS.map((f) => (
        <option key={f} value={f} />
      ))}
    </datalist>
  )
}
