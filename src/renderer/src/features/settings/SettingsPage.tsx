import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { AdvocateNameSection } from './AdvocateNameSection'
import { LadderSection } from './LadderSection'
import { ProfilesSection } from './ProfilesSection'
import { TemplatesSection } from '../letters/TemplatesSection'

/** Who the advocate is, the rules the clocks count by, and the escalation ladder. */
export function SettingsPage() {
  const [settings, reload] = useQuery(() => call('settings.get', {}), [])
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <PageHeader title={<span id="settings-title">Settings</span>} subtitle="Kept in the data folder with your cases, so a backup holds them too." />
      {settings.status === 'loading' && <p className="muted">Loading…</p>}
      {settings.status === 'error' && <ErrorMessage title="The settings could not be read." message={settings.message} />}
      {settings.status === 'ready' && (
        <>
          <AdvocateNameSection current={settings.data.advocateName ?? ''} onSaved={reload} />
          <ProfilesSection saved={settings.data.savedProfiles} onChanged={reload} />
          <LadderSection stored={settings.data.ladder} onSaved={reload} />
          <TemplatesSection />
        </>
      )}
    </section>
  )
}
