import { BundleButton } from '../import/BundleButton'
import { EmailImport } from '../import/EmailImport'
import { useState } from 'react'
import type { ProfileDefinition } from '#core/clocks/schema'
import { isBuiltInProfileId } from '#core/rules/types'
import type { CaseViewValue } from '#shared/channels/cases'
import { useChannelMutation } from '../../api/queries'
import { Link } from '../../app/Link'
import { Tag } from '../../ui/Badge'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateText } from '../../ui/DateText'
import { Notice } from '../../ui/ErrorMessage'
import { humanize } from '../../ui/format'
import { LongText } from '../../ui/LongText'
import { PageHeader } from '../../ui/PageHeader'
import { profileLabel, referenceKindLabel, requestKindLabel } from '../../ui/labels'
import { EditRequestDialog, savedLabel } from './EditRequestDialog'

type Props = { view: CaseViewValue; savedProfiles: ReadonlyArray<ProfileDefinition>; onAddEvent: () => void }

export function CaseHeader({ view, savedProfiles, onAddEvent }: Props) {
  const c = view.case
  const trash = useChannelMutation('cases.trash')
  const [confirming, setConfirming] = useState(false)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  return (
    <>
      <PageHeader
        title={
          <span id="case-title">
            <Link to={{ page: 'patient', id: c.patientId }}>{view.patientName}</Link>
            <span className="muted"> → </span>
            <span data-testid="case-holder">{view.organizationName}</span>
          </span>
        }
        subtitle={<span data-testid="case-kind">{requestKindLabel(c.requestKind)}</span>}
      >
        {!c.deletedAt && (
          <>
            <button type="button" className="button button--primary" onClick={onAddEvent} aria-keyshortcuts="A" data-testid="open-add-event">
              Add event… <kbd className="kbd" aria-hidden="true">A</kbd>
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null)
                setEditing(true)
              }}
            >
              Edit request…
            </button>
            <BundleButton caseId={c.id} />
            <EmailImport caseId={c.id} />
            <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
              Move to trash…
            </button>
          </>
        )}
      </PageHeader>
      <Notice message={saved} />
      {editing && (
        <EditRequestDialog
          c={c}
          savedProfiles={savedProfiles}
          onClose={() => setEditing(false)}
          onSaved={(m) => {
            setEditing(false)
            setSaved(m)
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Move this case to the trash?"
          confirmLabel="Move to trash"
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await trash.mutateAsync({ id: c.id })
            setConfirming(false)
          }}
        >
          <p>
            The case of {view.patientName} with {view.organizationName} leaves the caseload. It can be restored from the trash for 30 days; after that it is
            deleted for good.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}

/** What was asked for, how, and the case's own notes: below the clock, long notes collapsed. */
export function CaseFacts({ view, savedProfiles }: Omit<Props, 'onAddEvent'>) {
  const c = view.case
  const range = c.requested.range
  return (
    <section className="panel case-about" aria-labelledby="case-about-title" data-testid="case-about">
      <h3 id="case-about-title" className="panel__title">
        The request
      </h3>
        <dl className="facts">
          <div>
            <dt>Rule profile</dt>
            <dd data-testid="case-profile">
              {isBuiltInProfileId(c.profile) ? profileLabel(c.profile) : `${savedLabel(savedProfiles, c.profile)} (saved)`}
              {c.state && ` · state ${c.state}`}
            </dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd className={`priority priority--${c.priority}`} data-testid="case-priority">
              {humanize(c.priority)}
            </dd>
          </div>
          {(range.from || range.to) && (
            <div>
              <dt>Records from</dt>
              <dd>
                <DateText value={range.from} fallback="the start" /> to <DateText value={range.to} fallback="today" />
              </dd>
            </div>
          )}
          {c.requestedFormat && (
            <div>
              <dt>Format asked for</dt>
              <dd>{c.requestedFormat}</dd>
            </div>
          )}
          {c.deliveryManner && (
            <div>
              <dt>Delivery</dt>
              <dd>{c.deliveryManner}</dd>
            </div>
          )}
          <div>
            <dt>References</dt>
            <dd>
              {c.references.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                <ul className="inline-list" data-testid="case-references">
                  {c.references.map((r) => (
                    <li key={`${r.kind}:${r.value}`}>
                      <span className="muted">{referenceKindLabel(r.kind)}:</span> <code>{r.value}</code>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {c.assignee && (
            <div>
              <dt>Advocate</dt>
              <dd>{c.assignee}</dd>
            </div>
          )}
          {c.tags.length > 0 && (
            <div>
              <dt>Tags</dt>
              <dd data-testid="case-tags">
                {c.tags.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
              </dd>
            </div>
          )}
        </dl>
        {c.requested.description && <LongText text={c.requested.description} label="description" className="case-description" testId="case-description" />}
        {c.notes && <LongText text={c.notes} label="notes" className="case-description" testId="case-notes" />}
    </section>
  )
}
