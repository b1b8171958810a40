// Practice audit mode and holder scorecards: metrics over requests, computed from the clock engine.
export { auditRecordOf, type AuditOptions, type AuditRecord } from './records'
export { computeMetrics, onTimeVerdict, EXTENSION_FINDINGS, FEE_FINDINGS, type ComplianceMetrics, type FeeMetrics, type OnTimeShare } from './metrics'
export { holderScorecard, rankHolders, type HolderScorecard } from './scorecard'
export { openRequestWarnings, type OpenRequestWarning } from './warnings'
export { buildComplianceReport, REPORT_CONVENTIONS, REPORT_RULES, type AuditFilter, type ComplianceReport, type ReportInput, type ReportPeriod, type ReportRow } from './report'
export { nearestRank, quantiles, share, type Quantiles, type Ranked, type Share } from './stats'
