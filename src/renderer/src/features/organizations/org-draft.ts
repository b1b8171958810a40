import { OrganizationFieldsSchema, type Organization, type OrganizationFieldsInput } from '#core/schemas'
import { boolToTri, triToBool, type TriState } from '../../ui/Field'
import { compact, issuesByPath, opt } from '../../ui/zod-errors'

export type ContactDraft = { name: string; phone: string; fax: string; email: string; portalUrl: string }
export type OrgDraft = {
  name: string
  kind: Organization['kind']
  line1: string
  line2: string
  city: string
  addressState: string
  postalCode: string
  state: string
  privacyOfficer: ContactDraft
  records: ContactDraft
  coveredEntity: TriState
  notes: string
}

const emptyContact: ContactDraft = { name: '', phone: '', fax: '', email: '', portalUrl: '' }

export const newOrgDraft = (): OrgDraft => ({
  name: '',
  kind: 'provider',
  line1: '',
  line2: '',
  city: '',
  addressState: '',
  postalCode: '',
  state: '',
  privacyOfficer: { ...emptyContact },
  records: { ...emptyContact },
  coveredEntity: '',
  notes: ''
})

const contactDraft = (c: Organization['records']): ContactDraft => ({
  name: c.name ?? '',
  phone: c.phone ?? '',
  fax: c.fax ?? '',
  email: c.email ?? '',
  portalUrl: c.portalUrl ?? ''
})

export const orgDraftOf = (o: Organization): OrgDraft => ({
  name: o.name,
  kind: o.kind,
  line1: o.address.line1 ?? '',
  line2: o.address.line2 ?? '',
  city: o.address.city ?? '',
  addressState: o.address.state ?? '',
  postalCode: o.address.postalCode ?? '',
  state: o.state ?? '',
  privacyOfficer: contactDraft(o.privacyOfficer),
  records: contactDraft(o.records),
  coveredEntity: boolToTri(o.coveredEntity),
  notes: o.notes ?? ''
})

const contactFields = (c: ContactDraft) => compact({ name: opt(c.name), phone: opt(c.phone), fax: opt(c.fax), email: opt(c.email), portalUrl: opt(c.portalUrl) })

export function orgFieldsOf(d: OrgDraft): OrganizationFieldsInput {
  return {
    name: d.name,
    kind: d.kind,
    address: compact({ line1: opt(d.line1), line2: opt(d.line2), city: opt(d.city), state: opt(d.addressState), postalCode: opt(d.postalCode) }),
    privacyOfficer: contactFields(d.privacyOfficer),
    records: contactFields(d.records),
    ...compact({ state: opt(d.state), coveredEntity: triToBool(d.coveredEntity), notes: opt(d.notes) })
  }
}

export type OrgCheck = { ok: true; fields: OrganizationFieldsInput } | { ok: false; errors: Record<string, string> }

export function checkOrgDraft(d: OrgDraft): OrgCheck {
  const fields = orgFieldsOf(d)
  const parsed = OrganizationFieldsSchema.safeParse(fields)
  return parsed.success ? { ok: true, fields } : { ok: false, errors: issuesByPath(parsed.error) }
}
