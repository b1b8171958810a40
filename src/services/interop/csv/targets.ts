// What each kind of CSV import can fill: the fields a column may be mapped to, which are required,
// and the header names suggested for each (a suggestion the user confirms, never applied silently).
import { z } from 'zod'

export const IMPORT_KINDS = ['patients', 'orgs', 'cases', 'requests'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export const ImportKindSchema = z.enum(IMPORT_KINDS)

export type FieldKind = 'text' | 'date' | 'state' | 'email' | 'list'
export type TargetField = { key: string; label: string; kind: FieldKind; required: boolean; aliases: string[] }

const f = (key: string, label: string, kind: FieldKind, required: boolean, aliases: string[]): TargetField => ({ key, label, kind, required, aliases })

const patientName = f('patientName', 'Patient name', 'text', true, ['patient', 'patient name', 'name', 'full name'])
const dob = f('dateOfBirth', 'Date of birth', 'date', false, ['dob', 'date of birth', 'birth date', 'birthdate'])
const orgName = f('organizationName', 'Organization', 'text', true, ['organization', 'organisation', 'org', 'holder', 'provider', 'practice', 'facility'])
const orgState = f('organizationState', 'Organization state', 'state', false, ['state', 'org state', 'organization state'])

const CASE_FIELDS: TargetField[] = [
  patientName,
  dob,
  orgName,
  orgState,
  f('reference', 'Reference number', 'text', false, ['reference', 'ref', 'request id', 'request number', 'id', 'tracking number']),
  f('sent', 'Request sent', 'date', false, ['sent', 'date sent', 'request sent', 'requested on', 'request date']),
  f('received', 'Request received', 'date', false, ['received', 'date received', 'received on', 'receipt date']),
  f('delivered', 'Records delivered', 'date', false, ['delivered', 'fulfilled', 'date fulfilled', 'completed', 'date completed']),
  f('denied', 'Denied', 'date', false, ['denied', 'denial date']),
  f('requestKind', 'Request kind', 'text', false, ['kind', 'request kind', 'request type', 'type']),
  f('priority', 'Priority', 'text', false, ['priority']),
  f('tags', 'Tags (separated by ;)', 'list', false, ['tags', 'labels']),
  f('notes', 'Notes', 'text', false, ['notes', 'note', 'comments'])
]

export const TARGETS: Record<ImportKind, TargetField[]> = {
  patients: [
    patientName,
    dob,
    f('email', 'E-mail', 'email', false, ['email', 'e-mail']),
    f('phone', 'Phone', 'text', false, ['phone', 'telephone']),
    f('address', 'Address', 'text', false, ['address']),
    f('preferredLanguage', 'Preferred language', 'text', false, ['language', 'preferred language']),
    f('notes', 'Notes', 'text', false, ['notes', 'note', 'comments'])
  ],
  orgs: [
    f('organizationName', 'Name', 'text', true, ['name', 'organization', 'organisation', 'org']),
    f('kind', 'Kind', 'text', false, ['kind', 'type']),
    f('organizationState', 'State', 'state', false, ['state']),
    f('city', 'City', 'text', false, ['city']),
    f('postalCode', 'ZIP code', 'text', false, ['zip', 'zip code', 'postal code']),
    f('recordsEmail', 'Records e-mail', 'email', false, ['email', 'records email', 'e-mail']),
    f('recordsFax', 'Records fax', 'text', false, ['fax', 'records fax']),
    f('privacyOfficerEmail', 'Privacy officer e-mail', 'email', false, ['privacy officer email', 'privacy email']),
    f('notes', 'Notes', 'text', false, ['notes', 'note', 'comments'])
  ],
  cases: CASE_FIELDS,
  // A practice's own log: the practice is the holder; its request ids are its own reference numbers.
  requests: CASE_FIELDS.map((x) => (x.key === 'received' ? { ...x, required: true } : x))
}

export const targetField = (kind: ImportKind, key: string): TargetField | undefined => TARGETS[kind].find((x) => x.key === key)

const norm = (s: string) => s.trim().toLowerCase().replace(/[_\s]+/g, ' ')

/** Header → field suggestions by name; each field is offered for at most one column. */
export function suggestMapping(kind: ImportKind, headers: ReadonlyArray<string>): Record<string, string | null> {
  const used = new Set<string>()
  const out: Record<string, string | null> = {}
  for (const h of headers) {
    const n = norm(h)
    const hit = TARGETS[kind].find((t) => !used.has(t.key) && (norm(t.label) === n || t.key.toLowerCase() === n.replace(/ /g, '') || t.aliases.includes(n)))
    out[h] = hit ? hit.key : null
    if (hit) used.add(hit.key)
  }
  return out
}
