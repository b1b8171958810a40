import { useState } from 'react'
import { ORGANIZATION_KINDS } from '#core/schemas'
import type { ChannelInput } from '#shared/contract'
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
import { navigate } from '../../app/navigation'
import { SortHeader } from '../../ui/SortHeader'
import { sortRows, type Sort } from '../../ui/sortable'
import { OrganizationForm } from './OrganizationForm'

type OrgColumn = 'name' | 'kind' | 'city' | 'state' | 'open' | 'overdue'

type Kind = (typeof ORGANIZATION_KINDS)[number]

/** The directory of records holders, sortable by any column; a row opens the organization's page. */
export function OrganizationsPage() {
  const [text, setText] = useKeptState('orgs.text', '')
  const [kind, setKind] = useKeptState<Kind | ''>('orgs.kind', '')
  const needle = useDebounced(text, 200)
  const input: ChannelInput<'orgs.list'> = { ...(needle.trim() && { text: needle.trim() }), ...(kind && { kind }) }
  const list = useChannel('orgs.list', input)
  const [adding, setAdding] = useState(false)
  const [sort, setSort] = useKeptState<Sort<OrgColumn>>('orgs.sort', { key: 'name', desc: false })
  const rows = list.data ? sortRows(list.data, sort, (o, key) => (key === 'kind' ? orgKindLabel(o.kind) : o[key])) : []
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
                <SortHeader label="Name" column="name" sort={sort} onSort={setSort} />
                <SortHeader label="Kind" column="kind" sort={sort} onSort={setSort} />
                <SortHeader label="City" column="city" sort={sort} onSort={setSort} />
                <SortHeader label="State" column="state" sort={sort} onSort={setSort} />
                <SortHeader label="Open" column="open" sort={sort} onSort={setSort} numeric />
                <SortHeader label="Overdue" column="overdue" sort={sort} onSort={setSort} numeric />
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr
                  key={o.id}
                  className="grid__row"
                  tabIndex={0}
                  data-testid="org-row"
                  onClick={() => navigate({ page: 'organization', id: o.id })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.target === e.currentTarget) navigate({ page: 'organization', id: o.id })
                  }}
                >
                  <td className="grid__td cell-primary">{o.name}</td>
                  <td className="grid__td">{orgKindLabel(o.kind)}</td>
                  <td className="grid__td">{o.city ?? <span className="muted">—</span>}</td>
                  <td className="grid__td">{o.state ?? <span className="muted">—</span>}</td>
                  <td className="grid__td grid__td--num">{o.open}</td>
                  <td className="grid__td grid__td--num">{o.overdue > 0 ? <strong>{o.overdue}</strong> : <span className="muted">0</span>}</td>
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
    </section>
  )
}
