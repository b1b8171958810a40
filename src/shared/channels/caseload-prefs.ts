// The caseload's remembered layout and views (kept in settings.json, see core/schemas/caseload-prefs).
import { z } from 'zod'
import { CaseloadPrefsSchema } from '../../core/schemas'
import { channel } from './channel'

export const caseloadPrefsChannels = {
  'caseload.prefs': channel(z.strictObject({}), CaseloadPrefsSchema),
  /** Replaces the parts given (density, columns, current view, saved views); the rest is kept. */
  'caseload.savePrefs': channel(CaseloadPrefsSchema.partial(), CaseloadPrefsSchema)
}
