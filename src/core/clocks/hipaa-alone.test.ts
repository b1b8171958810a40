// The audit's shortcut: a state overlay's run also judges the case under HIPAA alone. It must give
// exactly what computing the same case under the profile "hipaa" gives, for any facts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILE_IDS } from '../rules'
import { computeClock } from './compute'
import { addCalendarDays, fromDayNumber, toDayNumber } from './dates'
import { ClockInputSchema, type ClockEvent, type ClockInput } from './schema'
import type { ClockResult } from './types'

const dayFrom = (received: string, max: number) => fc.integer({ min: 0, max }).map((n) => addCalendarDays(received, n))
const optBool = fc.option(fc.boolean(), { nil: undefined })
const eventArb = (received: string): fc.Arbitrary<ClockEvent> => {
  const date = dayFrom(received, 120)
  return fc
    .oneof(
      fc.record({ type: fc.constant('extension-notice' as const), date, reason: fc.option(fc.constantFrom('', 'volume'), { nil: undefined }), newDate: fc.option(dayFrom(received, 150), { nil: undefined }) }),
      fc.record({ type: fc.constant('state-delay-notice' as const), date, reason: fc.option(fc.constantFrom('', 'records in use'), { nil: undefined }), newDate: fc.option(dayFrom(received, 60), { nil: undefined }) }),
      fc.record({ type: fc.constant('delivered' as const), date, complete: fc.boolean(), format: fc.option(fc.constantFrom('pdf', 'paper'), { nil: undefined }) }),
      fc.record({ type: fc.constant('denied' as const), date, basis: fc.option(fc.constantFrom('', 'psychotherapy notes'), { nil: undefined }), reviewRights: optBool, complaintContact: optBool }),
      fc.record({ type: fc.constant('fee-quoted' as const), date, amount: fc.constantFrom(0, 6.5, 25), method: fc.option(fc.constantFrom('actual' as const, 'flat' as const), { nil: undefined }), perPage: optBool, inAdvance: optBool }),
      fc.record({ type: fc.constant('requested-format' as const), date, format: fc.constantFrom('pdf', 'paper') }),
      fc.record({ type: fc.constant('barrier' as const), date, kind: fc.constantFrom('in-person' as const, 'portal-only' as const) }),
      fc.record({ type: fc.constant('withdrawn' as const), date })
    )
    .map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as ClockEvent)
}
const caseArb = fc
  .record({
    received: fc.integer({ min: toDayNumber('2011-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber),
    profile: fc.constantFrom(...BUILT_IN_PROFILE_IDS),
    kind: fc.constantFrom('access' as const, 'amendment' as const, 'accounting' as const),
    requestType: fc.constantFrom('self' as const, 'third-party-directive' as const),
    asOfOffset: fc.integer({ min: 0, max: 220 })
  })
  .chain((c) => fc.record({ base: fc.constant(c), events: fc.array(eventArb(c.received), { maxLength: 8 }) }))
  .map(({ base: { asOfOffset, ...base }, events }): ClockInput => ClockInputSchema.parse({ ...base, asOf: addCalendarDays(base.received, asOfOffset), events }))

const figures = (r: Pick<ClockResult, 'due' | 'originalDue' | 'status' | 'daysLate' | 'daysRemaining' | 'findings' | 'controllingRule' | 'profileVersion'>) => ({
  due: r.due,
  originalDue: r.originalDue,
  status: r.status,
  daysLate: r.daysLate,
  daysRemaining: r.daysRemaining,
  findings: r.findings,
  controllingRule: r.controllingRule,
  profileVersion: r.profileVersion
})

describe('hipaaAlone', () => {
  it('equals the case computed under the profile "hipaa", whenever the rule is a state overlay', () => {
    let overlays = 0
    fc.assert(
      fc.property(caseArb, (c) => {
        const withShortcut = computeClock(c, { hipaaAlone: true })
        if (!withShortcut.hipaaAlone) return
        overlays++
        expect(withShortcut.hipaaAlone).toEqual(figures(computeClock({ ...c, profile: 'hipaa' })))
      }),
      { numRuns: 600 }
    )
    // The property must not pass by never meeting an overlay.
    expect(overlays).toBeGreaterThan(100)
  })

  it('is left out unless asked for, so the clock command prints what it always did', () => {
    const c = ClockInputSchema.parse({ received: '2026-01-05', profile: 'california', kind: 'access', requestType: 'self', asOf: '2026-03-01', events: [] })
    expect(computeClock(c)).not.toHaveProperty('hipaaAlone')
    expect(computeClock(c, { hipaaAlone: true }).hipaaAlone?.controllingRule).toMatch(/164\.524/)
  })
})
