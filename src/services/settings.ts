// Settings: the user's own rule profiles (versioned, never replacing a built-in one), the
// escalation ladder, and the name written into the audit trail.
import { z } from 'zod'
import { ProfileInputSchema, type ProfileDefinition } from '../core/clocks'
import { AgencyCheckDaysSchema, LadderConfigSchema } from '../core/escalation'
import { applyPatch, SettingsSchema, ShortTextSchema, THEMES, type Settings } from '../core/schemas'
import { AppError } from '#shared/errors'
import type { ServiceContext } from './context'
import { parseOrThrow } from './validate'
import { describeReferringCases } from './references'

export const SettingsPatchSchema = z.strictObject({
  advocateName: ShortTextSchema.nullable().optional(),
  ladder: LadderConfigSchema.nullable().optional(),
  /** null: back to the working default (AGENCY_CHECK_DEFAULT_DAYS). */
  agencyCheckDays: AgencyCheckDaysSchema.nullable().optional(),
  notifyDueToday: z.boolean().nullable().optional(),
  theme: z.enum(THEMES).nullable().optional(),
  /** The office and the lines under a signature that letters print (first chosen at first run). */
  officeName: SettingsSchema.shape.officeName.nullable(),
  signatureBlock: SettingsSchema.shape.signatureBlock.nullable()
})

export function settingsService(ctx: ServiceContext) {
  const settings = ctx.store.singletons.settings

  return {
    get: (): Settings => settings.get(),

    async update(patch: z.input<typeof SettingsPatchSchema>): Promise<Settings> {
      const changes = parseOrThrow(SettingsPatchSchema, patch, 'settings')
      const next: Settings = applyPatch(settings.get(), changes)
      await settings.put(next)
      return next
    },

    /**
     * Saves a profile version. Versions accumulate: a case is judged by the version in force on the
     * day its request was received, so an old case keeps its dates when a policy changes.
     */
    async saveProfile(input: unknown): Promise<ProfileDefinition> {
      const profile = parseOrThrow(ProfileInputSchema, input, 'profile')
      const current = settings.get()
      if (current.savedProfiles.some((p) => p.id === profile.id && p.version === profile.version)) {
        throw new AppError('CONFLICT', `profile: "${profile.id}" already has a version "${profile.version}"; give the new rules a new version`)
      }
      await settings.put({ ...current, savedProfiles: [...current.savedProfiles, profile] })
      return profile
    },

    /** Removes every version of a saved profile, unless a case still uses it. */
    async removeProfile(id: string): Promise<void> {
      const current = settings.get()
      if (!current.savedProfiles.some((p) => p.id === id)) throw new AppError('NOT_FOUND', `No saved profile with id "${id}".`)
      const users = ctx.store.records.cases
        .summaries()
        .filter((s) => s.summary.profile === id)
        .map((s) => s.id)
      if (users.length > 0) {
        throw new AppError('IN_USE', `The profile "${id}" cannot be removed: ${describeReferringCases(ctx, users)} to it. Change their profile first.`, { cases: users })
      }
      await settings.put({ ...current, savedProfiles: current.savedProfiles.filter((p) => p.id !== id) })
    }
  }
}

export type SettingsService = ReturnType<typeof settingsService>
