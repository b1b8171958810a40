import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { LadderConfigSchema } from '../escalation'
import { ShortTextSchema } from './primitives'
import { CsvMappingsSchema } from './csv-mapping'

export const SettingsSchema = z.strictObject({
  /** Name written into the audit trail and letters. */
  advocateName: ShortTextSchema.optional(),
  savedProfiles: z.array(ProfileDefinitionSchema).max(200).default([]),
  ladder: LadderConfigSchema.optional(),
  /** CSV column mappings remembered per file layout (see csv-mapping.ts). */
  csvMappings: CsvMappingsSchema.optional()
})
export type Settings = z.infer<typeof SettingsSchema>
