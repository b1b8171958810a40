import type { Organization } from '#core/schemas'

type Contact = Organization['records']

const dash = <span className="muted">—</span>

/** One contact (the records office, the privacy officer): name, phone, fax, e-mail and portal, all visible. */
function ContactCard({ title, contact }: { title: string; contact: Contact }) {
  const id = `contact-${title.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <section className="panel" aria-labelledby={id} data-testid={id}>
      <h3 id={id} className="panel__title">
        {title}
      </h3>
      <dl className="facts">
        <div>
          <dt>Name</dt>
          <dd>{contact.name ?? dash}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : dash}</dd>
        </div>
        <div>
          <dt>Fax</dt>
          <dd>{contact.fax ?? dash}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{contact.email ?? dash}</dd>
        </div>
        <div>
          <dt>Portal</dt>
          <dd>{contact.portalUrl ?? dash}</dd>
        </div>
      </dl>
    </section>
  )
}

export function OrgContacts({ org }: { org: Organization }) {
  const a = org.address
  const address = [a.line1, a.line2, [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(' · ')
  return (
    <div className="org-contacts">
      <dl className="facts">
        <div>
          <dt>Address</dt>
          <dd>{address || dash}</dd>
        </div>
        <div>
          <dt>State law</dt>
          <dd>{org.state ?? dash}</dd>
        </div>
        <div>
          <dt>HIPAA covered entity</dt>
          <dd>{org.coveredEntity === undefined ? 'unknown' : org.coveredEntity ? 'yes' : 'no'}</dd>
        </div>
      </dl>
      <ContactCard title="Records (HIM) office" contact={org.records} />
      <ContactCard title="Privacy officer" contact={org.privacyOfficer} />
    </div>
  )
}
