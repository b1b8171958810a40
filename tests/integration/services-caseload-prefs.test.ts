// The caseload's layout and views live in settings.json and survive reopening the folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers'
import { caseloadPrefsService } from '../../src/services/caseload-prefs'
import { isAppError } from '../../src/shared/errors'
import { testServices, type TestServices } from './helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

describe('caseload prefs', () => {
  it('keeps the density, columns, last view and saved views across a restart, changing only what is given', async () => {
    const h = createHandlers(s)
    expect(await h['caseload.prefs']({})).toEqual({ density: 'compact' })
    await h['caseload.savePrefs']({ density: 'comfortable', columns: { order: ['patient', 'due'], sizes: { patient: 220 } } })
    await caseloadPrefsService(s.context).save({ views: [{ id: 'view-texas', name: 'Texas hospitals', view: { states: ['tx'], holderKinds: ['hospital'] } }], currentViewId: 'view-texas' })
    const dir = s.dataDir
    await s.close()
    s = await testServices('2026-11-25T16:00:00.000Z', dir)
    const prefs = await createHandlers(s)['caseload.prefs']({})
    expect(prefs).toMatchObject({ density: 'comfortable', columns: { order: ['patient', 'due'], sizes: { patient: 220 } }, currentViewId: 'view-texas' })
    expect(prefs.views?.[0]?.view).toMatchObject({ states: ['TX'], holderKinds: ['hospital'], statuses: [], mine: false })
  })

  it('refuses a view without a name, naming the field', async () => {
    try {
      await caseloadPrefsService(s.context).save({ views: [{ id: 'view-x', name: '  ', view: {} }] })
      expect.unreachable()
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('INVALID_INPUT')
      expect(String((e as Error).message)).toContain('give the view a name')
    }
  })
})
