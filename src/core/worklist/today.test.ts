import { describe, expect, it } from 'vitest'
import { buildWorklist, type WorklistCase } from './today'

// Today is Wednesday 2026-03-11: this week runs to Tuesday 2026-03-17; complaint windows are listed
// to 2026-04-10 (30 days, the rules' warning period).
const TODAY = '2026-03-11'
const base: Omit<WorklistCase, 'id'> = {
  patientName: 'Ana',
  organizationName: 'Mercy',
  status: 'awaiting',
  nextStep: null,
  agency: null,
  references: [],
  reminders: [],
  drafts: [],
  complaintWindowCloses: null,
  waitingOn: 'holder'
}
const c = (id: string, over: Partial<WorklistCase>): WorklistCase => ({ ...base, id, ...over })

describe('buildWorklist', () => {
  const w = buildWorklist(
    [
      c('a', { status: 'overdue', waitingOn: 'me', nextStep: { step: 'privacy-officer-escalation', due: '2026-03-05', letter: 'po-letter' } }),
      c('b', { nextStep: { step: 'follow-up', due: '2026-03-17', letter: 'follow-up' } }),
      c('c', { nextStep: { step: 'follow-up', due: '2026-03-18', letter: 'follow-up' } }),
      c('d', { reminders: [{ date: '2026-03-11', note: 'call the records office' }, { date: '2026-03-10', note: 'old' }], waitingOn: 'me' }),
      c('e', { status: 'overdue', waitingOn: 'agency', agency: { filings: [{ venue: 'ocr', filedOn: '2026-02-14', acknowledgedOn: null, checkDue: '2026-03-16' }], nextCheck: { venue: 'ocr', due: '2026-03-16' } }, complaintWindowCloses: '2026-04-01' }),
      c('f', { status: 'fulfilled-late', waitingOn: null, complaintWindowCloses: '2026-04-10' }),
      c('g', { status: 'fulfilled-late', waitingOn: null, complaintWindowCloses: '2026-04-11' }),
      c('h', { status: 'fulfilled-on-time', waitingOn: 'me', drafts: [{ letterId: 'L1', template: 'follow-up', title: 'Follow-up letter' }] })
    ],
    TODAY
  )

  it('spans today to today + 6 and the 30-day window horizon', () => {
    expect([w.today, w.weekEnd, w.windowHorizon]).toEqual(['2026-03-11', '2026-03-17', '2026-04-10'])
  })

  it('lists what is due, earliest first, each with its action', () => {
    expect(w.items.map((i) => [i.caseId, i.kind, i.date, i.when])).toEqual([
      ['a', 'next-step', '2026-03-05', 'overdue'],
      ['h', 'draft-letter', '2026-03-11', 'today'],
      ['d', 'reminder', '2026-03-11', 'today'],
      ['e', 'agency-check', '2026-03-16', 'this-week'],
      ['b', 'next-step', '2026-03-17', 'this-week'],
      ['f', 'complaint-window', '2026-04-10', 'later']
    ])
    const byCase = new Map(w.items.map((i) => [i.caseId, i]))
    expect(byCase.get('a')?.action).toEqual({ kind: 'prepare-letter', template: 'po-letter' })
    expect(byCase.get('a')?.title).toBe('Escalation to the privacy officer')
    expect(byCase.get('h')?.action).toEqual({ kind: 'mark-sent', letterId: 'L1' })
    expect(byCase.get('e')?.action).toEqual({ kind: 'log-event', eventType: 'agency-acknowledged', venue: 'ocr' })
    expect(byCase.get('d')?.title).toBe('Reminder: call the records office')
  })

  it('leaves out a window already with OCR, one past the horizon, and steps after this week', () => {
    expect(w.items.some((i) => i.caseId === 'e' && i.kind === 'complaint-window')).toBe(false)
    expect(w.items.some((i) => i.caseId === 'g' || i.caseId === 'c')).toBe(false)
  })

  it('counts cases by status and by who they wait on', () => {
    expect(w.counts).toEqual({
      total: 8,
      byStatus: { overdue: 2, awaiting: 3, 'fulfilled-late': 2, 'fulfilled-on-time': 1 },
      byWaitingOn: { me: 3, holder: 2, agency: 1, none: 2 }
    })
  })
})
