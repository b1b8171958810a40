import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { LadderConfigSchema } from '../escalation'
import { ShortTextSchema } from './primitives'

export const SettingsSchema = z.strictObject({
  /** Name written into the audit trail and letters. */
  advocateName: ShortTextSchema.optional(),
  savedProfiles: z.array(ProfileDefinitionSchema).max(200).default([]),
  ladder: LadderConfigSchema.optional()
})
export type Settings = z.infer<typeof SettingsSchema>
