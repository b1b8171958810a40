// Findings from the facts the user recorded about fees, formats, barriers and denials. Only recorded
// facts produce findings (docs/day-counting.md §11, §12): a field left out is unknown and never fails.
import { ACCESS_CITATIONS, AMENDMENT_CITATIONS, FEES, type RequestKind } from '../rules'
import { formatDate } from './dates'
import type { ClockEvent } from './schema'
import { FINDING_CODES, type Finding } from './types'

type Of<T extends ClockEvent['type']> = Extract<ClockEvent, { type: T }>

const money = (amount: number): string => `$${amount.toFixed(2)}`
const CENTS = 100

/**
 * The elements a written denial must state, per kind: access, 45 CFR 164.524(d)(2) (basis; review
 * rights where the denial is reviewable; how to complain); amendment, 45 CFR 164.526(d)(1) (basis;
 * the right to submit a statement of disagreement; how to complain). Accounting has no denial rule.
 */
export function denialFindings(denial: Of<'denied'>, kind: RequestKind): Finding[] {
  if (kind === 'accounting') return []
  const missing: string[] = []
  if (denial.basis !== undefined && denial.basis.trim() === '') missing.push('the basis for the denial')
  if (kind === 'access' && denial.reviewable === true && denial.reviewRights === false) missing.push('the review rights and how to use them')
  if (kind === 'amendment' && denial.statementOfDisagreement === false) missing.push('the right to submit a written statement of disagreement and how to do so')
  if (denial.complaintContact === false) missing.push('how to complain, with the name or title and phone number of the contact')
  if (missing.length === 0) return []
  return [
    {
      code: 'denial-missing-elements',
      date: denial.date,
      citation: kind === 'amendment' ? AMENDMENT_CITATIONS.denialContents : ACCESS_CITATIONS.denialContents,
      message: `The written denial of ${formatDate(denial.date)} lacks ${missing.join('; ')}.`
    }
  ]
}

/** Patient-rate fee findings; the caller applies them only to the individual's own copy (docs/day-counting.md §10). */
export function feeFindings(fee: Of<'fee-quoted'>): Finding[] {
  const out: Finding[] = []
  const on = formatDate(fee.date)
  const amount = money(fee.amount)
  if (fee.inAdvance === false) {
    out.push({
      code: 'fee-not-quoted-in-advance',
      date: fee.date,
      citation: FEES.advanceSource,
      message: `The fee of ${amount} quoted on ${on} was not disclosed in advance.`
    })
  }
  if (fee.includesSearchRetrieval === true) {
    out.push({
      code: 'fee-search-retrieval',
      date: fee.date,
      citation: FEES.citation,
      message: `The fee of ${amount} quoted on ${on} includes search and retrieval, which may not be charged.`
    })
  }
  const eCopy = fee.electronicCopyOfElectronicRecords === true
  if (eCopy && fee.perPage === true) {
    out.push({
      code: 'fee-per-page-electronic',
      date: fee.date,
      citation: FEES.citation,
      message: `The fee quoted on ${on} is charged per page for an electronic copy of electronically kept records, which is not allowed.`
    })
  }
  if (eCopy && fee.method === 'flat' && Math.round(fee.amount * CENTS) > FEES.flatFeeCents) {
    out.push({
      code: 'fee-above-flat-rate',
      date: fee.date,
      citation: FEES.flatFeeSource,
      message: `The flat fee of ${amount} quoted on ${on} is above the ${money(FEES.flatFeeCents / CENTS)} flat rate for an electronic copy of electronically kept records.`
    })
  }
  return out
}

const normalizeFormat = (f: string): string => f.trim().toLowerCase()

/** Compares a complete delivery's format with the latest format requested on or before it. */
export function formatFinding(delivery: Of<'delivered'>, requests: ReadonlyArray<Of<'requested-format'>>): Finding | null {
  if (!delivery.complete || delivery.format === undefined) return null
  const asked = requests.filter((r) => r.date <= delivery.date)
  const latest = asked[asked.length - 1]
  if (!latest || normalizeFormat(latest.format) === normalizeFormat(delivery.format)) return null
  return {
    code: 'format-not-honored',
    date: delivery.date,
    citation: ACCESS_CITATIONS.format,
    message: `The records delivered on ${formatDate(delivery.date)} came as "${delivery.format.trim()}", not in the format requested on ${formatDate(latest.date)} ("${latest.format.trim()}").`
  }
}

const BARRIERS = {
  'in-person': { code: 'in-person-required', what: 'required the request to be made, or identity shown, in person' },
  'mail-only': { code: 'mail-only-required', what: 'accepted the request only by mail' },
  'portal-only': { code: 'portal-only-required', what: 'accepted the request only through its web portal' }
} as const

export function barrierFinding(b: Of<'barrier'>): Finding {
  const { code, what } = BARRIERS[b.kind]
  return {
    code,
    date: b.date,
    citation: ACCESS_CITATIONS.manner,
    message: `On ${formatDate(b.date)} the records holder ${what}; it may offer that option but may not require it.`
  }
}

const codeRank = new Map<string, number>(FINDING_CODES.map((c, i) => [c, i]))

/** Earliest first; on the same date, in the order the codes are listed in FINDING_CODES. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : (codeRank.get(a.code) ?? 0) - (codeRank.get(b.code) ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )
}
