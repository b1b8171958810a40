import { useEffect, useState } from 'react'
import { AppInfoBar } from '../features/about/AppInfoBar'
import { BackupsPage } from '../features/backups/BackupsPage'
import { CasePage } from '../features/case/CasePage'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { OrganizationsPage } from '../features/organizations/OrganizationsPage'
import { PatientPage } from '../features/patients/PatientPage'
import { PatientsPage } from '../features/patients/PatientsPage'
import { RecoveryBanner } from '../features/recovery/RecoveryBanner'
import { AppHeader } from './AppHeader'
import { navigate, useRoute } from './navigation'
import type { Route } from './routes'

/** Keys typed into a field belong to the field, never to a shortcut. */
const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

export function App() {
  const route = useRoute()
  // Bumped by "/": the caseload focuses its search box whenever this changes.
  const [searchRequest, setSearchRequest] = useState(0)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      navigate({ page: 'caseload' })
      setSearchRequest((n) => n + 1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="app">
      <AppHeader route={route} />
      <RecoveryBanner />
      <main className="app-main" id="main" tabIndex={-1}>
        <Screen route={route} searchRequest={searchRequest} />
      </main>
      <AppInfoBar />
    </div>
  )
}

function Screen({ route, searchRequest }: { route: Route; searchRequest: number }) {
  switch (route.page) {
    case 'caseload':
      return <CaseloadPage searchRequest={searchRequest} />
    case 'case':
      return <CasePage key={route.id} id={route.id} />
    case 'patients':
      return <PatientsPage adding={route.adding ?? false} />
    case 'patient':
      return <PatientPage key={route.id} id={route.id} />
    case 'organizations':
      return <OrganizationsPage />
    case 'backups':
      return <BackupsPage />
  }
}
