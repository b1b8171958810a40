import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { LadderConfigSchema } from '../escalation'
import { ShortTextSchema } from './primitives'
import { PerspectiveSchema } from './request-log'

export const SettingsSchema = z.strictObject({
  /** Name written into the audit trail and letters. */
  advocateName: ShortTextSchema.optional(),
  savedProfiles: z.array(ProfileDefinitionSchema).max(200).default([]),
  ladder: LadderConfigSchema.optional(),
  /** The workspace's perspective; left out until chosen at first run (advocate by default). */
  perspective: PerspectiveSchema.optional()
})
export type Settings = z.infer<typeof SettingsSchema>
