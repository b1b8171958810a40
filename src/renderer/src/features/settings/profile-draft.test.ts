import { describe, expect, it } from 'vitest'
import type { ProfileDefinition } from '../../../../core/clocks/schema'
import { checkProfileDraft, draftForNewVersion, holidayList, newProfileDraft, nextVersion } from './profile-draft'

describe('profile draft', () => {
  it('numbers the next version after the last, skipping names taken', () => {
    expect(nextVersion(['1'])).toBe('2')
    expect(nextVersion(['v2', 'v3'])).toBe('v4')
    // Counts on from the last, past names already taken: after 1, 3, 2 comes 4 (3 is taken).
    expect(nextVersion(['1', '3', '2'])).toBe('4')
    expect(nextVersion(['2026 rules'])).toBe('')
    expect(nextVersion([])).toBe('')
  })

  it('reads holidays one per line, or separated by commas and spaces', () => {
    expect(holidayList('2026-01-01\n2026-07-03, 2026-12-25;  ')).toEqual(['2026-01-01', '2026-07-03', '2026-12-25'])
  })

  it('turns a complete draft into a checked profile definition', () => {
    const checked = checkProfileDraft({ ...newProfileDraft(), id: 'clinic-policy', label: 'Our clinic', days: '15', dayKind: 'business', holidays: '2026-12-25' })
    expect(checked).toEqual({ ok: true, profile: expect.objectContaining({ id: 'clinic-policy', days: 15, dayKind: 'business', extensionDays: 0, holidays: ['2026-12-25'] }) })
  })

  it('names each field that is wrong, in words, and never guesses a number', () => {
    const checked = checkProfileDraft({ ...newProfileDraft(), id: 'x'.repeat(65), label: 'L', days: 'thirty', extensionDays: '', holidays: '2026-02-30', inForceFrom: '2026-06-01', inForceTo: '2026-01-01' })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors).toMatchObject({
      days: '"thirty" is not a whole number of days',
      extensionDays: 'enter 0 if no extension is allowed',
      id: 'is too long (at most 64 characters)',
      'inForce.to': 'the rules stop being in force before they start'
    })
    expect(checked.errors['holidays']).toMatch(/2026-02-30/)
  })

  it('a new version starts from the latest rules of the profile', () => {
    const v1 = { id: 'p', label: 'P', version: '1', days: 30, dayKind: 'calendar', holidays: [], extensionDays: 30 } as unknown as ProfileDefinition
    const v2 = { ...v1, version: '2', days: 20 } as ProfileDefinition
    expect(draftForNewVersion([v1, v2])).toMatchObject({ id: 'p', version: '3', days: '20', extensionDays: '30' })
    expect(draftForNewVersion([])).toEqual(newProfileDraft())
  })
})
