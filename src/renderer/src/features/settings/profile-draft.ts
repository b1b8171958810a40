// The "add profile / new version" form's draft: every field as typed, and the one function that
// turns it into a ProfileDefinition checked with the contract's own schema.
import { dateFieldValue } from '../../ui/date-input'
import { ProfileDefinitionSchema, type ProfileDefinition } from '#core/clocks/schema'
import { issuesByPath } from '../../ui/zod-errors'

export type ProfileDraft = {
  id: string
  label: string
  version: string
  days: string
  dayKind: 'calendar' | 'business'
  extensionDays: string
  /** One date per line (commas and spaces also separate). */
  holidays: string
  rollForward: boolean
  citation: string
  inForceFrom: string
  inForceTo: string
}

export const newProfileDraft = (): ProfileDraft => ({
  id: '',
  label: '',
  version: '1',
  days: '',
  dayKind: 'calendar',
  extensionDays: '0',
  holidays: '',
  rollForward: false,
  citation: '',
  inForceFrom: '',
  inForceTo: ''
})

/** The next version name: "2" after "1", "v3" after "v2"; otherwise left for the user to choose. */
export function nextVersion(versions: ReadonlyArray<string>): string {
  const last = versions[versions.length - 1] ?? ''
  const m = /^(.*?)(\d+)$/.exec(last)
  if (!m) return ''
  let n = Number(m[2]) + 1
  while (versions.includes(`${m[1]}${n}`)) n++
  return `${m[1] ?? ''}${n}`
}

/** A new version of a saved profile starts from its latest rules, under the next version name. */
export function draftForNewVersion(versions: ReadonlyArray<ProfileDefinition>): ProfileDraft {
  const latest = versions[versions.length - 1]
  if (!latest) return newProfileDraft()
  return {
    id: latest.id,
    label: latest.label,
    version: nextVersion(versions.map((v) => v.version)),
    days: String(latest.days),
    dayKind: latest.dayKind,
    extensionDays: String(latest.extensionDays),
    holidays: latest.holidays.join('\n'),
    rollForward: latest.rollForward ?? false,
    citation: latest.citation ?? '',
    inForceFrom: latest.inForce?.from ?? '',
    inForceTo: latest.inForce?.to ?? ''
  }
}

export const holidayList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** "" stays "" (so the schema says "expected a number"), digits become a number, anything else stays text. */
const whole = (v: string): unknown => {
  const t = v.trim()
  if (t === '') return undefined
  return /^-?\d+$/.test(t) ? Number(t) : t
}

export type ProfileCheck = { ok: true; profile: ProfileDefinition } | { ok: false; errors: Record<string, string> }

export function checkProfileDraft(d: ProfileDraft): ProfileCheck {
  // Dates as typed in the date fields (MM/DD/YYYY here); what is not a date is said below.
  const fromRead = dateFieldValue(d.inForceFrom)
  const toRead = dateFieldValue(d.inForceTo)
  const from = fromRead.iso ?? (fromRead.error ? d.inForceFrom.trim() : '')
  const to = toRead.iso ?? (toRead.error ? d.inForceTo.trim() : '')
  const candidate: Record<string, unknown> = {
    id: d.id.trim(),
    label: d.label.trim(),
    version: d.version.trim(),
    days: whole(d.days),
    dayKind: d.dayKind,
    extensionDays: whole(d.extensionDays),
    holidays: holidayList(d.holidays),
    ...(d.rollForward ? { rollForward: true } : {}),
    ...(d.citation.trim() ? { citation: d.citation.trim() } : {}),
    ...(from || to ? { inForce: { from: from || null, to: to || null } } : {})
  }
  const errors: Record<string, string> = {}
  if (fromRead.error) errors['inForce.from'] = fromRead.error
  if (toRead.error) errors['inForce.to'] = toRead.error
  for (const key of ['days', 'extensionDays'] as const) {
    const t = d[key].trim()
    if (t === '') errors[key] = key === 'days' ? 'enter the number of days the holder has' : 'enter 0 if no extension is allowed'
    else if (!/^-?\d+$/.test(t)) errors[key] = `"${t}" is not a whole number of days`
  }
  // A case names its profile in at most 64 characters.
  if (d.id.trim().length > 64) errors['id'] = 'is too long (at most 64 characters)'
  if (from && to && to < from) errors['inForce.to'] = 'the rules stop being in force before they start'
  const parsed = ProfileDefinitionSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const [path, message] of Object.entries(issuesByPath(parsed.error))) {
      // Each holiday error names the date that is wrong.
      const holiday = /^holidays\.(\d+)$/.exec(path)
      const key = holiday ? 'holidays' : path
      errors[key] ??= message
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, profile: parsed.data }
}

export const PROFILE_FIELD_NAMES: Record<string, string> = {
  id: 'Profile id',
  label: 'Name',
  version: 'Version',
  days: 'Days',
  dayKind: 'Counting',
  extensionDays: 'Extension days',
  holidays: 'Holidays',
  citation: 'Citation',
  'inForce.from': 'In force from',
  'inForce.to': 'In force until'
}
