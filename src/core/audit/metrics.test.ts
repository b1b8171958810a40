import { describe, expect, it } from 'vitest'
import { buildComplianceReport } from './report'
import { HAND_WORKED, QUARTER, makeCase } from './fixtures'

const report = (cases = HAND_WORKED, period = QUARTER, asOf = '2026-03-31') => buildComplianceReport({ cases, period, asOf })

describe('compliance metrics against hand-worked requests', () => {
  const m = report().metrics

  it('counts the requests received in the period, and those open at its end', () => {
    expect(m.requests).toEqual(['req-a', 'req-b', 'req-e', 'req-c', 'req-f', 'req-d', 'req-h'])
    expect(m.openAtEnd.sort()).toEqual(['req-d', 'req-e', 'req-h'])
  })

  it('days to fulfil: median and 90th percentile by nearest rank, naming the request', () => {
    // 10 (F), 15 (A), 23 (C), 54 (B): rank ceil(0.5 × 4) = 2 → 15; rank ceil(0.9 × 4) = 4 → 54.
    expect(m.daysToFulfil).toMatchObject({ median: 15, medianId: 'req-a', p90: 54, p90Id: 'req-b' })
    expect(m.daysToFulfil.ids).toEqual(['req-f', 'req-a', 'req-c', 'req-b'])
  })

  it('on time against HIPAA: an overdue open request is late, one not yet due is pending', () => {
    expect(m.onTimeHipaa.met.sort()).toEqual(['req-a', 'req-c', 'req-f'])
    expect(m.onTimeHipaa.notMet.sort()).toEqual(['req-b', 'req-e'])
    expect(m.onTimeHipaa.share).toBeCloseTo(3 / 5)
    expect(m.onTimeHipaa.pending.sort()).toEqual(['req-d', 'req-h'])
  })

  it('on time against the state rule counts only requests judged by a state rule', () => {
    expect(m.onTimeState).toMatchObject({ of: ['req-c'], met: [], share: 0, pending: [] })
  })

  it('extensions: share used, and share valid and in time', () => {
    expect(m.extensionUse.met).toEqual(['req-b'])
    expect(m.extensionUse.share).toBeCloseTo(1 / 7)
    expect(m.extensionValid).toMatchObject({ of: ['req-b'], met: ['req-b'], share: 1 })
  })

  it('format match only where a format was asked for and the delivery recorded one', () => {
    expect(m.formatMatch).toMatchObject({ of: ['req-a', 'req-c'], met: ['req-a'], notMet: ['req-c'], share: 0.5 })
  })

  it('fee items: each over the quotes that recorded the fact', () => {
    expect(m.fees.assessed).toEqual(['req-c'])
    expect(m.fees.quotedInAdvance).toMatchObject({ of: ['req-c'], notMet: ['req-c'], share: 0 })
    expect(m.fees.flatFeeWithin).toMatchObject({ of: ['req-c'], notMet: ['req-c'], share: 0 })
    expect(m.fees.noSearchRetrieval).toMatchObject({ of: [], share: null })
    expect(m.fees.noPerPageElectronic).toMatchObject({ of: [], share: null })
  })

  it('denials with every required element, and review turnaround', () => {
    expect(m.denialsComplete).toMatchObject({ of: ['req-f'], met: [], share: 0 })
    expect(m.reviewTurnaround).toMatchObject({ median: 13, p90: 13, ids: ['req-f'] })
  })

  it('aging past 15/30/45/60 days and repeat follow-ups', () => {
    expect(m.aging).toEqual([
      { days: 15, ids: ['req-e'] },
      { days: 30, ids: ['req-e'] },
      { days: 45, ids: ['req-e'] },
      { days: 60, ids: ['req-e'] }
    ])
    expect(m.repeatFollowUps).toEqual({ above: 1, ids: ['req-e'] })
  })

  it('lists each non-compliant request with its findings and their citations', () => {
    const r = report()
    expect(r.nonCompliant.sort()).toEqual(['req-b', 'req-c', 'req-e', 'req-f'])
    const c = r.rows.find((x) => x.id === 'req-c')!
    expect(c.findings.map((f) => f.code).sort()).toEqual(['fee-above-flat-rate', 'fee-not-quoted-in-advance', 'format-not-honored', 'response-late'])
    expect(c.findings.every((f) => f.citation.length > 0)).toBe(true)
    expect(c).toMatchObject({ due: '2026-02-17', hipaaDue: '2026-03-04', daysToRespond: 23 })
  })

  it('on-time share by month of receipt', () => {
    expect(report().months).toEqual([
      { month: '2026-01', met: ['req-a'], late: ['req-b', 'req-e'] },
      { month: '2026-02', met: ['req-f'], late: ['req-c'] },
      { month: '2026-03', met: [], late: [] }
    ])
  })
})

describe('edge periods', () => {
  it('an empty period has no figures, never a zero that looks like a result', () => {
    const m = report(HAND_WORKED, { from: '2027-01-01', to: '2027-01-31' }, '2027-01-31').metrics
    expect(m.requests).toEqual([])
    expect(m.daysToFulfil).toMatchObject({ median: null, p90: null, ids: [] })
    expect(m.onTimeHipaa.share).toBeNull()
    expect(m.extensionUse.share).toBeNull()
    expect(m.aging.every((a) => a.ids.length === 0)).toBe(true)
  })

  it('a single request is its own median and 90th percentile', () => {
    const m = report([HAND_WORKED[0]!]).metrics
    expect(m.daysToFulfil).toMatchObject({ median: 15, p90: 15, medianId: 'req-a', p90Id: 'req-a' })
    expect(m.onTimeHipaa).toMatchObject({ met: ['req-a'], share: 1 })
  })

  it('a request answered after the period is open at its end, judged as of that day', () => {
    const late = makeCase({ id: 'req-x', received: '2026-03-01', events: [{ type: 'records-delivered', date: '2026-04-10' }] })
    // Due 2026-03-31 = the period's last day: still pending, not late, and no days to fulfil.
    const m = report([late]).metrics
    expect(m.openAtEnd).toEqual(['req-x'])
    expect(m.onTimeHipaa).toMatchObject({ of: [], pending: ['req-x'], share: null })
    expect(m.daysToFulfil.ids).toEqual([])
    // A day later the same facts are late.
    const after = report([late], { from: '2026-03-01', to: '2026-04-30' }, '2026-04-30').metrics
    expect(after.onTimeHipaa).toMatchObject({ notMet: ['req-x'], share: 0 })
    expect(after.daysToFulfil).toMatchObject({ median: 40 })
  })

  it('filters by holder, site, staff and requester type', () => {
    const site = makeCase({ id: 'req-s', received: '2026-01-07', requestLog: { site: 'North clinic', staff: 'R. Diaz', requesterType: 'personal-representative' } })
    const cases = [...HAND_WORKED, site]
    const by = (filter: Parameters<typeof buildComplianceReport>[0]['filter']) =>
      buildComplianceReport({ cases, period: QUARTER, asOf: '2026-03-31', ...(filter && { filter }) }).metrics.requests
    expect(by({ organizationId: 'org-2' })).toEqual(['req-c', 'req-f'])
    expect(by({ site: 'North clinic' })).toEqual(['req-s'])
    expect(by({ staff: 'R. Diaz' })).toEqual(['req-s'])
    expect(by({ requesterType: 'personal-representative' })).toEqual(['req-s'])
  })

  it('a request whose saved profile is gone is listed as not computed, not dropped silently', () => {
    const gone = makeCase({ id: 'req-p', received: '2026-01-08', profile: 'my-removed-profile' })
    const m = report([gone]).metrics
    expect(m.notComputed.map((n) => n.id)).toEqual(['req-p'])
    expect(m.requests).toEqual(['req-p'])
  })
})
