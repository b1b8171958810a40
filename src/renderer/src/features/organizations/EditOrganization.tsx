import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { OrganizationForm } from './OrganizationForm'
import { HolderScorecard } from '../reports/HolderScorecard'

/** Loads one organization in full and edits it in a dialog. */
export function EditOrganization({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: (message: string) => void }) {
  const [org] = useQuery(() => call('orgs.get', { id }), [id])
  return (
    <Dialog title={org.status === 'ready' ? `Edit ${org.data.name}` : 'Edit organization'} onClose={onClose} size="large">
      {org.status === 'loading' && <p className="muted">Loading…</p>}
      {org.status === 'error' && <ErrorMessage message={org.message} />}
      {org.status === 'ready' && (
        <OrganizationForm
          existing={org.data}
          onCancel={onClose}
          onSaved={(o) => onDone(`Saved ${o.name}.`)}
          onDeleted={() => onDone(`Deleted ${org.data.name}.`)}
        />
      )}
      {org.status === 'ready' && <HolderScorecard organizationId={id} />}
    </Dialog>
  )
}
