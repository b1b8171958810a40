import { describe, expect, it } from 'vitest'
import { SCORECARD } from '../rules'
import { buildComplianceReport } from './report'
import { HAND_WORKED, QUARTER } from './fixtures'

describe('holder scorecards', () => {
  const cards = buildComplianceReport({ cases: HAND_WORKED, period: QUARTER, asOf: '2026-03-31' }).scorecards

  it('grades each holder by the formula shown beside it, best first', () => {
    expect(cards.map((c) => c.organizationId)).toEqual(['org-1', 'org-2', 'org-3'])
    const [one, two, three] = cards
    // org-1: A on time, B and E late → 1/3; no other or fee findings → 0.6 × 1/3 + 0.2 + 0.2 = 0.6 → round(3.4) = 3.
    expect(one!.onTime.share).toBeCloseTo(1 / 3)
    expect(one!.score).toBeCloseTo(0.6)
    expect(one!.grade).toBe(3)
    // org-2: C late under California, F on time → 1/2; both have other findings → 0; C has fee findings → 1/2.
    // 0.6 × 0.5 + 0.2 × 0 + 0.2 × 0.5 = 0.4 → round(2.6) = 3.
    expect(two!.score).toBeCloseTo(0.4)
    expect(two!.grade).toBe(3)
    expect(two!.feeFindings).toEqual(['req-c'])
    expect(two!.findings.byCode['denial-missing-elements']).toEqual(['req-f'])
    expect(two!.findings.total).toBe(5)
    // org-3: nothing decided yet → no grade.
    expect(three!.grade).toBeNull()
    expect(cards.every((c) => c.formula === SCORECARD.formula)).toBe(true)
  })

  it('reports requests, median days and extensions per holder', () => {
    const one = cards[0]!
    expect(one.requests).toEqual(['req-a', 'req-b', 'req-e'])
    expect(one.days).toMatchObject({ median: 15, p90: 54 })
    expect(one.extensions).toEqual(['req-b'])
  })
})
