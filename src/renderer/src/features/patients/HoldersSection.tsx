import { useState, type FormEvent } from 'react'
import { HolderInputSchema } from '../../../../shared/channels/directory'
import type { Case, Patient } from '../../../../core/schemas'
import { errorText } from '../../api/error-text'
import { fieldErrorsOf } from '../../api/field-errors'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { navigate } from '../../app/navigation'
import { DateText } from '../../ui/DateText'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextField } from '../../ui/Field'
import { useKeptState } from '../../ui/use-kept-state'
import { compact, issuesByPath, opt } from '../../ui/zod-errors'
import { NewCaseForm } from '../new-case/NewCaseForm'

type Holder = Patient['holdersToRequest'][number]
type HolderDraft = { name: string; foundIn: string; organizationId: string }

/** Holders known to have records but not yet asked, so none is silently forgotten. */
export function HoldersSection({ patient }: { patient: Patient }) {
  const orgs = useChannel('orgs.list', {})
  const [draft, setDraft, forget] = useKeptState<HolderDraft>(`holder-draft:${patient.id}`, { name: '', foundIn: '', organizationId: '' })
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const adding = useChannelMutation('patients.addHolder')
  const serverError = adding.error ? errorText(adding.error) : null
  const errors: Partial<Record<string, string>> = { ...fieldErrorsOf(adding.error, ['holder']), ...localErrors }
  const [opening, setOpening] = useState<Holder | null>(null)
  const orgOptions = [{ value: '', label: 'Not in the directory yet' }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))]

  const add = (e: FormEvent) => {
    e.preventDefault()
    adding.reset()
    const holder = compact({ name: draft.name, foundIn: draft.foundIn, organizationId: opt(draft.organizationId) })
    const parsed = HolderInputSchema.safeParse(holder)
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error))
      return
    }
    setErrors({})
    adding.mutate(
      { patientId: patient.id, holder: parsed.data },
      {
        onSuccess: () => {
          setDraft({ name: '', foundIn: '', organizationId: '' })
          forget()
        }
      }
    )
  }

  const pending = patient.holdersToRequest.filter((h) => !h.caseId)
  return (
    <section className="panel" aria-labelledby="holders-title">
      <h3 id="holders-title" className="panel__title">
        Holders to request <span className="muted panel__aside">{pending.length} not asked yet</span>
      </h3>
      {patient.holdersToRequest.length === 0 ? (
        <p className="muted">None noted. When a referral, a bill or a prescription shows another holder, note it here.</p>
      ) : (
        <ul className="holders">
          {patient.holdersToRequest.map((h) => (
            <li key={h.id} className="holders__item" data-testid="holder">
              <div>
                <strong>{h.name}</strong> <span className="muted">found in {h.foundIn}, noted <DateText value={h.notedOn} /></span>
              </div>
              {h.caseId ? (
                <Link to={{ page: 'case', id: h.caseId }}>Requested: open the case</Link>
              ) : (
                <button type="button" className="button button--small" onClick={() => setOpening(h)}>
                  Open a case
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="form form--inline" onSubmit={add} noValidate aria-label="Add a holder to request">
        <TextField label="Holder name" value={draft.name} onChange={(v) => setDraft((d) => ({ ...d, name: v }))} error={errors['name']} />
        <TextField label="Where found" value={draft.foundIn} onChange={(v) => setDraft((d) => ({ ...d, foundIn: v }))} placeholder="a referral, a bill…" error={errors['foundIn']} />
        <SelectField label="Organization" value={draft.organizationId} onChange={(v) => setDraft((d) => ({ ...d, organizationId: v }))} options={orgOptions} error={errors['organizationId']} />
        <button type="submit" className="button">
          Add holder
        </button>
      </form>
      <ErrorMessage title="Not added." message={serverError} />
      {opening && (
        <Dialog title={`Open a case: ${opening.name}`} onClose={() => setOpening(null)} size="large">
          <NewCaseForm
            patientId={patient.id}
            holder={{ id: opening.id, organizationId: opening.organizationId }}
            onCancel={() => setOpening(null)}
            onCreated={(cases: Case[]) => {
              setOpening(null)
              const [c] = cases
              if (c) navigate({ page: 'case', id: c.id })
            }}
          />
        </Dialog>
      )}
    </section>
  )
}
