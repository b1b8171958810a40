import { describe, expect, it } from 'vitest'
import { ApiError } from './client'
import { fieldErrorsOf } from './field-errors'
import { formatDateInput } from '../ui/date-input'

describe('fieldErrorsOf', () => {
  const error = new ApiError({
    code: 'INVALID_INPUT',
    message: 'event.date: 2027-06-01 is in the future; patch.contact.email: is not an e-mail address',
    details: {
      channel: 'cases.addEvent',
      issues: [
        { path: ['event', 'date'], message: '2027-06-01 is in the future' },
        { path: ['event', 'date'], message: 'a second problem with the same field' },
        { path: ['patch', 'contact', 'email'], message: 'is not an e-mail address' },
        { path: ['caseId'], message: 'must be an id' },
        { path: ['event'], message: 'the event as a whole' }
      ]
    }
  })

  it('keys each message by its field under the form’s root, first message per field, never reading the text', () => {
    // The date is written as the date fields show dates on this computer (06/01/2027 in the US).
    expect(fieldErrorsOf(error, ['event'])).toEqual({ date: `${formatDateInput('2027-06-01')} is in the future`, form: 'the event as a whole' })
    expect(fieldErrorsOf(error, ['patch', 'patient'])).toEqual({ 'contact.email': 'is not an e-mail address' })
  })

  it('has nothing to say about an error without field paths, or one that is not from the services', () => {
    expect(fieldErrorsOf(new ApiError({ code: 'INTERNAL', message: 'event.date: looks like a path' }), ['event'])).toEqual({})
    expect(fieldErrorsOf(new Error('event.date: no'), ['event'])).toEqual({})
    expect(fieldErrorsOf(null, ['event'])).toEqual({})
  })
})
