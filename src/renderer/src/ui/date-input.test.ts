import { describe, expect, it } from 'vitest'
import { dateFieldValue, dateInputFormat, formatDateInput, localizeDates, readDateInput } from './date-input'

const US = dateInputFormat('en-US')
const UK = dateInputFormat('en-GB')
const DE = dateInputFormat('de-DE')
const SE = dateInputFormat('sv-SE')

describe('the format a locale types dates in', () => {
  it('follows Intl: month first in the US, day first in the UK and Germany, ISO in Sweden', () => {
    expect(US).toEqual({ order: 'mdy', separator: '/', pattern: 'MM/DD/YYYY' })
    expect(UK).toEqual({ order: 'dmy', separator: '/', pattern: 'DD/MM/YYYY' })
    expect(DE).toEqual({ order: 'dmy', separator: '.', pattern: 'DD.MM.YYYY' })
    expect(SE).toEqual({ order: 'ymd', separator: '-', pattern: 'YYYY-MM-DD' })
  })
  it('shows a stored date the way the field takes it', () => {
    expect(formatDateInput('2026-09-02', US)).toBe('09/02/2026')
    expect(formatDateInput('2026-09-02', UK)).toBe('02/09/2026')
    expect(formatDateInput('2026-09-02', DE)).toBe('02.09.2026')
    expect(formatDateInput('not a date', US)).toBe('not a date')
  })
})

describe('reading a typed date', () => {
  it('reads the locale order, ISO, and dates with a month name, all to the same day', () => {
    for (const typed of ['09/02/2026', '9/2/2026', '2026-09-02', '2026/9/2', 'Sep 2 2026', 'September 2nd, 2026', '2 Sep 2026', 'Wed 2 Sep 2026', 'sept. 2 2026']) {
      expect(readDateInput(typed, US), typed).toEqual({ ok: true, iso: '2026-09-02' })
    }
    expect(readDateInput('02/09/2026', UK)).toEqual({ ok: true, iso: '2026-09-02' })
    expect(readDateInput('02.09.2026', DE)).toEqual({ ok: true, iso: '2026-09-02' })
  })
  it('says what is wrong in the terms of the calendar, never silently drops', () => {
    expect(readDateInput('02/30/2026', US)).toEqual({ ok: false, message: 'February has no 30th (it has 28 days)' })
    expect(readDateInput('30/02/2026', UK)).toEqual({ ok: false, message: 'February has no 30th (it has 28 days)' })
    expect(readDateInput('02/29/2026', US)).toEqual({ ok: false, message: 'February 2026 has no 29th: 2026 is not a leap year' })
    expect(readDateInput('02/29/2028', US)).toEqual({ ok: true, iso: '2028-02-29' })
    expect(readDateInput('04/31/2026', US)).toEqual({ ok: false, message: 'April has no 31st (it has 30 days)' })
    expect(readDateInput('13/01/2026', US)).toEqual({ ok: false, message: 'there is no month 13: months run from 1 to 12' })
    expect(readDateInput('09/02/26', US).ok).toBe(false)
    expect(readDateInput('Smarch 2 2026', US)).toEqual({ ok: false, message: '"Smarch" is not the name of a month' })
    expect(readDateInput('soon', US)).toEqual({ ok: false, message: '"soon" is not a date the app can read: write it as MM/DD/YYYY (e.g. 09/02/2026)' })
    expect(readDateInput('   ', US)).toEqual({ ok: true, iso: undefined })
  })
  it('gives a form the ISO date or a message; an empty required field asks in the field\'s own format', () => {
    expect(dateFieldValue('09/02/2026', { f: US })).toEqual({ iso: '2026-09-02' })
    expect(dateFieldValue('', { f: US })).toEqual({})
    expect(dateFieldValue('', { required: true, f: US })).toEqual({ error: 'Enter the date, as MM/DD/YYYY.' })
    expect(dateFieldValue('02/30/2026', { f: US })).toEqual({ error: 'February has no 30th (it has 28 days).' })
  })
  it('writes the services\' ISO dates as the field shows them', () => {
    expect(localizeDates('2026-12-09 is in the future (today is 2026-12-01)', US)).toBe('12/09/2026 is in the future (today is 12/01/2026)')
  })
})
