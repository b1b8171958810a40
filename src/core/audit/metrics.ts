// The compliance metrics of practice audit mode (DOMAIN 7.3) over any set of audit records. Every
// figure carries the ids of the requests behind it, so each number can be opened and checked.
//
// Requests still open at the period's end (the audit day): they count in `requests` and in the
// aging buckets; they have no days to fulfil; in the on-time shares an open request already past
// its due date on the audit day counts as late, and one not yet due is left out of the share and
// listed as pending (it can still be answered on time).
import { diffCalendarDays, type FindingCode } from '../clocks'
import { AUDIT } from '../rules'
import type { AuditClock, AuditRecord } from './records'
import { quantiles, share, type Quantiles, type Share } from './stats'

export type OnTimeShare = Share & { pending: string[] }

export type FeeMetrics = {
  /** Requests whose fees the rule assesses (an individual's own copy) and that record a fee quote. */
  assessed: string[]
  noSearchRetrieval: Share
  noPerPageElectronic: Share
  quotedInAdvance: Share
  flatFeeWithin: Share
}

export type ComplianceMetrics = {
  requests: string[]
  /** Requests whose clock could not be computed (e.g. a saved profile that no longer exists), with why. */
  notComputed: Array<{ id: string; message: string }>
  /** No receipt logged yet: no clock. */
  notReceived: string[]
  openAtEnd: string[]
  daysToFulfil: Quantiles
  onTimeHipaa: OnTimeShare
  /** Only requests judged by a rule other than HIPAA alone (a state profile, or a saved one). */
  onTimeState: OnTimeShare
  extensionUse: Share
  extensionValid: Share
  formatMatch: Share
  fees: FeeMetrics
  denialsComplete: Share
  reviewTurnaround: Quantiles
  aging: Array<{ days: number; ids: string[] }>
  repeatFollowUps: { above: number; ids: string[] }
}

export const EXTENSION_FINDINGS: ReadonlyArray<FindingCode> = ['extension-late', 'extension-no-reason', 'extension-no-date', 'extension-too-long', 'second-extension']
export const FEE_FINDINGS: ReadonlyArray<FindingCode> = ['fee-not-quoted-in-advance', 'fee-search-retrieval', 'fee-per-page-electronic', 'fee-above-flat-rate']

const has = (clock: Pick<AuditClock, 'findings'>, code: FindingCode): boolean => clock.findings.some((f) => f.code === code)

/** met / not met / pending / not counted, for one clock (see the convention at the top). */
export function onTimeVerdict(clock: Pick<AuditClock, 'status' | 'findings'>): 'met' | 'late' | 'pending' | 'excluded' {
  switch (clock.status) {
    case 'fulfilled-on-time':
      return 'met'
    case 'fulfilled-late':
    case 'overdue':
      return 'late'
    case 'denied':
      return has(clock, 'response-late') ? 'late' : 'met'
    case 'awaiting':
      return 'pending'
    case 'withdrawn':
      return has(clock, 'response-late') ? 'late' : 'excluded'
  }
}

function onTime(records: ReadonlyArray<AuditRecord>, pick: (r: AuditRecord) => AuditClock | null): OnTimeShare {
  const verdicts = new Map<string, ReturnType<typeof onTimeVerdict>>()
  for (const r of records) {
    const c = pick(r)
    if (c) verdicts.set(r.id, onTimeVerdict(c))
  }
  const ids = (v: string) => [...verdicts].filter(([, x]) => x === v).map(([id]) => id)
  const decided = [...verdicts].filter(([, x]) => x === 'met' || x === 'late').map(([id]) => id)
  return { ...share(decided, (id) => verdicts.get(id) === 'met'), pending: ids('pending') }
}

type Computed = AuditRecord & { clock: AuditClock; hipaa: AuditClock; received: string }

export function computeMetrics(records: ReadonlyArray<AuditRecord>, asOf: string): ComplianceMetrics {
  const computed = records.filter((r): r is Computed => r.clock !== null && r.hipaa !== null && r.received !== null)
  const byId = new Map(computed.map((r) => [r.id, r]))
  const get = (id: string): Computed => byId.get(id)!
  const ids = (rs: ReadonlyArray<AuditRecord>) => rs.map((r) => r.id)
  const open = computed.filter((r) => r.clock.status === 'awaiting' || r.clock.status === 'overdue')

  const withNotice = computed.filter((r) => r.extensionNotices > 0)
  const feeRecords = computed.filter((r) => r.fees.assessed && r.fees.quotes.length > 0)
  // A fee fact left unrecorded is unknown: such a request is left out of that item's share.
  const feeItem = (recorded: (r: Computed) => boolean, code: FindingCode) =>
    share(ids(feeRecords.filter(recorded)), (id) => !has(get(id).clock, code))

  return {
    requests: ids(records),
    notComputed: records.filter((r) => r.clockError !== null).map((r) => ({ id: r.id, message: r.clockError! })),
    notReceived: ids(records.filter((r) => r.received === null)),
    openAtEnd: ids(open),
    daysToFulfil: quantiles(
      computed.filter((r) => r.daysToRespond !== null).map((r) => ({ id: r.id, value: r.daysToRespond! })),
      AUDIT.percentiles.median,
      AUDIT.percentiles.high
    ),
    onTimeHipaa: onTime(computed, (r) => r.hipaa),
    onTimeState: onTime(computed, (r) => (r.profile === 'hipaa' ? null : r.clock)),
    extensionUse: share(ids(computed), (id) => get(id).extensionNotices > 0),
    extensionValid: share(ids(withNotice), (id) => !EXTENSION_FINDINGS.some((code) => has(get(id).clock, code))),
    formatMatch: share(ids(computed.filter((r) => r.formatCompared)), (id) => !has(get(id).clock, 'format-not-honored')),
    fees: {
      assessed: ids(feeRecords),
      noSearchRetrieval: feeItem((r) => r.fees.quotes.some((q) => q.includesSearchRetrieval !== undefined), 'fee-search-retrieval'),
      noPerPageElectronic: feeItem((r) => r.fees.quotes.some((q) => q.electronicCopyOfElectronicRecords === true && q.perPage !== undefined), 'fee-per-page-electronic'),
      quotedInAdvance: feeItem((r) => r.fees.quotes.some((q) => q.inAdvance !== undefined), 'fee-not-quoted-in-advance'),
      flatFeeWithin: feeItem((r) => r.fees.quotes.some((q) => q.electronicCopyOfElectronicRecords === true && q.method === 'flat'), 'fee-above-flat-rate')
    },
    denialsComplete: share(ids(computed.filter((r) => r.denialAssessed)), (id) => !has(get(id).clock, 'denial-missing-elements')),
    reviewTurnaround: quantiles(
      computed
        .filter((r) => r.review?.decided)
        .map((r) => ({ id: r.id, value: diffCalendarDays(r.review!.decided!, r.review!.requested) })),
      AUDIT.percentiles.median,
      AUDIT.percentiles.high
    ),
    // "Aging past N days": more than N calendar days since receipt on the audit day, still open.
    aging: AUDIT.agingDays.map((days) => ({ days, ids: ids(open.filter((r) => diffCalendarDays(asOf, r.received) > days)) })),
    repeatFollowUps: { above: AUDIT.followUpsFlaggedAbove, ids: ids(computed.filter((r) => r.followUps > AUDIT.followUpsFlaggedAbove)) }
  }
}
