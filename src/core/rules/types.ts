// The shape of a rule profile. Profiles are data (STYLE.md 7): period, counting, holidays,
// extension, citation, in-force dates and version, so a reader can check each against its source.

export const REQUEST_KINDS = ['access', 'amendment', 'accounting'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const DAY_KINDS = ['calendar', 'business'] as const
export type DayKind = (typeof DAY_KINDS)[number]

/**
 * Built-in holiday calendars, computed in src/core/clocks/holidays.ts: the federal one (HIPAA names
 * a holiday a due date lands on with it) and each state's own, as its statute lists them
 * (holiday-calendars.ts).
 */
export const HOLIDAY_SET_IDS = ['us-federal', 'texas-state', 'washington-state', 'california-judicial'] as const
export type HolidaySetId = (typeof HOLIDAY_SET_IDS)[number]

export type ExtensionRule = {
  /** The most the one extension may reach, counted in the rule's own day kind from `counted`. */
  days: number
  citation: string
  /**
   * `after-original-due`: HIPAA's "no more than 30 more days" (the limit is originalDue + days).
   * `after-receipt`: a state's "a date not later than N days after receiving the request".
   */
  counted: 'after-original-due' | 'after-receipt'
  /** Whether the notice must state a reason to take effect (RCW 70.02.100(2)(d) asks only a date). */
  reasonRequired: boolean
  /** What the explanation calls the notice: "extension notice", "delay notice". */
  noticeName: string
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
  /** Set where the source is unverified or dated: what to check before relying on the rule. */
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
   * `overlay-hipaa`: a state rule; the due date is the earlier of HIPAA's and the state's
   * (docs/day-counting.md §8).
   * `standalone`: the profile's own rule replaces HIPAA's for the kinds it defines.
   * For a kind the profile does not define, HIPAA's rule applies alone.
   */
  combine: 'standalone' | 'overlay-hipaa'
  /** The calendar for business-day counts and for a roll-forward. */
  holidays: HolidaySetId | null
  /**
   * Move a due date that falls on a weekend or one of `holidays` to the next day that is neither
   * (California: Code Civ. Proc. §§12, 12a). null: the due date stays where it falls.
   */
  rollForward: { citation: string } | null
  /** Where the in-force dates come from (the enacting act), or why they are open. */
  inForceSource: string | null
  rules: Partial<Record<RequestKind, DeadlineRule>>
  /** Shown with the profile wherever it is chosen. */
  note: string | null
}

export const isBuiltInProfileId = (id: string): id is BuiltInProfileId =>
  (BUILT_IN_PROFILE_IDS as ReadonlyArray<string>).includes(id)
