// The report's summary in plain sentences: what a reader needs first, named the same way in every
// rendering (on-time share, median days, extensions, fees, formats).
import type { ComplianceReport } from '../../core/audit'

const pct = (s: number | null): string => (s === null ? 'not applicable (no decided requests)' : `${(s * 100).toFixed(1)}%`)

export function summarySentences(r: ComplianceReport): string[] {
  const m = r.metrics
  const feeIssues = new Set([...m.fees.noSearchRetrieval.notMet, ...m.fees.noPerPageElectronic.notMet, ...m.fees.quotedInAdvance.notMet, ...m.fees.flatFeeWithin.notMet])
  return [
    `Requests: ${m.requests.length} received in the period, ${m.openAtEnd.length} still open at its end.`,
    `On-time share: ${pct(m.onTimeHipaa.share)} against HIPAA (${m.onTimeHipaa.met.length} of ${m.onTimeHipaa.of.length} decided); ${pct(m.onTimeState.share)} against the state rule (${m.onTimeState.met.length} of ${m.onTimeState.of.length}).`,
    `Median days to fulfil: ${m.daysToFulfil.median ?? '—'} (90th percentile ${m.daysToFulfil.p90 ?? '—'}), over ${m.daysToFulfil.ids.length} answered requests.`,
    `Extensions: ${m.extensionUse.met.length} request${m.extensionUse.met.length === 1 ? '' : 's'} used one; ${pct(m.extensionValid.share)} of them valid and in time.`,
    `Fees: ${m.fees.assessed.length} request${m.fees.assessed.length === 1 ? '' : 's'} with a fee quote assessed, ${feeIssues.size} with a fee finding.`,
    `Formats: format-match rate ${pct(m.formatMatch.share)} (${m.formatMatch.met.length} of ${m.formatMatch.of.length}).`,
    `Denials with every required element: ${pct(m.denialsComplete.share)}; ${r.nonCompliant.length} request${r.nonCompliant.length === 1 ? '' : 's'} with at least one finding.`
  ]
}
