// The holder scorecard: the same metrics per records holder, for an advocate's own cases, with a
// 1–5 grade whose formula (from the rules module) is shown wherever the grade is.
import type { FindingCode } from '../clocks'
import { AUDIT, SCORECARD } from '../rules'
import { EXTENSION_FINDINGS, FEE_FINDINGS, onTimeVerdict } from './metrics'
import type { AuditRecord } from './records'
import { quantiles, share, type Quantiles, type Share } from './stats'

export type HolderScorecard = {
  organizationId: string
  requests: string[]
  days: Quantiles
  onTime: Share
  /** Every finding seen on this holder's requests, by code, with the requests that carry it. */
  findings: { total: number; byCode: Partial<Record<FindingCode, string[]>> }
  extensions: string[]
  feeFindings: string[]
  withoutOtherFindings: Share
  withoutFeeFindings: Share
  score: number | null
  grade: number | null
  formula: string
}

const NOT_OTHER = new Set<FindingCode>(['response-late', ...FEE_FINDINGS])

export function holderScorecard(organizationId: string, records: ReadonlyArray<AuditRecord>): HolderScorecard {
  const computed = records.filter((r) => r.clock !== null)
  const ids = computed.map((r) => r.id)
  const byId = new Map(computed.map((r) => [r.id, r]))
  const findingsOf = (id: string) => byId.get(id)!.clock!.findings
  const byCode: Partial<Record<FindingCode, string[]>> = {}
  let total = 0
  for (const r of computed) {
    const codes = new Set(r.clock!.findings.map((f) => f.code))
    total += r.clock!.findings.length
    for (const code of codes) (byCode[code] ??= []).push(r.id)
  }
  const decided = computed.filter((r) => ['met', 'late'].includes(onTimeVerdict(r.clock!))).map((r) => r.id)
  const onTime = share(decided, (id) => onTimeVerdict(byId.get(id)!.clock!) === 'met')
  const withoutOther = share(ids, (id) => !findingsOf(id).some((f) => !NOT_OTHER.has(f.code)))
  const withoutFee = share(ids, (id) => !findingsOf(id).some((f) => FEE_FINDINGS.includes(f.code)))
  const w = SCORECARD.weights
  const score =
    onTime.share === null ? null : w.onTime * onTime.share + w.withoutOtherFindings * (withoutOther.share ?? 1) + w.withoutFeeFindings * (withoutFee.share ?? 1)
  return {
    organizationId,
    requests: records.map((r) => r.id),
    days: quantiles(
      computed.filter((r) => r.daysToRespond !== null).map((r) => ({ id: r.id, value: r.daysToRespond! })),
      AUDIT.percentiles.median,
      AUDIT.percentiles.high
    ),
    onTime,
    findings: { total, byCode },
    extensions: computed.filter((r) => r.extensionNotices > 0 || r.clock!.findings.some((f) => EXTENSION_FINDINGS.includes(f.code))).map((r) => r.id),
    feeFindings: ids.filter((id) => findingsOf(id).some((f) => FEE_FINDINGS.includes(f.code))),
    withoutOtherFindings: withoutOther,
    withoutFeeFindings: withoutFee,
    score,
    grade: score === null ? null : Math.round(SCORECARD.lowest + (SCORECARD.highest - SCORECARD.lowest) * score),
    formula: SCORECARD.formula
  }
}

/** One scorecard per holder, best grade first; holders without a grade last. */
export function rankHolders(records: ReadonlyArray<AuditRecord>, nameOf: (id: string) => string = (id) => id): HolderScorecard[] {
  const groups = new Map<string, AuditRecord[]>()
  for (const r of records) {
    const list = groups.get(r.organizationId)
    if (list) list.push(r)
    else groups.set(r.organizationId, [r])
  }
  return [...groups]
    .map(([id, rs]) => holderScorecard(id, rs))
    .sort(
      (a, b) =>
        (b.grade ?? -1) - (a.grade ?? -1) ||
        (b.score ?? -1) - (a.score ?? -1) ||
        b.requests.length - a.requests.length ||
        nameOf(a.organizationId).localeCompare(nameOf(b.organizationId))
    )
}
