// Deleting an organization: offered only when no case names it. One that cases still name gets the
// list of those cases as links and the two actions that exist: merge it into the organization its
// cases should name (every case moves at once), or open a case and change its records holder.
import type { Organization } from '#core/schemas'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { requestKindLabel, statusLabel } from '../../ui/labels'

type Props = { organization: Organization; onClose: () => void; onDeleted: () => void }

export function DeleteOrganizationDialog({ organization, onClose, onDeleted }: Props) {
  const cases = useChannel('cases.list', { organizationId: organization.id, trash: 'include' })
  const remove = useChannelMutation('orgs.remove')
  if (cases.isPending) {
    return (
      <Dialog title={`Delete ${organization.name}?`} onClose={onClose} size="small" testId="confirm-dialog">
        <p className="muted">Looking for this organization's cases…</p>
      </Dialog>
    )
  }
  const referring = cases.data ?? []
  if (referring.length > 0) {
    return (
      <Dialog title={`${organization.name} cannot be deleted yet`} onClose={onClose} size="small" testId="org-delete-refusal">
        <p role="alert">
          {referring.length === 1 ? 'One case names' : `${referring.length} cases name`} {organization.name} as the records holder. An organization can be deleted once no case
          names it.
        </p>
        <ul className="plain-list" data-testid="referring-cases">
          {referring.map((c) => (
            <li key={c.id}>
              <Link to={{ page: 'case', id: c.id }}>
                {c.patientName}: {requestKindLabel(c.requestKind)}
              </Link>{' '}
              <span className="muted">
                ({statusLabel(c.status)}
                {c.deletedAt ? ', in the trash until it is deleted for good' : ''})
              </span>
            </li>
          ))}
        </ul>
        <p>
          If it is a duplicate, open the organization to keep and choose “Merge a duplicate…”: these cases move there and {organization.name} is removed. To move one case,
          open it and choose “Edit request…”, then “Change the records holder”.
        </p>
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
      title={`Delete ${organization.name}?`}
      confirmLabel="Delete organization"
      danger
      onClose={onClose}
      onConfirm={async () => {
        await remove.mutateAsync({ id: organization.id })
        onDeleted()
      }}
    >
      <p>This removes the organization from the directory for good. No case names it.</p>
    </ConfirmDialog>
  )
}
