import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField } from '../../ui/Field'
import { plural } from '../../ui/format'

type Props = { keep: { id: string; name: string }; onClose: () => void; onMerged: (message: string) => void }

/**
 * Merge a duplicate into this organization: pick the duplicate, see how many requests move, then
 * confirm. The services move the cases, note it in every audit trail concerned, and remove the duplicate.
 */
export function MergeOrganizationDialog({ keep, onClose, onMerged }: Props) {
  const list = useChannel('orgs.list', {})
  const merge = useChannelMutation('orgs.merge')
  const [duplicate, setDuplicate] = useState('')
  const [confirming, setConfirming] = useState(false)
  const others = (list.data ?? []).filter((o) => o.id !== keep.id)
  const chosen = others.find((o) => o.id === duplicate)
  const cases = useChannel('cases.list', { organizationId: duplicate || keep.id, trash: 'include' }, { enabled: duplicate !== '' })

  if (confirming && chosen) {
    const moving = cases.data?.length ?? 0
    return (
      <ConfirmDialog
        title={`Merge ${chosen.name} into ${keep.name}?`}
        confirmLabel="Merge organizations"
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          const result = await merge.mutateAsync({ keep: keep.id, duplicate: chosen.id })
          onMerged(`Merged ${result.removed.name} into ${result.organization.name}: ${plural(result.movedCases.length, 'request')} moved.`)
        }}
      >
        <p>
          {plural(moving, 'request')} of <strong>{chosen.name}</strong> (in the trash too) will move to <strong>{keep.name}</strong>, and each
          case’s history will say so. Blank contact details of {keep.name} are filled from {chosen.name}; then {chosen.name} is removed. This cannot be undone.
        </p>
      </ConfirmDialog>
    )
  }

  return (
    <Dialog title={`Merge a duplicate into ${keep.name}`} onClose={onClose} size="medium" testId="merge-dialog">
      {list.isError && <ErrorMessage message={errorText(list.error)} />}
      {others.length === 0 && list.data !== undefined ? (
        <p className="muted">There is no other organization to merge.</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (chosen) setConfirming(true)
          }}
        >
          <SelectField
            label="The duplicate to merge in"
            value={duplicate}
            onChange={setDuplicate}
            options={[{ value: '', label: 'Choose an organization…' }, ...others.map((o) => ({ value: o.id, label: `${o.name}${o.city ? `, ${o.city}` : ''}${o.state ? ` (${o.state})` : ''}` }))]}
            hint="Its requests move here; it is then removed."
          />
          {chosen && cases.data && (
            <p role="status" data-testid="merge-preview">
              {plural(cases.data.length, 'request')} will move from {chosen.name}.
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={!chosen}>
              Continue…
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
