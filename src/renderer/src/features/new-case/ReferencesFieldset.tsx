import { REFERENCE_KINDS } from '#core/schemas'
import { SelectField, TextField } from '../../ui/Field'
import { referenceKindLabel } from '../../ui/labels'
import { newRef, type RefDraft } from './case-draft'

const REF_OPTIONS = REFERENCE_KINDS.map((r) => ({ value: r, label: referenceKindLabel(r) }))

/** The case's reference numbers (the holder's request id, an OCR transaction number…), added and removed in place. */
export function ReferencesFieldset({
  references,
  onChange,
  errors
}: {
  references: ReadonlyArray<RefDraft>
  onChange: (next: RefDraft[]) => void
  errors: Readonly<Record<string, string>>
}) {
  const setRef = (i: number, patch: Partial<RefDraft>) => onChange(references.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  return (
    <fieldset className="form__group form__fieldset">
      <legend>References</legend>
      {references.map((r, i) => (
        <div key={r.key} className="form__row repeat-row">
          <SelectField label={`Reference ${i + 1}: kind`} value={r.kind} onChange={(v) => setRef(i, { kind: v as RefDraft['kind'] })} options={REF_OPTIONS} />
          <TextField label={`Reference ${i + 1}: number`} value={r.value} onChange={(v) => setRef(i, { value: v })} error={errors[`references.${i}.value`]} />
          <button type="button" className="button button--small button--ghost repeat-row__remove" onClick={() => onChange(references.filter((_, j) => j !== i))}>
            Remove reference {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...references, newRef()])}>
        Add reference
      </button>
    </fieldset>
  )
}
