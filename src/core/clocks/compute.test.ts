import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILE_IDS } from '../rules'
import { addBusinessDays, builtInCalendar, listCalendar } from './calendar'
import { computeClock } from './compute'
import { addCalendarDays, diffCalendarDays, fromDayNumber, toDayNumber } from './dates'
import { ClockInputError } from './errors'
import { parseClockInput } from './parse'
import { ClockInputSchema, type ClockEvent, type ClockInput, type InlineProfile } from './schema'

const input = (draft: Record<string, unknown>): ClockInput => ClockInputSchema.parse(draft)

// ---- arbitraries: a random case with dates on or after receipt ----
const dayFrom = (received: string, max: number) => fc.integer({ min: 0, max }).map((n) => addCalendarDays(received, n))
const optBool = fc.option(fc.boolean(), { nil: undefined })

const eventArb = (received: string): fc.Arbitrary<ClockEvent> => {
  const date = dayFrom(received, 120)
  return fc.oneof(
    fc.record({ type: fc.constant('extension-notice' as const), date, reason: fc.option(fc.constantFrom('', 'archive', 'volume'), { nil: undefined }), newDate: fc.option(dayFrom(received, 150), { nil: undefined }) }),
    fc.record({ type: fc.constant('state-delay-notice' as const), date, reason: fc.option(fc.constantFrom('', 'records in use'), { nil: undefined }), newDate: fc.option(dayFrom(received, 60), { nil: undefined }) }),
    fc.record({ type: fc.constant('delivered' as const), date, complete: fc.boolean(), format: fc.option(fc.constantFrom('pdf', 'PDF ', 'paper', 'fhir'), { nil: undefined }) }),
    fc.record({ type: fc.constant('denied' as const), date, basis: fc.option(fc.constantFrom('', 'psychotherapy notes'), { nil: undefined }), reviewable: optBool, reviewRights: optBool, complaintContact: optBool, statementOfDisagreement: optBool }),
    fc.record({
      type: fc.constant('fee-quoted' as const),
      date,
      amount: fc.constantFrom(0, 6.5, 6.51, 25),
      method: fc.option(fc.constantFrom('actual' as const, 'average' as const, 'flat' as const), { nil: undefined }),
      perPage: optBool,
      includesSearchRetrieval: optBool,
      electronicCopyOfElectronicRecords: optBool,
      inAdvance: optBool
    }),
    fc.record({ type: fc.constant('requested-format' as const), date, format: fc.constantFrom('pdf', 'paper', 'fhir') }),
    fc.record({ type: fc.constant('barrier' as const), date, kind: fc.constantFrom('in-person' as const, 'mail-only' as const, 'portal-only' as const) }),
    fc.record({ type: fc.constantFrom('follow-up' as const, 'privacy-officer-escalation' as const, 'notice-of-intent' as const, 'ocr-complaint' as const, 'information-blocking-report' as const), date }),
    fc.record({ type: fc.constant('withdrawn' as const), date })
  ).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as ClockEvent)
}

const inlineArb: fc.Arbitrary<InlineProfile> = fc.record({
  id: fc.constant('inline-test'),
  days: fc.integer({ min: 1, max: 45 }),
  dayKind: fc.constantFrom('calendar' as const, 'business' as const),
  holidays: fc.array(dayFrom('2026-01-01', 400), { maxLength: 6 }),
  extensionDays: fc.integer({ min: 0, max: 30 }),
  rollForward: fc.boolean()
})

const caseArb = fc
  .record({
    received: fc.integer({ min: toDayNumber('2011-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber),
    profile: fc.oneof(fc.constantFrom(...BUILT_IN_PROFILE_IDS), inlineArb),
    kind: fc.constantFrom('access' as const, 'amendment' as const, 'accounting' as const),
    requestType: fc.constantFrom('self' as const, 'third-party-directive' as const, 'authorization' as const),
    asOfOffset: fc.integer({ min: 0, max: 220 })
  })
  .chain((c) =>
    fc.record({
      base: fc.constant(c),
      events: fc.array(eventArb(c.received), { maxLength: 8 })
    })
  )
  .map(({ base: { asOfOffset, ...base }, events }): ClockInput => input({ ...base, asOf: addCalendarDays(base.received, asOfOffset), events }))

describe('clock properties', () => {
  it('the due date is never before receipt', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = computeClock(c)
        expect(r.originalDue >= c.received).toBe(true)
        expect(r.due >= r.originalDue).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('an extension never moves the due date more than the profile allows', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = computeClock(c)
        const p = c.profile
        if (typeof p !== 'string') {
          // The cap is counted from the original due date in the profile's own days, then rolled forward.
          const cal = listCalendar(p.holidays, 'listed', 'test')
          let cap = p.dayKind === 'business' ? addBusinessDays(r.originalDue, p.extensionDays, cal).date : addCalendarDays(r.originalDue, p.extensionDays)
          if (p.rollForward) cap = addBusinessDays(addCalendarDays(cap, -1), 1, cal).date
          expect(r.due <= cap).toBe(true)
        } else if (p === 'washington' && c.kind !== 'accounting') {
          // A state delay notice reaches at most 21 working days (access) or 21 days (amendment) after receipt.
          const limit =
            c.kind === 'access'
              ? addBusinessDays(c.received, 21, builtInCalendar('washington-state', 'wa')).date
              : addCalendarDays(c.received, 21)
          expect(r.due <= limit).toBe(true)
          expect(r.due >= r.originalDue).toBe(true)
        } else if (p === 'hipaa' || (p !== 'hipaa-proposed-2021' && c.kind !== 'access')) {
          expect(diffCalendarDays(r.due, r.originalDue)).toBeLessThanOrEqual(30)
        } else if (p === 'hipaa-proposed-2021') {
          expect(diffCalendarDays(r.due, r.originalDue)).toBeLessThanOrEqual(c.kind === 'access' ? 15 : 30)
        } else {
          // Other state overlays allow no extension of their own, and are always earlier than HIPAA's
          // date, unless the state rule was not in force on receipt: then HIPAA alone applies.
          if (r.profileVersion.startsWith('hipaa@')) expect(diffCalendarDays(r.due, r.originalDue)).toBeLessThanOrEqual(30)
          else expect(r.due).toBe(r.originalDue)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('a note event anywhere never changes any result', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 1, maxLength: 3 }), fc.nat(), (c, offsets, at) => {
        const notes: ClockEvent[] = offsets.map((o) => ({ type: 'note', date: addCalendarDays(c.received, o), text: `note ${o}` }))
        const events = [...c.events]
        for (const n of notes) events.splice(at % (events.length + 1), 0, n)
        expect(computeClock({ ...c, events })).toEqual(computeClock(c))
      }),
      { numRuns: 200 }
    )
  })

  it('results do not depend on the order of events', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.events, { minLength: c.events.length, maxLength: c.events.length }))),
        ([c, shuffled]) => {
          expect(computeClock({ ...c, events: shuffled })).toEqual(computeClock(c))
        }
      ),
      { numRuns: 200 }
    )
  })

  it('events after asOf never change a result', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const kept = c.events.filter((e) => e.date <= c.asOf)
        const a = computeClock(c)
        const b = computeClock({ ...c, events: kept })
        expect({ ...a, explanation: [] }).toEqual({ ...b, explanation: [] })
      }),
      { numRuns: 200 }
    )
  })

  it('daysRemaining and daysLate follow the day-counting conventions (§5)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = computeClock(c)
        if (r.status === 'awaiting') expect(r.daysRemaining).toBe(diffCalendarDays(r.due, c.asOf))
        else expect(r.daysRemaining).toBeNull()
        if (r.status === 'overdue') expect(r.daysLate).toBe(diffCalendarDays(c.asOf, r.due))
        if (r.status === 'withdrawn' || r.status === 'fulfilled-on-time') expect(r.daysLate).toBeNull()
        expect(r.findings.some((f) => f.code === 'response-late')).toBe(r.daysLate !== null || (r.status === 'withdrawn' && r.findings.some((f) => f.code === 'response-late')))
      }),
      { numRuns: 300 }
    )
  })
})

describe('computeClock', () => {
  it('throws a ClockInputError naming the field for semantic problems', () => {
    const bad = (draft: Record<string, unknown>) => () => computeClock(input(draft))
    expect(bad({ received: '2026-01-05', asOf: '2026-01-04' })).toThrow(new ClockInputError('asOf', '2026-01-04 is before the request was received (2026-01-05)'))
    expect(bad({ received: '2026-01-05', asOf: '2026-02-04', events: [{ type: 'note', date: '2026-01-05' }, { type: 'withdrawn', date: '2026-01-01' }] })).toThrow(
      'events[1].date: 2026-01-01 is before the request was received (2026-01-05)'
    )
    try {
      computeClock(input({ profile: 'oregon', received: '2026-01-05', asOf: '2026-01-06' }))
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ClockInputError)
      expect((e as ClockInputError).path).toBe('profile')
    }
  })

  it('judges a saved profile by the version in force on the receipt date', () => {
    const v1 = { id: 'org', version: '1', label: 'Org', days: 20, dayKind: 'calendar' as const, holidays: [], extensionDays: 0, inForce: { from: null, to: '2026-06-30' } }
    const v2 = { ...v1, version: '2', days: 10, inForce: { from: '2026-07-01', to: null } }
    const savedProfiles = [v2, v1]
    const old = computeClock(input({ profile: 'org', received: '2026-06-30', asOf: '2026-07-01' }), { savedProfiles })
    expect(old.due).toBe('2026-07-20')
    expect(old.profileVersion).toBe('saved:org@1')
    const fresh = computeClock(input({ profile: 'org', received: '2026-07-01', asOf: '2026-07-02' }), { savedProfiles })
    expect(fresh.due).toBe('2026-07-11')
    expect(fresh.profileVersion).toBe('saved:org@2')
    expect(fresh.warnings).toEqual([])
  })

  it('labels the 2021 proposal as a proposal and warns that it was never in force', () => {
    const r = computeClock(input({ profile: 'hipaa-proposed-2021', received: '2026-01-05', asOf: '2026-01-06' }))
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain('proposal')
    expect(r.controllingRule).toContain('not final')
    expect(r.explanation.some((l) => l.startsWith('Warning:'))).toBe(true)
  })

  it('falls back to HIPAA for kinds the 2021 proposal does not change', () => {
    const r = computeClock(input({ kind: 'accounting', profile: 'hipaa-proposed-2021', received: '2026-03-01', asOf: '2026-03-02' }))
    expect(r.due).toBe('2026-04-30')
    expect(r.controllingRule).toBe('45 CFR 164.528(c)')
  })

  it('shows the complaint-window warning from 30 days before it closes, and after it closed', () => {
    const at = (asOf: string) => computeClock(input({ received: '2026-01-05', asOf })).complaintWindowWarning
    // Window closes Tue 4 Aug 2026.
    expect(at('2026-07-04')).toBeNull()
    expect(at('2026-07-05')).toBe('The OCR complaint window closes on Tue 4 Aug 2026: 30 days left to file.')
    expect(at('2026-08-04')).toBe('The OCR complaint window closes on Tue 4 Aug 2026: 0 days left to file.')
    expect(at('2026-08-05')).toContain('closed on Tue 4 Aug 2026, 1 days before')
  })

  it('takes the window that closes first among several findings', () => {
    const r = computeClock(
      input({
        received: '2026-01-05',
        asOf: '2026-03-01',
        events: [
          { type: 'barrier', date: '2026-01-20', kind: 'mail-only' },
          { type: 'fee-quoted', date: '2026-01-10', amount: 10, inAdvance: false },
          { type: 'extension-notice', date: '2026-01-06' }
        ]
      })
    )
    expect(r.complaintWindowCloses).toBe(addCalendarDays('2026-01-10', 180))
  })
})

describe('parseClockInput', () => {
  it.each([
    [{ received: '2026-01-05', asOf: '2026-02-30' }, 'asOf: 2026-02-30 is not a real calendar date'],
    [{ received: '2026-01-05', asOf: '2026-02-01', extra: true }, 'extra: unknown field (remove it or check its spelling)'],
    [{ received: '2026-01-05', asOf: '2026-02-01', requestType: 'lawyer' }, 'requestType: "lawyer" is not one of self, third-party-directive, authorization'],
    [{ received: '2026-01-05', asOf: '2026-02-01', profile: { id: 'x', days: 3 } }, 'profile.dayKind: required field is missing (one of calendar, business)'],
    [{ received: '2026-01-05', asOf: '2026-02-01', profile: 7 }, 'profile: expected a profile id (text) or an inline profile object, got number'],
    [{ received: '2026-01-05', asOf: '2026-02-01', events: [{ type: 'fee-quoted', date: '2026-01-06', amount: '5' }] }, 'events[0].amount: expected number, got the text "5"'],
    [{ received: '2026-01-05', asOf: '2026-02-01', events: [{ date: '2026-01-06' }] }, 'events[0].type: required field is missing'],
    [{ received: '2026-01-05', asOf: '2026-01-01' }, 'asOf: 2026-01-01 is before the request was received (2026-01-05)'],
    ['text', '(input): expected object, got the text "text"']
  ])('%j → %s', (json, message) => {
    const r = parseClockInput(json)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message.startsWith(message), r.message).toBe(true)
  })

  it('applies the documented defaults', () => {
    const r = parseClockInput({ received: '2026-01-05', asOf: '2026-01-06' })
    expect(r).toEqual({
      ok: true,
      value: { kind: 'access', profile: 'hipaa', received: '2026-01-05', asOf: '2026-01-06', requestType: 'self', events: [], reminders: [] }
    })
  })
})

describe('rules as the statutes write them', () => {
  it('California rolls a Saturday due date to Monday and names both the roll and the controlling rule', () => {
    const r = computeClock(input({ profile: 'california', received: '2026-01-16', asOf: '2026-01-20' }))
    expect([r.due, r.controllingRule]).toEqual(['2026-02-02', 'Cal. Health & Safety Code §123110'])
    expect(r.explanation.some((l) => l.includes('Cal. Code Civ. Proc. §§12, 12a, 135') && l.includes('→ Mon 2 Feb 2026'))).toBe(true)
    // HIPAA's own date never rolls: the same receipt under HIPAA alone stays on Sun 15 Feb.
    expect(computeClock(input({ received: '2026-01-16', asOf: '2026-01-20' })).due).toBe('2026-02-15')
  })

  it('Texas counts 2026-07-03 (a federal substitute day) as a business day; Washington does not', () => {
    const tx = computeClock(input({ profile: 'texas-ehr', received: '2026-07-02', asOf: '2026-07-02' }))
    const wa = computeClock(input({ profile: 'washington', received: '2026-07-02', asOf: '2026-07-02' }))
    expect([tx.due, wa.due]).toEqual(['2026-07-23', '2026-07-24'])
  })

  it('a Washington delay notice moves only the state date, capped at 21 working days after receipt', () => {
    const notice = { type: 'state-delay-notice', date: '2026-03-16', reason: 'records in use', newDate: '2026-05-01' }
    const r = computeClock(input({ profile: 'washington', received: '2026-03-02', asOf: '2026-03-20', events: [notice] }))
    expect([r.originalDue, r.due]).toEqual(['2026-03-23', '2026-03-31'])
    expect(r.findings.map((f) => [f.code, f.citation])).toEqual([['extension-too-long', 'RCW 70.02.080(1)(d)']])
    // The same letter recorded as a HIPAA extension notice does not move Washington's date.
    const asHipaa = computeClock(input({ profile: 'washington', received: '2026-03-02', asOf: '2026-03-20', events: [{ ...notice, type: 'extension-notice' }] }))
    expect(asHipaa.due).toBe('2026-03-23')
  })

  it('a state rule not in force on receipt leaves HIPAA alone, and says why', () => {
    const r = computeClock(input({ profile: 'texas-ehr', received: '2012-08-31', asOf: '2012-09-01' }))
    expect([r.due, r.profileVersion]).toEqual(['2012-09-30', 'hipaa@2003-04-14'])
    expect(r.explanation.some((l) => l.includes('was not in force on the receipt date Fri 31 Aug 2012'))).toBe(true)
    expect(computeClock(input({ profile: 'texas-ehr', received: '2012-09-01', asOf: '2012-09-01' })).profileVersion).toBe('texas-ehr@2 + hipaa@2003-04-14')
  })

  it('an amendment denial is checked for its own elements, with the amendment rule’s citation', () => {
    const denied = (kind: string, extra: Record<string, unknown>) =>
      computeClock(input({ kind, received: '2026-01-05', asOf: '2026-01-25', events: [{ type: 'denied', date: '2026-01-20', ...extra }] })).findings
    expect(denied('amendment', { statementOfDisagreement: false }).map((f) => [f.code, f.citation])).toEqual([['denial-missing-elements', '45 CFR 164.526(d)(1)']])
    expect(denied('amendment', { complaintContact: false })[0]?.message).toContain('how to complain')
    expect(denied('amendment', { reviewable: true, reviewRights: false })).toEqual([])
    expect(denied('access', { statementOfDisagreement: false })).toEqual([])
    expect(denied('accounting', { basis: '', complaintContact: false })).toEqual([])
  })
})
