import { useWords } from '../ui/perspective-words'
import { routeToHash, sectionOf, type Route } from './routes'

const SECTIONS = [
  { page: 'today', label: 'Today' },
  { page: 'caseload', label: 'Caseload' },
  { page: 'patients', label: 'Patients' },
  { page: 'organizations', label: 'Organizations' },
  { page: 'reports', label: 'Reports' },
  { page: 'backups', label: 'Backups' },
  { page: 'import', label: 'Import' },
  { page: 'sync', label: 'Sharing' },
  { page: 'settings', label: 'Settings' }
] as const

export function AppHeader({ route }: { route: Route }) {
  const current = sectionOf(route)
  const words = useWords()
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus() }}>
        Skip to content
      </a>
      <h1 className="app-header__name">Access Advocate</h1>
      <nav aria-label="Main">
        <ul className="nav">
          {SECTIONS.map((s) => (
            <li key={s.page}>
              <a href={routeToHash({ page: s.page })} className="nav__link" aria-current={current === s.page ? 'page' : undefined}>
                {s.page === 'caseload' ? words.caseload : s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span className="app-header__hint" aria-hidden="true">
        Press <kbd>/</kbd> to search cases
      </span>
    </header>
  )
}
