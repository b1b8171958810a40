import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { PageHeader } from '../../ui/PageHeader'
import { AdvocateNameSection } from './AdvocateNameSection'
import { LadderSection } from './LadderSection'
import { TodaySettingsSection } from './TodaySettingsSection'
import { ProfilesSection } from './ProfilesSection'
import { TemplatesSection } from '../letters/TemplatesSection'

/** Who the advocate is, the rules the clocks count by, and the escalation ladder. */
export function SettingsPage() {
  const settings = useChannel('settings.get', {})
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <PageHeader title={<span id="settings-title">Settings</span>} subtitle="Kept in the data folder with your cases, so a backup holds them too." />
      {settings.isPending && <p className="muted">Loading…</p>}
      {settings.isError && <ErrorMessage title="The settings could not be read." message={errorText(settings.error)} />}
      {settings.data !== undefined && (
        <>
          <AdvocateNameSection current={settings.data.advocateName ?? ''} />
          <ProfilesSection saved={settings.data.savedProfiles} />
          <LadderSection stored={settings.data.ladder} />
          <TodaySettingsSection notify={settings.data.notifyDueToday !== false} checkDays={settings.data.agencyCheckDays} />
          <TemplatesSection />
        </>
      )}
    </section>
  )
}
