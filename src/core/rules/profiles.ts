// The built-in rule profiles. A profile id may have several versions with in-force dates; a case
// uses the version in force on its receipt date (resolve.ts). To change a rule, end the old
// version's `inForce.to` and add a new version: old cases keep their dates.
import {
  CALIFORNIA_COPIES,
  CALIFORNIA_ROLL_FORWARD,
  HIPAA_ACCESS,
  HIPAA_ACCOUNTING,
  HIPAA_AMENDMENT,
  PRIVACY_RULE_COMPLIANCE_DATE,
  PROPOSED_2021_ACCESS,
  TEXAS_EHR,
  TEXAS_EHR_IN_FORCE,
  TEXAS_PHYSICIAN,
  WASHINGTON,
  WASHINGTON_AMENDMENT
} from './law'
import type { BuiltInProfile } from './types'

// Notes are shown to the user in Settings and in every explanation: plain words, no internal documents.
const OVERLAY = 'A state overlay: the due date is the earlier of HIPAA’s and the state’s.'
const NO_STATE_EXTENSION = 'The state rule allows no extension of its own.'
const ACCESS_ONLY = 'The statute covers access requests only; for amendment and accounting requests HIPAA’s rule applies alone.'
const NOT_VERIFIED_FROM = 'Start of the state rule not verified; treated as in force for every case the app handles.'

export const BUILT_IN_PROFILES: ReadonlyArray<BuiltInProfile> = [
  {
    id: 'hipaa',
    version: PRIVACY_RULE_COMPLIANCE_DATE,
    label: 'HIPAA',
    status: 'final',
    inForce: { from: PRIVACY_RULE_COMPLIANCE_DATE, to: null },
    combine: 'standalone',
    holidays: null,
    rollForward: null,
    inForceSource: 'HIPAA Privacy Rule compliance date for most covered entities (45 CFR 164.534)',
    rules: { access: HIPAA_ACCESS, amendment: HIPAA_AMENDMENT, accounting: HIPAA_ACCOUNTING },
    note: 'Check the current eCFR text of 45 CFR Part 164 before relying on a date.'
  },
  {
    id: 'hipaa-proposed-2021',
    version: '2021-01-21',
    label: 'HIPAA 2021 proposal (NPRM, not final)',
    status: 'proposed',
    inForce: null,
    combine: 'standalone',
    holidays: null,
    rollForward: null,
    inForceSource: 'A proposal: never in force',
    // The proposal changes only the access clock; amendment and accounting keep HIPAA's rules.
    rules: { access: PROPOSED_2021_ACCESS },
    note: 'A proposal (86 FR 6446, Jan 21, 2021), not final: never the default; use it only to compare.'
  },
  // Version 2 of each state profile (Dec 2026) corrects version 1's conventions (federal holidays
  // instead of the state's, no California roll-forward, no Washington delay notice or amendment
  // rule). Version 1 was never the law, only a wrong reading of it, so it is replaced, not kept.
  {
    id: 'california',
    version: '2',
    label: 'California',
    status: 'final',
    inForce: { from: null, to: null },
    inForceSource: NOT_VERIFIED_FROM,
    combine: 'overlay-hipaa',
    holidays: 'california-judicial',
    rollForward: CALIFORNIA_ROLL_FORWARD,
    // Copies (15 days). Inspection (5 working days) is a separate request modelled later.
    rules: { access: CALIFORNIA_COPIES },
    note: `${OVERLAY} A 15-day date on a Saturday, Sunday or judicial holiday moves to the next court day (Code Civ. Proc. §§12, 12a). ${NO_STATE_EXTENSION} ${ACCESS_ONLY}`
  },
  {
    id: 'texas-ehr',
    version: '2',
    label: 'Texas (electronic copy of EHR records)',
    status: 'final',
    inForce: { from: TEXAS_EHR_IN_FORCE.from, to: null },
    inForceSource: TEXAS_EHR_IN_FORCE.source,
    combine: 'overlay-hipaa',
    holidays: 'texas-state',
    rollForward: null,
    rules: { access: TEXAS_EHR },
    note: `${OVERLAY} Business days skip the holidays on which Texas state offices close (Gov’t Code §662.003). ${NO_STATE_EXTENSION} ${ACCESS_ONLY}`
  },
  {
    id: 'texas-physician',
    version: '2',
    label: 'Texas (physicians)',
    status: 'final',
    inForce: { from: null, to: null },
    inForceSource: NOT_VERIFIED_FROM,
    combine: 'overlay-hipaa',
    holidays: 'texas-state',
    rollForward: null,
    rules: { access: TEXAS_PHYSICIAN },
    note: `${OVERLAY} Business days skip the holidays on which Texas state offices close (Gov’t Code §662.003). ${NO_STATE_EXTENSION} ${ACCESS_ONLY}`
  },
  {
    id: 'washington',
    version: '2',
    label: 'Washington',
    status: 'final',
    inForce: { from: null, to: null },
    inForceSource: NOT_VERIFIED_FROM,
    combine: 'overlay-hipaa',
    holidays: 'washington-state',
    rollForward: null,
    rules: { access: WASHINGTON, amendment: WASHINGTON_AMENDMENT },
    note: `${OVERLAY} Working days skip the legal holidays of RCW 1.16.050. One written delay notice with reasons and a date may move the state date to at most 21 working days after receipt (RCW 70.02.080(1)(d)); amendments: 10 days, a delay notice to at most 21 days (RCW 70.02.100). Accounting requests: HIPAA’s rule alone.`
  }
]
