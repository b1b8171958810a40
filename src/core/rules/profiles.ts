// The built-in rule profiles. A profile id may have several versions with in-force dates; a case
// uses the version in force on its receipt date (resolve.ts). To change a rule, end the old
// version's `inForce.to` and add a new version: old cases keep their dates.
import {
  CALIFORNIA_COPIES,
  HIPAA_ACCESS,
  HIPAA_ACCOUNTING,
  HIPAA_AMENDMENT,
  PRIVACY_RULE_COMPLIANCE_DATE,
  PROPOSED_2021_ACCESS,
  TEXAS_EHR,
  TEXAS_PHYSICIAN,
  WASHINGTON
} from './law'
import type { BuiltInProfile } from './types'

const STATE_NOTE =
  'A state overlay: the due date is the earlier of HIPAA’s and the state’s; the state rule allows no extension of its own.'

export const BUILT_IN_PROFILES: ReadonlyArray<BuiltInProfile> = [
  {
    id: 'hipaa',
    version: PRIVACY_RULE_COMPLIANCE_DATE,
    label: 'HIPAA',
    status: 'final',
    inForce: { from: PRIVACY_RULE_COMPLIANCE_DATE, to: null },
    combine: 'standalone',
    holidays: null,
    rollForward: false,
    rules: { access: HIPAA_ACCESS, amendment: HIPAA_AMENDMENT, accounting: HIPAA_ACCOUNTING },
    note: null
  },
  {
    id: 'hipaa-proposed-2021',
    version: '2021-01-21',
    label: 'HIPAA 2021 proposal (NPRM, not final)',
    status: 'proposed',
    inForce: null,
    combine: 'standalone',
    holidays: null,
    rollForward: false,
    // The proposal changes only the access clock; amendment and accounting keep HIPAA's rules.
    rules: { access: PROPOSED_2021_ACCESS },
    note: 'A proposal (86 FR 6446, Jan 21, 2021), not final: never the default; use it only to compare.'
  },
  {
    id: 'california',
    version: '1',
    label: 'California',
    status: 'final',
    inForce: { from: null, to: null },
    combine: 'overlay-hipaa',
    holidays: null,
    rollForward: false,
    // Copies (15 days). Inspection (5 working days) is a separate request modelled later (DOMAIN 0.8).
    rules: { access: CALIFORNIA_COPIES },
    note: STATE_NOTE
  },
  {
    id: 'texas-ehr',
    version: '1',
    label: 'Texas (electronic copy of EHR records)',
    status: 'final',
    inForce: { from: null, to: null },
    combine: 'overlay-hipaa',
    holidays: 'texas-state',
    rollForward: false,
    rules: { access: TEXAS_EHR },
    note: STATE_NOTE
  },
  {
    id: 'texas-physician',
    version: '1',
    label: 'Texas (physicians)',
    status: 'final',
    inForce: { from: null, to: null },
    combine: 'overlay-hipaa',
    holidays: 'texas-state',
    rollForward: false,
    rules: { access: TEXAS_PHYSICIAN },
    note: STATE_NOTE
  },
  {
    id: 'washington',
    version: '1',
    label: 'Washington',
    status: 'final',
    inForce: { from: null, to: null },
    combine: 'overlay-hipaa',
    holidays: 'us-federal',
    rollForward: false,
    rules: { access: WASHINGTON },
    note: STATE_NOTE
  }
]
