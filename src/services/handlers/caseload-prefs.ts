import type { Handlers } from '../router'
import { caseloadPrefsService } from '../caseload-prefs'
import type { ServicesRef } from './index'

export function caseloadPrefsHandlers(s: ServicesRef): Pick<Handlers, 'caseload.prefs' | 'caseload.savePrefs'> {
  return {
    'caseload.prefs': () => caseloadPrefsService(s().context).get(),
    'caseload.savePrefs': (patch) => caseloadPrefsService(s().context).save(patch)
  }
}
