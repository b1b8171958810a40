// The add/edit-event form's pure logic: what the person typed becomes the contract's input, or a
// message beside each field; an edit sends only what changed.
import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '#core/schemas'
import { formatDay } from '../../ui/format'
import { buildEventInput, draftOfEvent, eventPatch, newDraft, predatesRequestWarning, typicalDirection } from './event-draft'

describe('event draft', () => {
  it('leaves out what was not answered: an unanswered yes/no is unknown, never "no"', () => {
    const built = buildEventInput({ ...newDraft('fee-quoted'), date: '2026-10-01', amount: '$1,250.50', summary: '  Invoice  ' })
    expect(built).toEqual({ ok: true, input: expect.objectContaining({ type: 'fee-quoted', date: '2026-10-01', amount: 1250.5, summary: 'Invoice' }) })
    if (!built.ok) return
    expect(built.input).not.toHaveProperty('perPage')
    expect(built.input).not.toHaveProperty('inAdvance')
    expect(built.input).not.toHaveProperty('channel')
  })

  it('puts each problem beside its field', () => {
    const built = buildEventInput({ ...newDraft('fee-quoted'), date: '2026-02-30', amount: 'twenty' })
    expect(built.ok).toBe(false)
    if (built.ok) return
    expect(built.errors['amount']).toBe('"twenty" is not an amount of money.')
    expect(built.errors['date']).toBe('February has no 30th (it has 28 days).')
  })

  it('asks for the date in the field\'s own format, never "\"\" is not a date written YYYY-MM-DD"', () => {
    const built = buildEventInput({ ...newDraft('note'), date: '' })
    expect(built.ok).toBe(false)
    if (built.ok) return
    expect(built.errors['date']).toMatch(/^Enter the date, as (MM\/DD\/YYYY|DD\/MM\/YYYY|DD\.MM\.YYYY|YYYY-MM-DD)\.$/)
  })

  it('warns while the date is typed when an event predates the request, and says nothing otherwise', () => {
    const log = [
      { type: 'note' as const, date: '2026-08-01' },
      { type: 'request-sent' as const, date: '2026-09-02' }
    ]
    // The date is shown as the window shows every date, in the user's locale.
    expect(predatesRequestWarning('fee-quoted', '2026-08-31', log)).toBe(`This is before the request was sent (${formatDay('2026-09-02')}). Check the date; you can still save it if it is right.`)
    expect(predatesRequestWarning('fee-quoted', '2026-09-02', log)).toBeNull()
    expect(predatesRequestWarning('request-sent', '2026-08-01', log)).toBeNull()
    expect(predatesRequestWarning('fee-quoted', '2026-08-31', [])).toBeNull()
    expect(predatesRequestWarning('fee-quoted', 'not yet', log)).toBeNull()
  })

  it('asks for what an event of its type cannot do without', () => {
    const noAmount = buildEventInput({ ...newDraft('fee-paid'), date: '2026-10-01' })
    expect(noAmount).toEqual({ ok: false, errors: { amount: 'Enter the amount (0 if there is no fee).' } })
    const barrier = buildEventInput({ ...newDraft('barrier'), date: '2026-10-01' })
    expect(barrier).toMatchObject({ ok: false, errors: { kind: 'Choose the kind of barrier.' } })
  })

  it('starts an event the way it usually travels', () => {
    expect(typicalDirection('request-sent')).toBe('outgoing')
    expect(typicalDirection('denial')).toBe('incoming')
    expect(typicalDirection('note')).toBe('internal')
    expect(newDraft('records-delivered').direction).toBe('incoming')
  })

  it('an edit sends only what changed, and null for a field emptied', () => {
    const logged: CaseEvent = {
      id: 'ev-1',
      type: 'fee-quoted',
      date: '2026-10-01',
      direction: 'incoming',
      channel: 'mail',
      summary: 'Invoice',
      amount: 25,
      method: 'flat',
      attachments: [],
      createdAt: '2026-10-01T10:00:00.000Z',
      updatedAt: '2026-10-01T10:00:00.000Z'
    } as unknown as CaseEvent
    const draft = { ...draftOfEvent(logged), amount: '30', method: '' }
    const built = buildEventInput(draft)
    if (!built.ok) throw new Error(JSON.stringify(built.errors))
    expect(eventPatch(logged, built.input)).toEqual({ amount: 30, method: null })
    // Unchanged: nothing to send.
    const same = buildEventInput(draftOfEvent(logged))
    if (!same.ok) throw new Error(JSON.stringify(same.errors))
    expect(eventPatch(logged, same.input)).toEqual({})
  })
})
