import { useState } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { errorText } from '../api/error-text'
import { useChannel, useChannelMutation } from '../api/queries'
import { AppInfoBar } from '../features/about/AppInfoBar'
import { BackupFailureBanner } from '../features/backups/BackupFailureBanner'
import { BackupsPage } from '../features/backups/BackupsPage'
import { CasePage } from '../features/case/CasePage'
import { CaseloadPage } from '../features/caseload/CaseloadPage'
import { TodayPage } from '../features/today/TodayPage'
import { OrganizationsPage } from '../features/organizations/OrganizationsPage'
import { OrganizationPage } from '../features/organizations/OrganizationPage'
import { FirstRunGate } from '../features/first-run/FirstRunGate'
import { PerspectiveSync } from '../features/perspective/PerspectiveSync'
import { usePerspective } from '../ui/perspective-words'
import { PatientPage } from '../features/patients/PatientPage'
import { PatientsPage } from '../features/patients/PatientsPage'
import { RecoveryBanner } from '../features/recovery/RecoveryBanner'
import { ReportsPage } from '../features/reports/ReportsPage'
import { RecoveryPage } from '../features/recovery/RecoveryPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { SyncBanner } from '../features/sync/SyncBanner'
import { SyncPage } from '../features/sync/SyncPage'
import { ErrorMessage } from '../ui/ErrorMessage'
import { AppHeader } from './AppHeader'
import { RenderFailure } from './RenderFailure'
import { DataFolderContext, type DataFolder } from './data-folder'
import { navigate, useRoute } from './navigation'
import type { Route } from './routes'
import { ImportPage } from '../features/import/ImportPage'
import { UndoBar } from '../features/caseload/UndoBar'
import { SampleBanner } from './SampleBanner'
import { UnlockScreen } from './UnlockScreen'
import { useCommandSources } from './commands'
import { useAppCommands } from './use-app-commands'
import { ShortcutsDialog } from '../features/appearance/ShortcutsDialog'
import { ThemeFollower } from '../features/appearance/ThemeFollower'

export function App() {
  const route = useRoute()
  const host = useChannel('app.status', {})
  const useSample = useChannelMutation('app.useSample')
  const useOwnData = useChannelMutation('app.useOwnData')
  const switchError = useSample.error ?? useOwnData.error
  // Bumped by "/": the caseload focuses its search box whenever this changes.
  const [searchRequest, setSearchRequest] = useState(0)

  const [shortcuts, setShortcuts] = useState(false)
  // One registry for keys, menu and buttons (commands.ts); what each app-wide command does.
  useCommandSources()
  useAppCommands(route, {
    search: () => {
      navigate({ page: 'caseload' })
      setSearchRequest((n) => n + 1)
    },
    shortcuts: () => setShortcuts(true)
  })

  const ready = host.data?.state === 'ready' ? host.data : null
  const perspective = usePerspective()
  const folder: DataFolder = {
    sample: ready?.sample ?? false,
    dataDir: ready?.dataDir ?? '',
    switchTo: async (which) => {
      useSample.reset()
      useOwnData.reset()
      // Switching invalidates every query (app.status with them): the window follows by itself.
      const done = await (which === 'sample' ? useSample : useOwnData).mutateAsync({}).then(
        () => true,
        () => false
      )
      if (done) navigate({ page: 'caseload' })
    }
  }

  return (
    <DataFolderContext.Provider value={folder}>
      <div className="app">
        <AppHeader route={route} />
        {ready && <PerspectiveSync />}
        {/* Everything below is mounted afresh when the window switches data folders, and when the
            perspective changes (every label is drawn again in the new words). */}
        <div className="app-body" key={ready ? `${ready.dataDir}|${ready.sample}|${perspective}` : 'closed'}>
          {ready && <ThemeFollower />}
          {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
          {ready && <RecoveryBanner />}
          {ready && <BackupFailureBanner />}
          {ready && <SyncBanner />}
          {ready?.sample && <SampleBanner />}
          <main className="app-main" id="main" tabIndex={-1}>
            <ErrorMessage message={switchError ? errorText(switchError) : null} />
            {host.isPending && <p className="muted">Opening your data…</p>}
            {host.isError && <ErrorMessage title="The data folder could not be opened." message={errorText(host.error)} />}
            {host.data?.state === 'locked' && <UnlockScreen state={host.data} />}
            {ready && (
              // A screen that fails to render says so, with a way back, instead of leaving the window blank.
              <ErrorBoundary FallbackComponent={RenderFailure} resetKeys={[JSON.stringify(route)]}>
                <FirstRunGate sample={ready.sample}>
                  <Screen route={route} searchRequest={searchRequest} />
                </FirstRunGate>
              </ErrorBoundary>
            )}
          </main>
          {ready && <UndoBar />}
          <AppInfoBar />
        </div>
      </div>
    </DataFolderContext.Provider>
  )
}

function Screen({ route, searchRequest }: { route: Route; searchRequest: number }) {
  switch (route.page) {
    case 'caseload':
      return <CaseloadPage searchRequest={searchRequest} />
    case 'today':
      return <TodayPage />
    case 'case':
      return <CasePage key={route.id} id={route.id} {...(route.intent && { intent: route.intent })} />
    case 'patients':
      return <PatientsPage adding={route.adding ?? false} />
    case 'patient':
      return <PatientPage key={route.id} id={route.id} />
    case 'organizations':
      return <OrganizationsPage />
    case 'organization':
      return <OrganizationPage key={route.id} id={route.id} />
    case 'backups':
      return <BackupsPage />
    case 'settings':
      return <SettingsPage />
    case 'sync':
      return <SyncPage />
    case 'reports':
      return <ReportsPage key={route.organizationId ?? ''} {...(route.organizationId && { organizationId: route.organizationId })} />
    case 'import':
      return <ImportPage />
    case 'recovery':
      return <RecoveryPage />
  }
}
