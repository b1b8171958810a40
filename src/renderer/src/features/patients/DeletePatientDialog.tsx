// Deleting a patient: offered only when nothing refers to them. A patient whose cases are kept
// (also in the trash, which can bring them back) gets the list of those cases as links, and the one
// action that exists: open a case and give it another patient (Edit request → Patient).
import type { Patient } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { navigate } from '../../app/navigation'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { requestKindLabel, statusLabel } from '../../ui/labels'

export function DeletePatientDialog({ patient, onClose }: { patient: Patient; onClose: () => void }) {
  const cases = useChannel('cases.list', { patientId: patient.id, trash: 'include' })
  const remove = useChannelMutation('patients.remove')
  if (cases.isPending) {
    return (
      <Dialog title={`Delete ${patient.name}?`} onClose={onClose} size="small" testId="confirm-dialog">
        <p className="muted">Looking for this patient's cases…</p>
      </Dialog>
    )
  }
  const referring = cases.data ?? []
  if (referring.length > 0) {
    return (
      <Dialog title={`${patient.name} cannot be deleted yet`} onClose={onClose} size="small" testId="patient-delete-refusal">
        <p role="alert">
          {referring.length === 1 ? 'One case belongs' : `${referring.length} cases belong`} to {patient.name}. A patient can be deleted once no case names them.
        </p>
        <ul className="plain-list" data-testid="referring-cases">
          {referring.map((c) => (
            <li key={c.id}>
              <Link to={{ page: 'case', id: c.id }}>
                {c.organizationName}: {requestKindLabel(c.requestKind)}
              </Link>{' '}
              <span className="muted">
                ({statusLabel(c.status)}
                {c.deletedAt ? ', in the trash until it is deleted for good' : ''})
              </span>
            </li>
          ))}
        </ul>
        <p>To keep a case but move it to another patient, open it and choose “Edit request…”, then the right patient.</p>
        <ErrorMessage message={cases.isError ? errorText(cases.error) : null} />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    )
  }
  return (
    <ConfirmDialog
      title={`Delete ${patient.name}?`}
      confirmLabel="Delete patient"
      danger
      onClose={onClose}
      onConfirm={async () => {
        await remove.mutateAsync({ id: patient.id })
        navigate({ page: 'patients' })
      }}
    >
      <p>This removes the patient and their details for good. No case names them.</p>
    </ConfirmDialog>
  )
}
