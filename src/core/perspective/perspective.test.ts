// The perspective's defaults: the ladder a practice-side clock follows, the caseload's columns,
// the words and the letter templates of each side.
import { describe, expect, it } from 'vitest'
import { computeClock } from '../clocks'
import { DEFAULT_LADDER, LadderConfigSchema } from '../escalation'
import { builtInTemplates } from '../letters/templates'
import { CASELOAD_COLUMN_IDS, defaultColumnsFor, defaultLadderFor, eventWord, ladderFor, perspectiveOf, PRACTICE_LADDER, templatesFor, wordsFor } from '.'

const received = '2026-06-01' // a Monday; HIPAA's 30 days end Wed 1 Jul 2026
const clock = (events: Parameters<typeof computeClock>[0]['events'], asOf: string) =>
  computeClock({ kind: 'access', requestType: 'self', profile: 'hipaa', received, asOf, events, reminders: [] }, { ladder: PRACTICE_LADDER })

describe('the practice ladder', () => {
  it('is a valid ladder of its own, different from the advocate’s', () => {
    expect(LadderConfigSchema.safeParse(PRACTICE_LADDER).success).toBe(true)
    expect(defaultLadderFor('practice')).toBe(PRACTICE_LADDER)
    expect(defaultLadderFor('advocate')).toBe(DEFAULT_LADDER)
    expect(PRACTICE_LADDER.steps.map((s) => s.step)).toEqual(['extension-notice', 'practice-response'])
  })

  it('asks for the extension decision 5 days before the due date, then the response on it', () => {
    const open = clock([], '2026-06-10')
    expect(open.nextStep).toEqual({ step: 'extension-notice', due: '2026-06-26', letter: 'practice-extension-notice' })
    // The notice sent: that step is taken and the response is due on the extended date.
    const extended = clock([{ type: 'extension-notice', date: '2026-06-20', reason: 'off-site storage', newDate: '2026-07-20' }], '2026-06-25')
    expect(extended.escalation.find((s) => s.step === 'extension-notice')).toMatchObject({ status: 'taken', takenOn: '2026-06-20' })
    expect(extended.nextStep).toEqual({ step: 'practice-response', due: extended.due, letter: 'practice-denial' })
    expect(extended.due > '2026-07-01').toBe(true)
    // Answered: no step left.
    expect(clock([{ type: 'delivered', date: '2026-06-15', complete: true }], '2026-06-20').nextStep).toBeNull()
  })

  it('a practice-side case never follows the advocate’s ladder of complaints, even a configured one', () => {
    const configured = { steps: [{ step: 'ocr-complaint' as const, letter: 'ocr-complaint', after: 'due' as const, days: 1 }] }
    expect(ladderFor('practice', configured)).toBe(PRACTICE_LADDER)
    expect(ladderFor('advocate', configured)).toBe(configured)
    expect(ladderFor('advocate', undefined)).toBe(DEFAULT_LADDER)
  })
})

describe('defaults that follow the perspective', () => {
  it('caseload columns: the holder for an advocate; the receipt date and staff first for a practice', () => {
    expect(defaultColumnsFor('advocate')).toContain('holder')
    expect(defaultColumnsFor('practice')).not.toContain('holder')
    expect(defaultColumnsFor('practice')[0]).toBe('received')
    expect(defaultColumnsFor('practice')).toContain('assignee')
    for (const p of ['advocate', 'practice'] as const) for (const id of defaultColumnsFor(p)) expect(CASELOAD_COLUMN_IDS).toContain(id)
    // A fresh array each time: a caller may reorder it.
    expect(defaultColumnsFor('advocate')).not.toBe(defaultColumnsFor('advocate'))
  })

  it('words: a request received and our response for a practice; unchanged for an advocate', () => {
    expect(wordsFor('practice')).toMatchObject({ caseload: 'Request log', requestDate: 'Request received', response: 'Our response' })
    expect(wordsFor('advocate')).toMatchObject({ caseload: 'Caseload', requestDate: 'Request sent' })
    expect(eventWord('practice', 'records-delivered')).toMatch(/^Our response/)
    expect(eventWord('practice', 'extension-notice')).toMatch(/^Our extension notice/)
    expect(eventWord('advocate', 'records-delivered')).toBeUndefined()
  })

  it('templates: a practice is offered its acknowledgement, extension notice, fee estimate and denial only', () => {
    const practice = templatesFor('practice', builtInTemplates()).map((t) => t.id)
    expect(practice).toEqual(expect.arrayContaining(['practice-acknowledgement', 'practice-extension-notice', 'practice-fee-estimate', 'practice-denial']))
    expect(practice.every((id) => id.startsWith('practice-'))).toBe(true)
    expect(templatesFor('advocate', builtInTemplates()).some((t) => t.id.startsWith('practice-'))).toBe(false)
    // Every practice ladder step names a practice template.
    for (const s of PRACTICE_LADDER.steps) expect(practice).toContain(s.letter)
  })

  it('a case’s own perspective wins over the workspace’s, which wins over the advocate default', () => {
    expect(perspectiveOf({ perspective: 'practice' }, 'advocate')).toBe('practice')
    expect(perspectiveOf({}, 'practice')).toBe('practice')
    expect(perspectiveOf({}, undefined)).toBe('advocate')
  })
})
