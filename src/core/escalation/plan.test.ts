import { describe, expect, it } from 'vitest'
import { DEFAULT_LADDER, LadderConfigSchema, type EscalationStepId } from './ladder'
import { planEscalation } from './plan'

const plan = (taken: Array<[EscalationStepId, string]>, clockRunning = true, due = '2026-02-04') =>
  planEscalation({ ladder: DEFAULT_LADDER, received: '2026-01-05', due, takenOn: new Map(taken), clockRunning })

describe('default ladder (issue 5)', () => {
  it('schedules follow-up 7 days before due, privacy officer the day after, then a week apart', () => {
    expect(plan([]).steps.map((s) => [s.step, s.due, s.letter])).toEqual([
      ['follow-up', '2026-01-28', 'follow-up'],
      ['privacy-officer-escalation', '2026-02-05', 'privacy-officer-escalation'],
      ['notice-of-intent', '2026-02-12', 'notice-of-intent'],
      ['ocr-complaint', '2026-02-19', 'ocr-complaint'],
      ['information-blocking-report', '2026-02-19', 'information-blocking-report']
    ])
    expect(plan([]).nextStep).toEqual({ step: 'follow-up', due: '2026-01-28', letter: 'follow-up' })
  })

  it('recognises steps taken and counts later steps from the day they were actually taken', () => {
    const p = plan([
      ['follow-up', '2026-01-29'],
      ['privacy-officer-escalation', '2026-02-09']
    ])
    expect(p.steps.map((s) => s.status)).toEqual(['taken', 'taken', 'pending', 'pending', 'pending'])
    expect(p.nextStep).toEqual({ step: 'notice-of-intent', due: '2026-02-16', letter: 'notice-of-intent' })
  })

  it('records earlier steps as skipped when a later one was taken', () => {
    const p = plan([['notice-of-intent', '2026-02-06']])
    expect(p.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'taken', 'pending', 'pending'])
    expect(p.nextStep).toEqual({ step: 'ocr-complaint', due: '2026-02-13', letter: 'ocr-complaint' })
  })

  it('suggests nothing once every step is taken or the clock has stopped', () => {
    expect(plan([['information-blocking-report', '2026-03-01']]).nextStep).toBeNull()
    expect(plan([], false).nextStep).toBeNull()
  })

  it('never puts a step before the request was received', () => {
    expect(plan([], true, '2026-01-08').steps[0]?.due).toBe('2026-01-05')
  })
})

describe('LadderConfigSchema', () => {
  it('accepts the default ladder and a custom one', () => {
    expect(LadderConfigSchema.parse(DEFAULT_LADDER)).toEqual(DEFAULT_LADDER)
    const custom = { steps: [{ step: 'privacy-officer-escalation', letter: 'po-letter', after: 'due', days: 3 }] }
    expect(LadderConfigSchema.parse(custom)).toEqual(custom)
  })

  it('rejects duplicates, forward references, unknown fields and empty ladders', () => {
    expect(LadderConfigSchema.safeParse({ steps: [] }).success).toBe(false)
    expect(
      LadderConfigSchema.safeParse({
        steps: [
          { step: 'follow-up', letter: 'a', after: 'due', days: -7 },
          { step: 'follow-up', letter: 'b', after: 'due', days: 1 }
        ]
      }).success
    ).toBe(false)
    expect(LadderConfigSchema.safeParse({ steps: [{ step: 'ocr-complaint', letter: 'a', after: 'notice-of-intent', days: 7 }] }).success).toBe(false)
    expect(LadderConfigSchema.safeParse({ steps: [{ step: 'follow-up', letter: 'a', after: 'due', days: 1, extra: 1 }] }).success).toBe(false)
  })
})
