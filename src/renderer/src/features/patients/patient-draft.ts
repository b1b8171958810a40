import { PatientFieldsSchema, type AttachmentRef, type Patient, type PatientFieldsInput, type Representative } from '#core/schemas'
import { dateFieldValue } from '../../ui/date-input'
import { newLocalId } from '../../ui/format'
import { compact, issuesByPath, opt } from '../../ui/zod-errors'

export type RepDraft = {
  id: string
  name: string
  relationship: string
  authority: Representative['authority']
  scope: string
  expires: string
  /** Kept as is: documents are attached elsewhere. */
  authorityDocument?: AttachmentRef
}

export type PatientDraft = {
  name: string
  dateOfBirth: string
  phone: string
  email: string
  address: string
  preferredLanguage: string
  notes: string
  representatives: RepDraft[]
}

export const newPatientDraft = (): PatientDraft => ({ name: '', dateOfBirth: '', phone: '', email: '', address: '', preferredLanguage: '', notes: '', representatives: [] })

export const newRepDraft = (): RepDraft => ({ id: newLocalId('rep'), name: '', relationship: '', authority: 'self', scope: '', expires: '' })

export const patientDraftOf = (p: Patient): PatientDraft => ({
  name: p.name,
  dateOfBirth: p.dateOfBirth ?? '',
  phone: p.contact.phone ?? '',
  email: p.contact.email ?? '',
  address: p.contact.address ?? '',
  preferredLanguage: p.preferredLanguage ?? '',
  notes: p.notes ?? '',
  representatives: p.representatives.map((r) => ({
    id: r.id,
    name: r.name,
    relationship: r.relationship ?? '',
    authority: r.authority,
    scope: r.scope ?? '',
    expires: r.expires ?? '',
    ...(r.authorityDocument && { authorityDocument: r.authorityDocument })
  }))
})

/** The fields a person edits here (identifiers and holders to request are kept as they are). */
export type EditableFields = Pick<PatientFieldsInput, 'name' | 'dateOfBirth' | 'contact' | 'preferredLanguage' | 'notes' | 'representatives'>

export function patientFieldsOf(d: PatientDraft): EditableFields {
  return {
    name: d.name,
    contact: compact({ phone: opt(d.phone), email: opt(d.email), address: opt(d.address) }),
    representatives: d.representatives.map((r) => ({
      id: r.id,
      name: r.name,
      authority: r.authority,
      ...compact({ relationship: opt(r.relationship), scope: opt(r.scope), expires: opt(r.expires), authorityDocument: r.authorityDocument })
    })),
    ...compact({ dateOfBirth: opt(d.dateOfBirth), preferredLanguage: opt(d.preferredLanguage), notes: opt(d.notes) })
  }
}

export type PatientCheck = { ok: true; fields: EditableFields } | { ok: false; errors: Record<string, string> }

/**
 * The dates as typed are read first (a date that is not one keeps the form open with the reason,
 * never saved without it); then the whole patient is checked by the contract's schema.
 */
export function checkPatientDraft(d: PatientDraft): PatientCheck {
  const dateErrors: Record<string, string> = {}
  const iso = (key: string, text: string): string => {
    const read = dateFieldValue(text)
    if (read.error) dateErrors[key] = read.error
    return read.iso ?? ''
  }
  const withIsoDates: PatientDraft = {
    ...d,
    dateOfBirth: iso('dateOfBirth', d.dateOfBirth),
    representatives: d.representatives.map((r, i) => ({ ...r, expires: iso(`representatives.${i}.expires`, r.expires) }))
  }
  const fields = patientFieldsOf(withIsoDates)
  const parsed = PatientFieldsSchema.safeParse(fields)
  const errors = { ...(parsed.success ? {} : issuesByPath(parsed.error)), ...dateErrors }
  return Object.keys(errors).length === 0 ? { ok: true, fields } : { ok: false, errors }
}
