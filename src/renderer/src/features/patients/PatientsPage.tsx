import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { navigate } from '../../app/navigation'
import { DateText } from '../../ui/DateText'
import { Dialog } from '../../ui/Dialog'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { plural } from '../../ui/format'
import { useDebounced } from '../../ui/use-debounced'
import { useKeptState } from '../../ui/use-kept-state'
import { SortHeader } from '../../ui/SortHeader'
import { sortRows, type Sort } from '../../ui/sortable'
import { PatientForm } from './PatientForm'

type PatientColumn = 'name' | 'dateOfBirth' | 'representatives' | 'holdersPending' | 'open' | 'overdue'

/** Everyone the advocate works for. `adding` opens the new-patient form (it is in the URL). */
export function PatientsPage({ adding }: { adding: boolean }) {
  const [text, setText] = useKeptState('patients.text', '')
  const needle = useDebounced(text, 200).trim()
  const list = useChannel('patients.list', needle ? { text: needle } : {})
  const [sort, setSort] = useKeptState<Sort<PatientColumn>>('patients.sort', { key: 'name', desc: false })
  const rows = list.data ? sortRows(list.data, sort, (p, key) => p[key]) : []

  return (
    <section className="page" aria-labelledby="patients-title">
      <PageHeader title={<span id="patients-title">Patients</span>} subtitle={list.data ? plural(list.data.length, 'patient') : undefined}>
        <button type="button" className="button button--primary" onClick={() => navigate({ page: 'patients', adding: true })}>
          Add patient
        </button>
      </PageHeader>
      <div className="filter-bar" role="search" aria-label="Filter patients">
        <div className="filter-bar__row">
          <label className="visually-hidden" htmlFor="patients-search">
            Search patients
          </label>
          <input
            id="patients-search"
            className="input filter-bar__search"
            type="search"
            placeholder="Search by name or identifier…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </div>
      {list.isError && <ErrorMessage title="The patients could not be listed." message={errorText(list.error)} />}
      {list.data?.length === 0 && (
        <EmptyState title={needle ? 'No patient matches.' : 'No patients yet.'}>
          {!needle && (
            <button type="button" className="button button--primary" onClick={() => navigate({ page: 'patients', adding: true })}>
              Add a patient
            </button>
          )}
        </EmptyState>
      )}
      {list.data !== undefined && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="grid" aria-label="Patients">
            <thead>
              <tr>
                <SortHeader label="Name" column="name" sort={sort} onSort={setSort} />
                <SortHeader label="Date of birth" column="dateOfBirth" sort={sort} onSort={setSort} />
                <SortHeader label="Representatives" column="representatives" sort={sort} onSort={setSort} numeric />
                <SortHeader label="Holders still to request" column="holdersPending" sort={sort} onSort={setSort} numeric />
                <SortHeader label="Open" column="open" sort={sort} onSort={setSort} numeric />
                <SortHeader label="Overdue" column="overdue" sort={sort} onSort={setSort} numeric />
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr
                  key={p.id}
                  className="grid__row"
                  tabIndex={0}
                  data-testid="patient-row"
                  onClick={() => navigate({ page: 'patient', id: p.id })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.target === e.currentTarget) navigate({ page: 'patient', id: p.id })
                  }}
                >
                  <td className="grid__td cell-primary">{p.name}</td>
                  <td className="grid__td">
                    <DateText value={p.dateOfBirth} />
                  </td>
                  <td className="grid__td">{p.representatives}</td>
                  <td className="grid__td">{p.holdersPending > 0 ? <strong>{p.holdersPending}</strong> : <span className="muted">0</span>}</td>
                  <td className="grid__td grid__td--num">{p.open}</td>
                  <td className="grid__td grid__td--num">{p.overdue > 0 ? <strong>{p.overdue}</strong> : <span className="muted">0</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <Dialog title="Add a patient" onClose={() => navigate({ page: 'patients' })} size="large">
          <PatientForm onCancel={() => navigate({ page: 'patients' })} onSaved={(p) => navigate({ page: 'patient', id: p.id })} />
        </Dialog>
      )}
    </section>
  )
}
