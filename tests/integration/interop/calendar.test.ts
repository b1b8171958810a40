import { format } from 'date-fns'
import ical from 'node-ical'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { calendarIcs } from '../../../src/services/interop/calendar/ics'
import { initialsOf } from '../../../src/services/interop/calendar/phi'
import { seedBasics, testServices, type TestServices } from '../helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

type Parsed = { uid: string; start: string; end: string; summary: string; allDay: boolean }
function parse(text: string): Parsed[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is ical.VEvent => c?.type === 'VEVENT')
    .map((e) => ({ uid: e.uid, start: format(e.start, 'yyyy-MM-dd'), end: format(e.end ?? e.start, 'yyyy-MM-dd'), summary: String(e.summary), allDay: e.datetype === 'date' }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid))
}

describe('calendar (.ics)', () => {
  it('writes every deadline, pending escalation step, complaint-window close and reminder as all-day events a real parser reads back', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'MRG-77' }] })
    await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-09-01' })
    const rem = await s.cases.addReminder(c.id, { date: '2026-11-30', note: 'Call records desk' })
    const view = await s.queries.view(c.id)
    if (view.clock.state !== 'ok') throw new Error('expected a clock')
    const r = view.clock.result
    expect(r.status).toBe('overdue')
    expect(r.complaintWindowCloses).not.toBeNull()
    const { text } = await calendarIcs(s)
    const events = parse(text)
    const expected = [
      { uid: `${c.id}-due@access-advocate.local`, start: r.due, summary: 'Records due: MRG-77 (A.R.) – Mercy General Hospital' },
      ...r.escalation.filter((x) => x.status === 'pending').map((x) => ({ uid: `${c.id}-step-${x.step}@access-advocate.local`, start: x.due, summary: expect.stringContaining('MRG-77 (A.R.)') })),
      { uid: `${c.id}-complaint-window@access-advocate.local`, start: r.complaintWindowCloses, summary: 'OCR complaint window closes: MRG-77 (A.R.) – Mercy General Hospital' },
      { uid: `${c.id}-reminder-${rem.id}@access-advocate.local`, start: '2026-11-30', summary: 'Reminder: MRG-77 (A.R.) – Mercy General Hospital' }
    ]
    expect(events).toHaveLength(expected.length)
    expect(r.escalation.filter((x) => x.status === 'pending').length).toBeGreaterThan(0)
    for (const e of expected) expect(events).toContainEqual(expect.objectContaining({ ...e, allDay: true }))
    for (const e of events) expect(e.end).toBe(format(new Date(new Date(`${e.start}T12:00`).getTime() + 86_400_000), 'yyyy-MM-dd'))
    expect(text).not.toContain('Ana')
    expect(text).not.toContain('1980')
  })

  it('keeps UIDs stable when dates move, so a re-import updates instead of duplicating; PHI follows the chosen level', async () => {
    const { patient, org } = await seedBasics(s)
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-11-02' })
    const before = parse((await calendarIcs(s, { caseIds: [c.id] })).text)
    await s.cases.addEvent(c.id, { type: 'extension-notice', date: '2026-11-20', reason: 'records off-site', newDate: '2026-12-31' })
    const after = parse((await calendarIcs(s, { caseIds: [c.id] })).text)
    const due = (list: Parsed[]) => list.find((e) => e.uid === `${c.id}-due@access-advocate.local`)!
    expect(due(before).start).toBe('2026-12-02')
    expect(due(after).start).not.toBe(due(before).start)
    const names = (await calendarIcs(s, { phi: 'names' })).text
    expect(names).toContain(`${c.id} (Ana Ruiz)`)
    const none = (await calendarIcs(s, { phi: 'none' })).text
    expect(none).not.toMatch(/Ana|A\.R\./)
    await expect(calendarIcs(s, { caseIds: ['case-nope'] })).rejects.toThrow(/No case with id "case-nope"/)
  })

  it('makes initials from names with commas, hyphens and accents', () => {
    expect(['Ana Ruiz', 'Lee, Sam', 'José-María Núñez', "  o'brien  pat "].map(initialsOf)).toEqual(['A.R.', 'L.S.', 'J.N.', 'O.P.'])
  })
})
