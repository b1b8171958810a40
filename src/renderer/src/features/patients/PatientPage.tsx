import { useState } from 'react'
import type { Case } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { navigate } from '../../app/navigation'
import { DateText } from '../../ui/DateText'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { authorityLabel } from '../../ui/labels'
import { NewCaseForm } from '../new-case/NewCaseForm'
import { DeletePatientDialog } from './DeletePatientDialog'
import { HoldersSection } from './HoldersSection'
import { PatientCases } from './PatientCases'
import { PatientForm } from './PatientForm'

/** One patient: who they are, who acts for them, their requests and the holders still to ask. */
export function PatientPage({ id }: { id: string }) {
  const patient = useChannel('patients.get', { id })
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [newCase, setNewCase] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  if (patient.isPending) return <p className="muted">Loading…</p>
  if (patient.isError) {
    return (
      <div className="page">
        <ErrorMessage title="This patient could not be opened." message={errorText(patient.error)} />
        <Link to={{ page: 'patients' }}>Back to patients</Link>
      </div>
    )
  }
  const p = patient.data
  const created = (cases: Case[]) => {
    setNewCase(false)
    const [only] = cases
    if (cases.length === 1 && only) navigate({ page: 'case', id: only.id })
    else setMessage(`Created ${cases.length} requests, one to each organization (a batch).`)
  }

  return (
    <article className="page" aria-labelledby="patient-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'patients' }}>Patients</Link> <span aria-hidden="true">›</span> <span>{p.name}</span>
      </nav>
      <PageHeader title={<span id="patient-title">{p.name}</span>} subtitle={p.dateOfBirth ? <>Born <DateText value={p.dateOfBirth} /></> : undefined}>
        <button type="button" className="button button--primary" onClick={() => setNewCase(true)}>
          New request…
        </button>
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)}>
          Delete…
        </button>
      </PageHeader>
      <Notice message={message} />
      <dl className="facts">
        <div>
          <dt>Phone</dt>
          <dd>{p.contact.phone ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{p.contact.email ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>{p.contact.address ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{p.preferredLanguage || <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Representatives</dt>
          <dd>
            {p.representatives.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <ul className="inline-list">
                {p.representatives.map((r) => (
                  <li key={r.id}>
                    {r.name} <span className="muted">({[r.relationship, authorityLabel(r.authority)].filter(Boolean).join(', ')}{r.expires && <>, until <DateText value={r.expires} /></>})</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {p.notes && <p className="case-description">{p.notes}</p>}

      <PatientCases patientId={p.id} />
      <HoldersSection patient={p} />

      {editing && (
        <Dialog title={`Edit ${p.name}`} onClose={() => setEditing(false)} size="large">
          <PatientForm
            existing={p}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              setMessage('Saved.')
            }}
          />
        </Dialog>
      )}
      {newCase && (
        <Dialog title={`New request for ${p.name}`} onClose={() => setNewCase(false)} size="large">
          <NewCaseForm patientId={p.id} onCreated={created} onCancel={() => setNewCase(false)} />
        </Dialog>
      )}
      {deleting && <DeletePatientDialog patient={p} onClose={() => setDeleting(false)} />}
    </article>
  )
}
