import { useState } from 'react'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Link } from '../../app/Link'
import { navigate } from '../../app/navigation'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { orgKindLabel } from '../../ui/labels'
import { HistoryList } from '../case/HistoryList'
import { HolderScorecard } from '../reports/HolderScorecard'
import { EditOrganization } from './EditOrganization'
import { MergeOrganizationDialog } from './MergeOrganizationDialog'
import { OrgCases } from './OrgCases'
import { OrgContacts } from './OrgContacts'

/** One records holder: its contacts (phone and fax in view), its requests, and its scorecard. */
export function OrganizationPage({ id }: { id: string }) {
  const org = useChannel('orgs.get', { id })
  const [editing, setEditing] = useState(false)
  const [merging, setMerging] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  if (org.isPending) return <p className="muted">Loading…</p>
  if (org.isError) {
    return (
      <div className="page">
        <ErrorMessage title="This organization could not be opened." message={errorText(org.error)} />
        <Link to={{ page: 'organizations' }}>Back to organizations</Link>
      </div>
    )
  }
  const o = org.data
  return (
    <article className="page" aria-labelledby="org-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'organizations' }}>Organizations</Link> <span aria-hidden="true">›</span> <span>{o.name}</span>
      </nav>
      <PageHeader title={<span id="org-title">{o.name}</span>} subtitle={orgKindLabel(o.kind)}>
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="button" onClick={() => setMerging(true)}>
          Merge a duplicate…
        </button>
      </PageHeader>
      <Notice message={message} />
      <OrgContacts org={o} />
      {o.notes && <p className="case-description">{o.notes}</p>}
      <OrgCases organizationId={o.id} />
      <HolderScorecard organizationId={o.id} />
      <HistoryList history={o.history} />
      {editing && (
        <EditOrganization
          id={o.id}
          onClose={() => setEditing(false)}
          onDone={(msg) => {
            setEditing(false)
            // A deleted organization has no page any more.
            if (msg.startsWith('Deleted')) navigate({ page: 'organizations' })
            else setMessage(msg)
          }}
        />
      )}
      {merging && (
        <MergeOrganizationDialog
          keep={{ id: o.id, name: o.name }}
          onClose={() => setMerging(false)}
          onMerged={(msg) => {
            setMerging(false)
            setMessage(msg)
          }}
        />
      )}
    </article>
  )
}
