// The first run of a data folder: the window asks whose side the app takes (advocate or practice),
// the name for the audit trail and letters, the office and signature block, and offers the sample
// caseload. A folder counts as never set up when nothing was ever chosen or written in it, so a
// folder made by an earlier version (cases, people or settings already there) never sees the screen.
import { z } from 'zod'
import { PerspectiveSchema, SettingsSchema, type Settings } from '../core/schemas'
import { nowIso, type ServiceContext } from './context'
import { parseOrThrow } from './validate'

export const SetupInputSchema = z.strictObject({
  perspective: PerspectiveSchema,
  name: SettingsSchema.shape.advocateName,
  officeName: SettingsSchema.shape.officeName,
  signatureBlock: SettingsSchema.shape.signatureBlock
})
export type SetupInput = z.input<typeof SetupInputSchema>

export function workspaceSetup(ctx: ServiceContext) {
  const settings = ctx.store.singletons.settings
  return {
    /** True for a folder that was never set up: no choice made, no record written. */
    needed(): boolean {
      const s = settings.get()
      if (s.setupAt || s.perspective || s.advocateName || s.savedProfiles.length > 0 || s.ladder || s.letterTemplates.length > 0) return false
      return ctx.store.records.cases.summaries().length === 0 && ctx.store.sharded.patients.all().length === 0 && ctx.store.sharded.organizations.all().length === 0
    },
    async complete(input: SetupInput): Promise<Settings> {
      const fields = parseOrThrow(SetupInputSchema, input, 'setup', [])
      const next: Settings = {
        ...settings.get(),
        perspective: fields.perspective,
        ...(fields.name && { advocateName: fields.name }),
        ...(fields.officeName && { officeName: fields.officeName }),
        ...(fields.signatureBlock && { signatureBlock: fields.signatureBlock }),
        setupAt: nowIso(ctx)
      }
      await settings.put(next)
      return settings.get()
    },
    /** "Not now": the screen is not shown again; the perspective stays the default (advocate). */
    async skip(): Promise<Settings> {
      await settings.put({ ...settings.get(), setupAt: nowIso(ctx) })
      return settings.get()
    }
  }
}
