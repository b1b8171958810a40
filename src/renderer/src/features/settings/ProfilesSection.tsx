import { useRef, useState } from 'react'
import type { ProfileDefinition } from '#core/clocks/schema'
import { BUILT_IN_PROFILES, type BuiltInProfile, type DeadlineRule } from '#core/rules'
import { useChannelMutation } from '../../api/queries'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateText } from '../../ui/DateText'
import { Notice } from '../../ui/ErrorMessage'
import { formatDay, plural } from '../../ui/format'
import { useKeptState } from '../../ui/use-kept-state'
import { draftForNewVersion, newProfileDraft, type ProfileDraft } from './profile-draft'
import { ProfileForm } from './ProfileForm'

const counting = (days: number, kind: string) => `${days} ${kind} ${days === 1 ? 'day' : 'days'}`

function ruleText(r: DeadlineRule | undefined): string {
  if (!r) return '—'
  const e = r.extension
  const ext = !e
    ? ', no extension of its own'
    : e.counted === 'after-receipt'
      ? `, one ${e.noticeName} to at most ${counting(e.days, r.dayKind)} after receipt`
      : `, one extension of up to ${counting(e.days, r.dayKind)}`
  return `${counting(r.days, r.dayKind)}${ext}`
}

function InForceText({ inForce }: { inForce: { from: string | null; to: string | null } | null | undefined }) {
  if (inForce === null) return <strong>never (a proposal)</strong>
  if (!inForce || (!inForce.from && !inForce.to)) return <span className="muted">always</span>
  return (
    <>
      {inForce.from ? <>from <DateText value={inForce.from} /></> : 'until'} {inForce.from && inForce.to ? ' until ' : ''}
      {inForce.to && <DateText value={inForce.to} />}
    </>
  )
}

/** Saved versions grouped by profile id, each group in the order the versions were saved. */
function groupById(saved: ReadonlyArray<ProfileDefinition>): Array<[string, ProfileDefinition[]]> {
  const groups = new Map<string, ProfileDefinition[]>()
  for (const p of saved) groups.set(p.id, [...(groups.get(p.id) ?? []), p])
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
}

export function ProfilesSection({ saved }: { saved: ReadonlyArray<ProfileDefinition> }) {
  const remove = useChannelMutation('profiles.remove')
  const [draft, setDraft] = useKeptState<ProfileDraft>('settings.profile-draft', newProfileDraft)
  const [removing, setRemoving] = useState<string | null>(null)
  const [replacing, setReplacing] = useState<ProfileDraft | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const formTitle = useRef<HTMLHeadingElement>(null)
  const groups = groupById(saved)

  const startVersion = (next: ProfileDraft) => {
    const untouched = JSON.stringify(draft) === JSON.stringify(newProfileDraft())
    if (untouched) {
      setDraft(next)
      formTitle.current?.scrollIntoView({ block: 'start' })
      formTitle.current?.focus()
    } else setReplacing(next)
  }

  return (
    <section className="panel" aria-labelledby="profiles-title" data-testid="profiles">
      <h3 id="profiles-title" className="panel__title">
        Rule profiles
      </h3>
      <p className="hint">
        A case is counted by its profile. The built-in ones cannot change; your own stand alone (they are not combined with HIPAA) and keep every version, so
        each case is judged by the version in force on the day its request was received.
      </p>

      <h4 className="panel__subtitle">Built in</h4>
      <div className="table-wrap">
        <table className="simple-table profiles-table" aria-label="Built-in rule profiles" data-testid="builtin-profiles">
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Access clock</th>
              <th scope="col">Citation</th>
              <th scope="col">In force</th>
            </tr>
          </thead>
          <tbody>
            {BUILT_IN_PROFILES.map((p) => (
              <BuiltInRow key={`${p.id}@${p.version}`} profile={p} />
            ))}
          </tbody>
        </table>
      </div>

      <h4 className="panel__subtitle">Your profiles</h4>
      <Notice message={message} />
      {groups.length === 0 ? (
        <p className="muted">None yet. Add one below: an organisation&rsquo;s internal policy, another state&rsquo;s rule.</p>
      ) : (
        <ul className="saved-profiles" data-testid="saved-profiles">
          {groups.map(([id, versions]) => {
            const latest = versions[versions.length - 1]
            return (
              <li key={id} className="saved-profile" data-testid="saved-profile" data-profile-id={id}>
                <div className="saved-profile__head">
                  <strong>{latest?.label}</strong> <code>{id}</code> <span className="muted small">{plural(versions.length, 'version')}</span>
                  <span className="saved-profile__actions">
                    <button type="button" className="button button--small" onClick={() => startVersion(draftForNewVersion(versions))} aria-label={`New version of ${id}`}>
                      New version…
                    </button>
                    <button type="button" className="button button--small button--danger-outline" onClick={() => setRemoving(id)} aria-label={`Remove ${id}`}>
                      Remove…
                    </button>
                  </span>
                </div>
                <table className="simple-table" aria-label={`Versions of ${id}`}>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Name</th>
                      <th scope="col">Clock</th>
                      <th scope="col">Holidays</th>
                      <th scope="col">In force</th>
                      <th scope="col">Citation</th>
                    </tr>
                  </thead>
                  <tbody>
                    {versions.map((v) => (
                      <tr key={v.version} data-testid="profile-version">
                        <td>
                          <code>{v.version}</code>
                        </td>
                        <td>{v.label}</td>
                        <td>
                          {counting(v.days, v.dayKind)}
                          {v.extensionDays > 0 ? `, extension up to ${counting(v.extensionDays, v.dayKind)}` : ', no extension'}
                          {v.rollForward ? '; a due date on a weekend or holiday moves to the next business day' : ''}
                        </td>
                        <td>{v.holidays.length === 0 ? <span className="muted">none</span> : v.holidays.map((d) => formatDay(d)).join(', ')}</td>
                        <td>
                          <InForceText inForce={v.inForce} />
                        </td>
                        <td>{v.citation ?? <span className="muted">none</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            )
          })}
        </ul>
      )}

      <h4 className="panel__subtitle" id="profile-form-title" ref={formTitle} tabIndex={-1}>
        Add a profile or a new version
      </h4>
      <ProfileForm
        draft={draft}
        setDraft={setDraft}
        savedIds={groups.map(([id]) => id)}
        onSaved={() => setMessage(null)}
      />

      {removing && (
        <ConfirmDialog
          title={`Remove the profile ${removing}?`}
          confirmLabel="Remove every version"
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await remove.mutateAsync({ id: removing })
            setMessage(`Removed the profile ${removing}.`)
            setRemoving(null)
          }}
        >
          <p>Every saved version of this profile is removed. This is refused while a case uses it: change those cases&rsquo; profile first.</p>
        </ConfirmDialog>
      )}
      {replacing && (
        <ConfirmDialog
          title="Replace what you typed?"
          confirmLabel="Start the new version"
          onClose={() => setReplacing(null)}
          onConfirm={async () => {
            setDraft(replacing)
            setReplacing(null)
            formTitle.current?.focus()
          }}
        >
          <p>The profile form below holds something you typed and have not saved. Starting a new version replaces it.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** How Settings names each built-in holiday calendar. */
const HOLIDAY_SET_NAMES: Readonly<Record<NonNullable<BuiltInProfile['holidays']>, string>> = {
  'us-federal': 'US federal',
  'texas-state': 'Texas state offices (Gov’t Code §662.003)',
  'washington-state': 'Washington legal holidays (RCW 1.16.050)',
  'california-judicial': 'California judicial holidays (Code Civ. Proc. §135), for the roll-forward'
}

function BuiltInRow({ profile: p }: { profile: BuiltInProfile }) {
  const access = p.rules.access
  return (
    <tr data-testid="builtin-profile" data-profile-id={p.id}>
      <td>
        <strong>{p.label}</strong> <code>{p.id}</code>
        {p.status === 'proposed' && (
          <>
            {' '}
            <span className="badge badge--proposal">proposal, not in force</span>
          </>
        )}
        {p.note && <div className="muted small">{p.note}</div>}
      </td>
      <td>
        {ruleText(access)}
        {p.holidays && <div className="muted small">holidays: {HOLIDAY_SET_NAMES[p.holidays]}</div>}
      </td>
      <td>
        {access?.citation ?? '—'}
        {access?.verify && <div className="muted small">{access.verify}</div>}
      </td>
      <td>
        <InForceText inForce={p.inForce} /> <span className="muted small">· version {p.version}</span>
      </td>
    </tr>
  )
}
