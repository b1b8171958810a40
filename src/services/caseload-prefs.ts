// The caseload's remembered layout and views, in settings.json (small; written when they change).
import { z } from 'zod'
import { CaseloadPrefsSchema, type CaseloadPrefs } from '../core/schemas'
import type { ServiceContext } from './context'
import { parseOrThrow } from './validate'

const PatchSchema = CaseloadPrefsSchema.partial()

export function caseloadPrefsService(ctx: ServiceContext) {
  const settings = ctx.store.singletons.settings
  const get = (): CaseloadPrefs => settings.get().caseload ?? CaseloadPrefsSchema.parse({})
  return {
    get,
    async save(patch: z.input<typeof PatchSchema>): Promise<CaseloadPrefs> {
      const changes = parseOrThrow(PatchSchema, patch, 'prefs', [])
      // Only the parts named in the patch: parsing fills defaults (density) that must not overwrite.
      const named = new Set(Object.keys(patch))
      const defined = Object.fromEntries(Object.entries(changes).filter(([k, v]) => named.has(k) && v !== undefined))
      const next = parseOrThrow(CaseloadPrefsSchema, { ...get(), ...defined }, 'prefs', [])
      await settings.put({ ...settings.get(), caseload: next })
      return next
    }
  }
}
