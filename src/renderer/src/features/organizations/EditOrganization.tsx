import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { OrganizationForm } from './OrganizationForm'

/** Loads one organization in full and edits it in a dialog. */
export function EditOrganization({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: (message: string) => void }) {
  const org = useChannel('orgs.get', { id })
  return (
    <Dialog title={org.data !== undefined ? `Edit ${org.data.name}` : 'Edit organization'} onClose={onClose} size="large">
      {org.isPending && <p className="muted">Loading…</p>}
      {org.isError && <ErrorMessage message={errorText(org.error)} />}
      {org.data !== undefined && (
        <OrganizationForm
          existing={org.data}
          onCancel={onClose}
          onSaved={(o) => onDone(`Saved ${o.name}.`)}
          onDeleted={() => onDone(`Deleted ${org.data.name}.`)}
        />
      )}
    </Dialog>
  )
}
