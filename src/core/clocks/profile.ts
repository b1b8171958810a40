// Resolves the profile named in the input to the rules applied to this case: a primary rule (HIPAA's,
// or a profile that stands alone) and, for a state profile in force on the receipt date that covers
// the request's kind, a state overlay (docs/day-counting.md §8).
import {
  BUILT_IN_PROFILES,
  BUILT_IN_PROFILE_IDS,
  pickVersion,
  isBuiltInProfileId,
  isInForceOn,
  type DeadlineRule,
  type RequestKind
} from '../rules'
import { builtInCalendar, listCalendar, NO_HOLIDAYS, type HolidayCalendar } from './calendar'
import { formatDate } from './dates'
import { ClockInputError } from './errors'
import { HOLIDAY_SET_LABELS } from './holidays'
import type { InlineProfile, ProfileDefinition } from './schema'

export type AppliedRule = {
  /** "hipaa@2003-04-14", "california@1", "inline:my-policy", "saved:org-policy@2" */
  ref: string
  rule: DeadlineRule
  /** Holidays skipped when counting business days or rolling forward. */
  calendar: HolidayCalendar
  /** null: a due date on a weekend or holiday stays there. */
  rollForward: { citation: string } | null
  /** Calendar used only to name a holiday a no-roll-forward due date lands on. */
  namingCalendar: HolidayCalendar
}

export type ResolvedProfile = {
  primary: AppliedRule
  overlay: AppliedRule | null
  profileVersion: string
  warnings: string[]
  /** Explanation lines about which profile and version were used. */
  lines: string[]
}

const FEDERAL = builtInCalendar('us-federal', HOLIDAY_SET_LABELS['us-federal'])

const hipaaVersions = BUILT_IN_PROFILES.filter((p) => p.id === 'hipaa')

function hipaaFor(kind: RequestKind, received: string): { applied: AppliedRule; warning: string | null; from: string | null } {
  const choice = pickVersion(hipaaVersions, received)
  const p = choice.chosen
  const rule = p.rules[kind]
  if (!rule) throw new RangeError(`built-in hipaa profile has no ${kind} rule`)
  const warning = choice.inForce
    ? null
    : `No version of HIPAA was in force on ${formatDate(received)}; version ${p.version} was applied.`
  return {
    applied: { ref: `hipaa@${p.version}`, rule, calendar: NO_HOLIDAYS, rollForward: null, namingCalendar: FEDERAL },
    warning,
    from: p.inForce?.from ?? null
  }
}

type StandaloneSource = Pick<InlineProfile, 'id' | 'days' | 'dayKind' | 'holidays' | 'extensionDays' | 'rollForward' | 'citation'>

function standaloneRule(p: StandaloneSource, ref: string, what: string): AppliedRule {
  const citation = p.citation ?? `${what} "${p.id}"`
  const calendar = listCalendar(p.holidays, `the ${p.holidays.length} holidays listed in the profile`, citation)
  return {
    ref,
    rule: {
      label: `${what} "${p.id}"`,
      days: p.days,
      dayKind: p.dayKind,
      citation,
      extension: { days: p.extensionDays, citation, counted: 'after-original-due', reasonRequired: true, noticeName: 'extension notice' },
      verify: null
    },
    calendar,
    rollForward: p.rollForward === true ? { citation } : null,
    namingCalendar: calendar
  }
}

const inForceWarning = (what: string, received: string): string =>
  `${what} was not in force on the receipt date ${formatDate(received)}; it was applied as chosen.`

export function resolveProfile(
  profile: string | InlineProfile,
  kind: RequestKind,
  received: string,
  savedProfiles: ReadonlyArray<ProfileDefinition>
): ResolvedProfile {
  const hipaa = hipaaFor(kind, received)
  const warnings: string[] = hipaa.warning ? [hipaa.warning] : []
  const hipaaLine = `Profile HIPAA version ${hipaa.applied.ref.split('@')[1]}${hipaa.from ? ` (in force from ${formatDate(hipaa.from)})` : ''}: ${kind} request.`

  if (typeof profile !== 'string') {
    const applied = standaloneRule(profile, `inline:${profile.id}`, 'inline profile')
    if (profile.inForce && !isInForceOn(profile.inForce, received)) warnings.push(inForceWarning(`Inline profile "${profile.id}"`, received))
    return {
      primary: applied,
      overlay: null,
      profileVersion: applied.ref,
      warnings,
      lines: [`Inline profile "${profile.id}" (stands alone, not combined with HIPAA): ${kind} request.`]
    }
  }

  if (isBuiltInProfileId(profile)) {
    const choice = pickVersion(
      BUILT_IN_PROFILES.filter((p) => p.id === profile),
      received
    )
    const p = choice.chosen
    if (profile === 'hipaa') return { primary: hipaa.applied, overlay: null, profileVersion: hipaa.applied.ref, warnings, lines: [hipaaLine] }
    const ref = `${p.id}@${p.version}`
    const lines = [`Profile ${p.label}, version ${p.version}.${p.note ? ` ${p.note}` : ''}`]
    if (!choice.inForce && p.status === 'proposed') {
      warnings.push(
        `${p.label} is a proposal that was never in force (not on the receipt date ${formatDate(received)} either); it was applied as chosen, for comparison only.`
      )
    }
    if (!choice.inForce && p.combine === 'overlay-hipaa') {
      // A state rule not yet (or no longer) in force does not bind the holder: HIPAA alone decides.
      const from = p.inForce?.from ? ` (in force from ${formatDate(p.inForce.from)}${p.inForceSource ? `: ${p.inForceSource}` : ''})` : ''
      const why = `${p.label} version ${p.version} was not in force on the receipt date ${formatDate(received)}${from}, so HIPAA's rule applies alone.`
      warnings.push(why)
      lines.push(why, hipaaLine)
      return { primary: hipaa.applied, overlay: null, profileVersion: hipaa.applied.ref, warnings, lines }
    }
    if (!choice.inForce && p.status !== 'proposed') warnings.push(inForceWarning(`Profile ${p.label} version ${p.version}`, received))
    const rule = p.rules[kind]
    if (!rule) {
      lines.push(`${p.label} has no rule of its own for ${kind} requests, so HIPAA applies alone.`, hipaaLine)
      return { primary: hipaa.applied, overlay: null, profileVersion: `${ref} + ${hipaa.applied.ref}`, warnings, lines }
    }
    if (rule.verify) lines.push(`${rule.label}: ${rule.verify}`)
    const calendar = p.holidays ? builtInCalendar(p.holidays, HOLIDAY_SET_LABELS[p.holidays]) : NO_HOLIDAYS
    const applied: AppliedRule = { ref, rule, calendar, rollForward: p.rollForward, namingCalendar: p.holidays ? calendar : FEDERAL }
    if (p.combine === 'overlay-hipaa') {
      lines.push(hipaaLine)
      return { primary: hipaa.applied, overlay: applied, profileVersion: `${ref} + ${hipaa.applied.ref}`, warnings, lines }
    }
    return { primary: applied, overlay: null, profileVersion: ref, warnings, lines }
  }

  const versions = savedProfiles.filter((s) => s.id === profile)
  if (versions.length === 0) {
    const saved = [...new Set(savedProfiles.map((s) => s.id))]
    throw new ClockInputError(
      'profile',
      `unknown profile "${profile}"; built-in profiles are ${BUILT_IN_PROFILE_IDS.join(', ')}${saved.length ? `; saved profiles are ${saved.join(', ')}` : ''}`
    )
  }
  const choice = pickVersion(
    versions.map((v) => ({ ...v, inForce: v.inForce ?? { from: null, to: null } })),
    received
  )
  const s = choice.chosen
  const applied = standaloneRule(s, `saved:${s.id}@${s.version}`, 'saved profile')
  if (!choice.inForce) warnings.push(inForceWarning(`Saved profile "${s.label}" version ${s.version}`, received))
  return {
    primary: applied,
    overlay: null,
    profileVersion: applied.ref,
    warnings,
    lines: [`Saved profile "${s.label}" (${s.id}), version ${s.version} (stands alone, not combined with HIPAA): ${kind} request.`]
  }
}

