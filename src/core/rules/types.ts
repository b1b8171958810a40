// The shape of a rule profile. Profiles are data (docs/rules.md): period, counting, holidays,
// extension, citation, in-force dates and version, so a reader can check each against its source.

export const REQUEST_KINDS = ['access', 'amendment', 'accounting'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const DAY_KINDS = ['calendar', 'business'] as const
export type DayKind = (typeof DAY_KINDS)[number]

/** Built-in holiday calendars, computed in src/core/clocks/holidays.ts. */
export const HOLIDAY_SET_IDS = ['us-federal', 'texas-state'] as const
export type HolidaySetId = (typeof HOLIDAY_SET_IDS)[number]

export type ExtensionRule = {
  /** The most the one extension may add, counted in the rule's own day kind. */
  days: number
  citation: string
}

/** One deadline: "within `days` `dayKind` days of receipt". */
export type DeadlineRule = {
  /** Short name used in the explanation, e.g. "HIPAA right of access". */
  label: string
  days: number
  dayKind: DayKind
  citation: string
  /** null: this rule allows no extension of its own. */
  extension: ExtensionRule | null
  /** Set where DOMAIN.md marks the source as unverified or dated. */
  verify: string | null
}

/** `from`/`to` inclusive; `from: null` means "since before any case the app handles". */
export type InForce = { from: string | null; to: string | null }

export const BUILT_IN_PROFILE_IDS = [
  'hipaa',
  'hipaa-proposed-2021',
  'california',
  'texas-ehr',
  'texas-physician',
  'washington'
] as const
export type BuiltInProfileId = (typeof BUILT_IN_PROFILE_IDS)[number]

export type BuiltInProfile = {
  id: BuiltInProfileId
  /** Several versions may share an id; a case uses the one in force on its receipt date. */
  version: string
  label: string
  /** `proposed` rules are never in force and are labelled as proposals wherever they show. */
  status: 'final' | 'proposed'
  /** null: never in force (a proposal). */
  inForce: InForce | null
  /**
   * `overlay-hipaa`: a state rule; the due date is the earlier of HIPAA's and the state's (DOMAIN 0.8).
   * `standalone`: the profile's own rule replaces HIPAA's for the kinds it defines.
   * For a kind the profile does not define, HIPAA's rule applies alone.
   */
  combine: 'standalone' | 'overlay-hipaa'
  holidays: HolidaySetId | null
  /** Move a due date that falls on a weekend or holiday to the next business day. No built-in does. */
  rollForward: boolean
  rules: Partial<Record<RequestKind, DeadlineRule>>
  /** Shown with the profile wherever it is chosen. */
  note: string | null
}

export const isBuiltInProfileId = (id: string): id is BuiltInProfileId =>
  (BUILT_IN_PROFILE_IDS as ReadonlyArray<string>).includes(id)
