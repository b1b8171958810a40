// The numbers practice audit mode uses. None is set by statute: they are the app's audit design
// (DOMAIN 7.3, marked inferred there), kept here beside the legal numbers so that no other file
// writes them as literals and a reader finds every threshold, with its reason, in one place.

export const AUDIT = {
  /** Open requests are counted as aging past each of these ages, in calendar days since receipt. */
  agingDays: [15, 30, 45, 60] as const,
  agingSource: 'Access Advocate audit design (AHIMA-style request log; DOMAIN 7.3)',
  /** A request that needed more than this many follow-ups from the requester is flagged (OCR settlements cite repeat requests). */
  followUpsFlaggedAbove: 1,
  followUpSource: 'OCR Right of Access settlements cite repeated requests from the patient',
  /** While a request is open, warn this many calendar days before its due date (and before the original due date, for an extension notice). */
  warningDays: 5,
  /** Percentiles reported for days to fulfil and review turnaround, by the nearest-rank method. */
  percentiles: { median: 50, high: 90 } as const
} as const

const WEIGHTS = { onTime: 0.6, withoutOtherFindings: 0.2, withoutFeeFindings: 0.2 } as const
const LOWEST = 1
const HIGHEST = 5

/**
 * The holder scorecard's 1–5 grade: grade = round(lowest + (highest − lowest) × score), where score
 * is the weighted sum of three shares in [0, 1]. Lateness weighs most because it is what the rule's
 * clock is about; the other findings and the fee findings share the rest. A holder with no decided
 * request has no grade.
 */
export const SCORECARD = {
  weights: WEIGHTS,
  lowest: LOWEST,
  highest: HIGHEST,
  formula: `grade = round(${LOWEST} + ${HIGHEST - LOWEST} × (${WEIGHTS.onTime} × on-time share + ${WEIGHTS.withoutOtherFindings} × share without other findings + ${WEIGHTS.withoutFeeFindings} × share without fee findings))`
} as const
