import { describe, expect, it } from 'vitest'
import { computeClock } from '../clocks'
import { ClockEventSchema } from '../clocks/schema'
import { agencyReference, agencyState, parseReferences } from './agency'
import { AGENCY_CHECK_DEFAULT_DAYS } from './agency-config'
import { planEscalation } from './plan'
import { DEFAULT_LADDER } from './ladder'
import { waitingOnOf } from './waiting-on'

describe('agencyState', () => {
  it('is null until a complaint is filed', () => {
    expect(agencyState({ filings: [], acknowledgements: [], resolutions: [], checkDays: 30 })).toBeNull()
  })

  it('asks to check the acknowledgement checkDays after filing (2026-03-02 + 30 = 2026-04-01)', () => {
    const a = agencyState({ filings: [{ venue: 'ocr', date: '2026-03-02' }], acknowledgements: [], resolutions: [], checkDays: 30 })
    expect(a).toEqual({
      filings: [{ venue: 'ocr', filedOn: '2026-03-02', acknowledgedOn: null, checkDue: '2026-04-01' }],
      nextCheck: { venue: 'ocr', due: '2026-04-01' }
    })
  })

  it('an acknowledgement closes the check of its venue; without a venue it answers the latest filing', () => {
    const filings = [
      { venue: 'ocr' as const, date: '2026-03-02' },
      { venue: 'information-blocking' as const, date: '2026-03-10' }
    ]
    const named = agencyState({ filings, acknowledgements: [{ venue: 'ocr', date: '2026-03-20' }], resolutions: [], checkDays: 14 })
    expect(named?.filings.map((f) => [f.venue, f.acknowledgedOn, f.checkDue])).toEqual([
      ['ocr', '2026-03-20', null],
      ['information-blocking', null, '2026-03-24']
    ])
    expect(named?.nextCheck).toEqual({ venue: 'information-blocking', due: '2026-03-24' })
    const unnamed = agencyState({ filings, acknowledgements: [{ date: '2026-03-12' }], resolutions: [], checkDays: 14 })
    expect(unnamed?.nextCheck).toEqual({ venue: 'ocr', due: '2026-03-16' })
  })

  it('a resolution on or after the latest filing ends it; one before it does not', () => {
    const filings = [{ venue: 'state' as const, date: '2026-03-02' }]
    expect(agencyState({ filings, acknowledgements: [], resolutions: ['2026-03-02'], checkDays: 30 })).toBeNull()
    expect(agencyState({ filings, acknowledgements: [], resolutions: ['2026-03-01'], checkDays: 30 })).not.toBeNull()
  })

  it('finds the agency reference among the case references', () => {
    const refs = parseReferences(['holder-request-id:H-1', 'ocr-transaction:OCR-22-123'])
    expect(agencyReference('ocr', refs)).toBe('OCR-22-123')
    expect(agencyReference('state', refs)).toBeNull()
  })
})

describe('skipping a ladder step', () => {
  const base = { ladder: DEFAULT_LADDER, received: '2026-01-05', due: '2026-02-04', takenOn: new Map(), clockRunning: true }

  it('takes the step off the list with its reason, and the next one counts from the skip', () => {
    const p = planEscalation({ ...base, skipped: new Map([['follow-up', { on: '2026-01-20', reason: 'holder asked for no calls' }]]) })
    expect(p.steps[0]).toMatchObject({ step: 'follow-up', status: 'skipped', skip: { on: '2026-01-20', reason: 'holder asked for no calls' } })
    expect(p.nextStep).toEqual({ step: 'privacy-officer-escalation', due: '2026-02-05', letter: 'privacy-officer-escalation' })
  })

  it('a step taken after all counts as taken', () => {
    const p = planEscalation({ ...base, takenOn: new Map([['follow-up', '2026-01-29']]), skipped: new Map([['follow-up', { on: '2026-01-20', reason: 'x' }]]) })
    expect(p.steps[0]).toMatchObject({ status: 'taken', skip: null })
  })
})

describe('the clock with an agency and a skip', () => {
  // HIPAA: received 2026-01-05, due 2026-02-04; by 2026-03-15 every ladder step is past due.
  const input = (events: unknown[], asOf = '2026-03-15') =>
    ({ kind: 'access', profile: 'hipaa', received: '2026-01-05', asOf, requestType: 'self', events, reminders: [] }) as Parameters<typeof computeClock>[0]

  it('an OCR complaint puts the case with the agency: no ladder step, a check 30 days after filing', () => {
    const r = computeClock(input([{ type: 'ocr-complaint', date: '2026-03-02' }]))
    expect(r.status).toBe('overdue')
    expect(r.nextStep).toBeNull()
    expect(r.agency?.nextCheck).toEqual({ venue: 'ocr', due: '2026-04-01' })
    expect(AGENCY_CHECK_DEFAULT_DAYS).toBe(30)
    expect(r.explanation.join('\n')).toContain('check for its acknowledgement by')
    expect(r.explanation.join('\n')).toContain('a working default, not a legal deadline')
  })

  it('the check days follow the setting', () => {
    const r = computeClock(input([{ type: 'state-complaint', date: '2026-03-02' }]), { agencyCheckDays: 10 })
    expect(r.agency?.nextCheck).toEqual({ venue: 'state', due: '2026-03-12' })
  })

  it('a skipped step is no longer the overdue next step, and the explanation gives the reason', () => {
    const events = [
      { type: 'follow-up', date: '2026-01-28' },
      { type: 'privacy-officer-escalation', date: '2026-02-05' },
      { type: 'notice-of-intent', date: '2026-02-12' },
      { type: 'step-skipped', date: '2026-03-01', step: 'ocr-complaint', reason: 'patient does not want a federal complaint' }
    ]
    const before = computeClock(input(events.slice(0, 3)))
    expect(before.nextStep).toEqual({ step: 'ocr-complaint', due: '2026-02-19', letter: 'ocr-complaint' })
    const after = computeClock(input(events))
    expect(after.nextStep).toEqual({ step: 'information-blocking-report', due: '2026-02-19', letter: 'information-blocking-report' })
    expect(after.explanation.join('\n')).toContain('skipped for this case on')
    expect(after.explanation.join('\n')).toContain('patient does not want a federal complaint')
  })

  it('refuses a skip without a reason', () => {
    expect(ClockEventSchema.safeParse({ type: 'step-skipped', date: '2026-03-01', step: 'follow-up', reason: '  ' }).success).toBe(false)
    expect(ClockEventSchema.safeParse({ type: 'step-skipped', date: '2026-03-01', step: 'follow-up', reason: 'no' }).success).toBe(true)
  })
})

describe('waitingOnOf', () => {
  const base = { asOf: '2026-03-15', status: 'overdue', nextStep: null, agency: null, reminderDates: [], draftLetters: 0 }
  const agency = (due: string) => ({ filings: [], nextCheck: { venue: 'ocr' as const, due } })

  it('classifies each case', () => {
    expect(waitingOnOf({ ...base, nextStep: { due: '2026-03-15' } })).toBe('me')
    expect(waitingOnOf({ ...base, nextStep: { due: '2026-03-16' } })).toBe('holder')
    expect(waitingOnOf({ ...base, agency: agency('2026-04-01') })).toBe('agency')
    expect(waitingOnOf({ ...base, agency: agency('2026-03-14') })).toBe('me')
    expect(waitingOnOf({ ...base, status: 'not-sent' })).toBe('me')
    expect(waitingOnOf({ ...base, status: 'fulfilled-on-time' })).toBeNull()
    expect(waitingOnOf({ ...base, status: 'fulfilled-on-time', draftLetters: 1 })).toBe('me')
    expect(waitingOnOf({ ...base, nextStep: { due: '2026-03-20' }, reminderDates: ['2026-03-15'] })).toBe('me')
    expect(waitingOnOf({ ...base, nextStep: { due: '2026-03-20' }, reminderDates: ['2026-03-14'] })).toBe('holder')
  })
})
