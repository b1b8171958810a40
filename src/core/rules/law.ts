// Every number the law gives, in one place, each with its source (DOMAIN.md "Numbers the app must
// encode"). No other file may write these numbers as literals: import them from here.
import type { DeadlineRule } from './types'

const VERIFY_ECFR =
  'Verify before relying: check the current eCFR text of 45 CFR 164.524 (DOMAIN.md open uncertainties 2 and 3).'

export const HIPAA_ACCESS: DeadlineRule = {
  label: 'HIPAA right of access',
  days: 30,
  dayKind: 'calendar',
  citation: '45 CFR 164.524(b)(2)',
  // One extension of no more than 30 days, by written notice within the first 30 days stating the
  // reason and the date (DOMAIN 1.2). The old 60-day off-site clock is deliberately not encoded.
  extension: { days: 30, citation: '45 CFR 164.524(b)(2)' },
  verify: VERIFY_ECFR
}

export const HIPAA_AMENDMENT: DeadlineRule = {
  label: 'HIPAA right to amend',
  days: 60,
  dayKind: 'calendar',
  citation: '45 CFR 164.526(b)(2)',
  extension: { days: 30, citation: '45 CFR 164.526(b)(2)' },
  verify: null
}

export const HIPAA_ACCOUNTING: DeadlineRule = {
  label: 'HIPAA accounting of disclosures',
  days: 60,
  dayKind: 'calendar',
  citation: '45 CFR 164.528(c)',
  extension: { days: 30, citation: '45 CFR 164.528(c)' },
  verify: null
}

/** The 2021 NPRM (86 FR 6446): a proposal, never final in any source checked (DOMAIN 1.11). */
export const PROPOSED_2021_ACCESS: DeadlineRule = {
  label: 'HIPAA right of access as proposed in 2021 (NPRM, not final)',
  days: 15,
  dayKind: 'calendar',
  citation: 'proposed 45 CFR 164.524(b)(2) (86 FR 6446, Jan 21, 2021; not final)',
  extension: { days: 15, citation: 'proposed 45 CFR 164.524(b)(2) (86 FR 6446; not final)' },
  verify: 'A proposal, not law: confirm on the Federal Register whether a final rule exists (DOMAIN.md open uncertainty 1).'
}

export const CALIFORNIA_COPIES: DeadlineRule = {
  label: 'California copies of patient records',
  days: 15,
  dayKind: 'calendar',
  citation: 'Cal. Health & Safety Code §123110',
  extension: null,
  verify: 'Verify before relying: §123110 may have been amended since the summaries DOMAIN.md cites.'
}

/** California inspection: 5 working days. A separate request the app models later (DOMAIN 0.8). */
export const CALIFORNIA_INSPECTION = {
  days: 5,
  dayKind: 'business',
  citation: 'Cal. Health & Safety Code §123110',
  modelled: false
} as const

export const TEXAS_EHR: DeadlineRule = {
  label: 'Texas electronic copy of EHR records',
  days: 15,
  dayKind: 'business',
  citation: 'Tex. Health & Safety Code §181.102',
  extension: null,
  verify: 'Verify before relying: check the current statute text and whether the records office follows the state holiday calendar.'
}

export const TEXAS_PHYSICIAN: DeadlineRule = {
  label: 'Texas physician records',
  days: 15,
  dayKind: 'business',
  citation: 'Tex. Occ. Code §159.006; 22 TAC §165.2',
  extension: null,
  verify: 'Verify before relying: the summary DOMAIN.md cites was current as of June 2015.'
}

export const WASHINGTON: DeadlineRule = {
  label: 'Washington health care information',
  days: 15,
  dayKind: 'business',
  citation: 'RCW 70.02.080',
  // The 1993 text allows a delay notice to a 21-working-day outer limit; a newer summary says a
  // 15-day extension. The sources conflict, so no extension is encoded (DOMAIN 5, 0.8).
  extension: null,
  verify: 'Verify before relying: sources conflict on the extension (21 working days in the 1993 text; a 15-day extension in a newer summary).'
}

/** Texas state holidays added to the federal list (DOMAIN 0.3). */
export const TEXAS_HOLIDAYS = {
  citation: 'Tex. Gov’t Code §662.003',
  verify: 'Verify before relying: state offices observe more days, and whether a records office follows the state calendar is not settled.'
} as const

/** Observed federal holidays: Saturday → Friday before, Sunday → Monday after. */
export const FEDERAL_HOLIDAYS = { citation: '5 U.S.C. 6103' } as const

export const COMPLAINT_WINDOW = {
  /** 180 days after the complainant knew or should have known; waivable for good cause. */
  days: 180,
  citation: '45 CFR 160.306(b)(3)',
  /** The app warns this many days before the window closes (issue 5). */
  warningDays: 30
} as const

export const FEES = {
  /** Optional flat fee per request for an electronic copy of electronically kept PHI, in cents. */
  flatFeeCents: 650,
  citation: '45 CFR 164.524(c)(4)',
  flatFeeSource: '45 CFR 164.524(c)(4); HHS FAQ 2030',
  advanceSource: '45 CFR 164.524(c)(4); HHS FAQ 2029',
  /** Ciox Health v. Azar (D.D.C. 2020): the patient-rate limit covers only the individual's own copy. */
  selfOnlySource: 'Ciox Health, LLC v. Azar (D.D.C. Jan 23, 2020)'
} as const

export const ACCESS_CITATIONS = {
  manner: '45 CFR 164.524(b)(1)',
  format: '45 CFR 164.524(c)(2)',
  denialContents: '45 CFR 164.524(d)(2)'
} as const

/** The HIPAA Privacy Rule's compliance date for most covered entities [verify: small health plans 2004-04-14]. */
export const PRIVACY_RULE_COMPLIANCE_DATE = '2003-04-14'
