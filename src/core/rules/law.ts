// Every number the law gives, in one place, each with its source (docs/rules.md lists them). No
// other file may write these numbers as literals: import them from here.
import type { DeadlineRule, ExtensionRule } from './types'

const VERIFY_ECFR =
  'Verify before relying: check the current eCFR text of 45 CFR 164.524 (whether the old 60-day off-site clock is gone, and the exact wording of the denial provisions).'

/** HIPAA's one extension: at most `days` more than the original due date, with a reason and a date. */
const hipaaExtension = (days: number, citation: string): ExtensionRule => ({
  days,
  citation,
  counted: 'after-original-due',
  reasonRequired: true,
  noticeName: 'extension notice'
})

export const HIPAA_ACCESS: DeadlineRule = {
  label: 'HIPAA right of access',
  days: 30,
  dayKind: 'calendar',
  citation: '45 CFR 164.524(b)(2)',
  // One extension of no more than 30 days, by written notice within the first 30 days stating the
  // reason and the date. The old 60-day off-site clock is deliberately not encoded.
  extension: hipaaExtension(30, '45 CFR 164.524(b)(2)'),
  verify: VERIFY_ECFR
}

export const HIPAA_AMENDMENT: DeadlineRule = {
  label: 'HIPAA right to amend',
  days: 60,
  dayKind: 'calendar',
  citation: '45 CFR 164.526(b)(2)',
  extension: hipaaExtension(30, '45 CFR 164.526(b)(2)'),
  verify: null
}

export const HIPAA_ACCOUNTING: DeadlineRule = {
  label: 'HIPAA accounting of disclosures',
  days: 60,
  dayKind: 'calendar',
  citation: '45 CFR 164.528(c)',
  extension: hipaaExtension(30, '45 CFR 164.528(c)'),
  verify: null
}

/** The 2021 NPRM (86 FR 6446): a proposal, never final in any source checked. */
export const PROPOSED_2021_ACCESS: DeadlineRule = {
  label: 'HIPAA right of access as proposed in 2021 (NPRM, not final)',
  days: 15,
  dayKind: 'calendar',
  citation: 'proposed 45 CFR 164.524(b)(2) (86 FR 6446, Jan 21, 2021; not final)',
  extension: hipaaExtension(15, 'proposed 45 CFR 164.524(b)(2) (86 FR 6446; not final)'),
  verify: 'A proposal, not law: confirm on the Federal Register whether a final rule exists.'
}

export const CALIFORNIA_COPIES: DeadlineRule = {
  label: 'California copies of patient records',
  days: 15,
  dayKind: 'calendar',
  citation: 'Cal. Health & Safety Code §123110',
  extension: null,
  verify: 'Verify before relying: check the current text of Health & Safety Code §123110 (it is amended from time to time).'
}

/**
 * California's roll-forward: Code Civ. Proc. §12 (exclude the first day, include the last unless it
 * is a holiday) and §12a (a last day on a Saturday, Sunday or §135 holiday extends to the next day
 * that is none of these; §12a(b) applies it to periods "in this or any other code"). HIPAA's own
 * date never rolls.
 */
export const CALIFORNIA_ROLL_FORWARD = { citation: 'Cal. Code Civ. Proc. §§12, 12a, 135' } as const

/** California inspection: 5 working days. A separate request the app models later. */
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
  verify: 'Verify before relying: §181.102 counts business days; the app skips the holidays on which Texas state offices close (Gov’t Code §662.003), which is a reading, not a rule the section states.'
}

/** Tex. Health & Safety Code §181.102: added by H.B. 300 (Acts 2011, 82nd Leg., ch. 1126, §6), in force 1 Sep 2012. */
export const TEXAS_EHR_IN_FORCE = { from: '2012-09-01', source: 'Acts 2011, 82nd Leg., R.S., ch. 1126 (H.B. 300), §6, eff. Sept. 1, 2012' } as const

export const TEXAS_PHYSICIAN: DeadlineRule = {
  label: 'Texas physician records',
  days: 15,
  dayKind: 'business',
  // Tex. Occ. Code §159.006(d): "not later than the 15th business day after the date of receipt of the
  // written consent for release"; 22 TAC §165.2(b) repeats it.
  citation: 'Tex. Occ. Code §159.006(d); 22 TAC §165.2(b)',
  extension: null,
  verify: 'Verify before relying: check the current text of Tex. Occ. Code §159.006 and 22 TAC §165.2 (the clock starts on receipt of the written consent for release).'
}

/**
 * RCW 70.02.080(1): no later than fifteen working days after receiving the request; (1)(d): if the
 * information is in use or unusual circumstances delay it, a written notice with the reasons and
 * the earliest date, not later than twenty-one working days after receiving the request.
 */
export const WASHINGTON: DeadlineRule = {
  label: 'Washington health care information',
  days: 15,
  dayKind: 'business',
  citation: 'RCW 70.02.080(1)',
  extension: { days: 21, citation: 'RCW 70.02.080(1)(d)', counted: 'after-receipt', reasonRequired: true, noticeName: 'delay notice' },
  verify: 'Verify before relying: the app encodes RCW 70.02.080 as amended by 1993 c 448 §5 (check the current text), and reads "working days" as Monday to Friday except the legal holidays of RCW 1.16.050.'
}

/**
 * RCW 70.02.100(2): a correction or amendment within ten days after receiving the request; (2)(d):
 * a written notice of the earliest date, not later than twenty-one days after receiving the request.
 * The statute says "days", not "working days", and asks the notice for a date only, not a reason.
 */
export const WASHINGTON_AMENDMENT: DeadlineRule = {
  label: 'Washington correction or amendment',
  days: 10,
  dayKind: 'calendar',
  citation: 'RCW 70.02.100(2)',
  extension: { days: 21, citation: 'RCW 70.02.100(2)(d)', counted: 'after-receipt', reasonRequired: false, noticeName: 'delay notice' },
  verify: 'Verify before relying: check the current text of RCW 70.02.100 (ten days; a delay notice to twenty-one days).'
}

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

/**
 * 45 CFR 164.526(d)(1): an amendment denial states (i) the basis, (ii) the right to submit a written
 * statement disagreeing and how, (iii) that without one the individual may ask that the request and
 * denial go with future disclosures, (iv) how to complain to the covered entity and to the Secretary,
 * with the contact's name or title and phone number. The app records (i), (ii) and (iv).
 */
export const AMENDMENT_CITATIONS = {
  denialContents: '45 CFR 164.526(d)(1)'
} as const

/** The HIPAA Privacy Rule's compliance date for most covered entities [verify: small health plans 2004-04-14]. */
export const PRIVACY_RULE_COMPLIANCE_DATE = '2003-04-14'

/**
 * The day the HIPAA Privacy Rule, and with it the right of access, bound most covered entities.
 * An access case's event dated before it is a typo in the year, not history.
 */
export const HIPAA_PRIVACY_RULE_SINCE = { date: '2003-04-14', citation: '45 CFR 164.534' } as const
