import { describe, expect, it } from 'vitest'
import { COMPLAINT_WINDOW, FEES, HIPAA_ACCESS, HIPAA_ACCOUNTING, HIPAA_AMENDMENT, PROPOSED_2021_ACCESS } from './law'
import { BUILT_IN_PROFILES } from './profiles'
import { pickVersion } from './resolve'
import { BUILT_IN_PROFILE_IDS } from './types'

describe('the numbers the law gives', () => {
  it('HIPAA: access 30 + one 30; amendment and accounting 60 + one 30; all calendar days', () => {
    expect([HIPAA_ACCESS.days, HIPAA_ACCESS.extension?.days, HIPAA_ACCESS.dayKind]).toEqual([30, 30, 'calendar'])
    expect([HIPAA_AMENDMENT.days, HIPAA_AMENDMENT.extension?.days]).toEqual([60, 30])
    expect([HIPAA_ACCOUNTING.days, HIPAA_ACCOUNTING.extension?.days]).toEqual([60, 30])
    expect([PROPOSED_2021_ACCESS.days, PROPOSED_2021_ACCESS.extension?.days]).toEqual([15, 15])
    expect(PROPOSED_2021_ACCESS.citation).toContain('not final')
  })

  it('complaint window 180 days with a warning 30 days before; flat fee $6.50', () => {
    expect(COMPLAINT_WINDOW.days).toBe(180)
    expect(COMPLAINT_WINDOW.warningDays).toBe(30)
    expect(FEES.flatFeeCents).toBe(650)
  })

  it('every built-in profile has an id from the list, a version, and a citation on every rule', () => {
    for (const p of BUILT_IN_PROFILES) {
      expect(BUILT_IN_PROFILE_IDS).toContain(p.id)
      expect(p.version).not.toBe('')
      for (const rule of Object.values(p.rules)) expect(rule.citation).not.toBe('')
    }
    expect(new Set(BUILT_IN_PROFILES.map((p) => p.id))).toEqual(new Set(BUILT_IN_PROFILE_IDS))
  })

  it('state overlays carry a verify-before-relying note, their own state calendar and in-force source', () => {
    const overlays = BUILT_IN_PROFILES.filter((x) => x.combine === 'overlay-hipaa')
    for (const p of overlays) {
      expect(p.rules.access?.verify).toMatch(/^Verify before relying/)
      expect(p.holidays).not.toBe('us-federal')
      expect(p.inForceSource).not.toBeNull()
    }
    const byId = new Map(overlays.map((p) => [p.id, p]))
    // Only California rolls forward (Code Civ. Proc. §§12, 12a); only Washington has a delay notice.
    expect(overlays.filter((p) => p.rollForward !== null).map((p) => p.id)).toEqual(['california'])
    expect(byId.get('california')?.rollForward?.citation).toBe('Cal. Code Civ. Proc. §§12, 12a, 135')
    expect(overlays.filter((p) => p.rules.access?.extension).map((p) => p.id)).toEqual(['washington'])
  })

  it('Washington: 15 working days, a delay notice to 21 working days after receipt; amendments 10 days, to 21 days', () => {
    const wa = BUILT_IN_PROFILES.find((p) => p.id === 'washington')
    expect([wa?.rules.access?.days, wa?.rules.access?.dayKind, wa?.rules.access?.extension?.days, wa?.rules.access?.extension?.counted]).toEqual([15, 'business', 21, 'after-receipt'])
    expect(wa?.rules.access?.extension?.reasonRequired).toBe(true)
    expect([wa?.rules.amendment?.days, wa?.rules.amendment?.dayKind, wa?.rules.amendment?.extension?.days]).toEqual([10, 'calendar', 21])
    // RCW 70.02.100(2)(d) asks the notice for the earliest date only.
    expect(wa?.rules.amendment?.extension?.reasonRequired).toBe(false)
    expect(wa?.rules.accounting).toBeUndefined()
  })

  it('Texas EHR is in force from 1 Sep 2012 (H.B. 300); state rules cover only the kinds their statutes name', () => {
    const tx = BUILT_IN_PROFILES.find((p) => p.id === 'texas-ehr')
    expect(tx?.inForce).toEqual({ from: '2012-09-01', to: null })
    for (const id of ['california', 'texas-ehr', 'texas-physician']) {
      expect(Object.keys(BUILT_IN_PROFILES.find((p) => p.id === id)?.rules ?? {})).toEqual(['access'])
    }
  })

  it('no built-in note, verify text or citation names an internal document', () => {
    const text = JSON.stringify(BUILT_IN_PROFILES)
    expect(text).not.toMatch(/DOMAIN|shared\//)
  })

  it('the 2021 proposal is never in force and never the default', () => {
    const proposal = BUILT_IN_PROFILES.find((p) => p.id === 'hipaa-proposed-2021')
    expect(proposal?.status).toBe('proposed')
    expect(proposal?.inForce).toBeNull()
  })
})

describe('pickVersion: a case is judged by the rules in force on its receipt date', () => {
  const versions = [
    { version: 'b', inForce: { from: '2027-01-01', to: null } },
    { version: 'a', inForce: { from: '2003-04-14', to: '2026-12-31' } }
  ]
  it('picks the version in force on the date, at both edges', () => {
    expect(pickVersion(versions, '2026-12-31')).toEqual({ chosen: versions[1], inForce: true })
    expect(pickVersion(versions, '2027-01-01')).toEqual({ chosen: versions[0], inForce: true })
  })
  it('falls back to the nearest version, flagged as not in force', () => {
    expect(pickVersion(versions, '2001-01-01')).toEqual({ chosen: versions[1], inForce: false })
    expect(pickVersion([{ version: 'p', inForce: null }], '2026-01-01')).toEqual({ chosen: { version: 'p', inForce: null }, inForce: false })
    expect(() => pickVersion([], '2026-01-01')).toThrow()
  })
})
