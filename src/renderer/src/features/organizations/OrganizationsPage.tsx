import { useState } from 'react'
import { ORGANIZATION_KINDS } from '../../../../core/schemas'
import type { ChannelInput } from '../../../../shared/contract'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { Dialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { orgKindLabel } from '../../ui/labels'
import { useDebounced } from '../../ui/use-debounced'
import { useKeptState } from '../../ui/use-kept-state'
import { EditOrganization } from './EditOrganization'
import { OrganizationForm } from './OrganizationForm'

type Kind = (typeof ORGANIZATION_KINDS)[number]

/** The directory of records holders. */
export function OrganizationsPage() {
  const [text, setText] = useKeptState('orgs.text', '')
  const [kind, setKind] = useKeptState<Kind | ''>('orgs.kind', '')
  const needle = useDebounced(text, 200)
  const input: ChannelInput<'orgs.list'> = { ...(needle.trim() && { text: needle.trim() }), ...(kind && { kind }) }
  const list = useChannel('orgs.list', input)
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  return (
    <section className="page" aria-labelledby="orgs-title">
      <PageHeader title={<span id="orgs-title">Organizations</span>} subtitle={list.data !== undefined ? plural(list.data.length, 'organization') : undefined}>
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Add organization
        </button>
      </PageHeader>
      <div className="filter-bar" role="search" aria-label="Filter organizations">
        <div className="filter-bar__row">
          <label className="visually-hidden" htmlFor="orgs-search">
            Search organizations
          </label>
          <input id="orgs-search" className="input filter-bar__search" type="search" placeholder="Search by name…" value={text} onChange={(e) => setText(e.target.value)} />
          <label className="visually-hidden" htmlFor="orgs-kind">
            Kind
          </label>
          <select id="orgs-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">Any kind</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {orgKindLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Notice message={message} />
      {list.isError && <ErrorMessage title="The organizations could not be listed." message={errorText(list.error)} />}
      {list.data?.length === 0 && (
        <EmptyState title={needle || kind ? 'No organization matches.' : 'No organizations yet.'}>
          <p>Hospitals, clinics, labs, health plans and copy vendors that hold records.</p>
        </EmptyState>
      )}
      {list.data !== undefined && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" aria-label="Organizations">
            <thead>
              <tr>
                <th scope="col" className="grid__th">Name</th>
                <th scope="col" className="grid__th">Kind</th>
                <th scope="col" className="grid__th">City</th>
                <th scope="col" className="grid__th">State</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((o) => (
                <tr
                  key={o.id}
                  className="grid__row"
                  tabIndex={0}
                  data-testid="org-row"
                  onClick={() => setEditing(o.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.target === e.currentTarget) setEditing(o.id)
                  }}
                >
                  <td className="grid__td cell-primary">{o.name}</td>
                  <td className="grid__td">{orgKindLabel(o.kind)}</td>
                  <td className="grid__td">{o.city ?? <span className="muted">—</span>}</td>
                  <td className="grid__td">{o.state ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <Dialog title="Add an organization" onClose={() => setAdding(false)} size="large">
          <OrganizationForm
            onCancel={() => setAdding(false)}
            onSaved={(o) => {
              setAdding(false)
              setMessage(`Added ${o.name}.`)
            }}
          />
        </Dialog>
      )}
      {editing && (
        <EditOrganization
          id={editing}
          onClose={() => setEditing(null)}
          onDone={(msg) => {
            setEditing(null)
            setMessage(msg)
          }}
        />
      )}
    </section>
  )
}
