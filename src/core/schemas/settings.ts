import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { LadderConfigSchema } from '../escalation'
import { ShortTextSchema } from './primitives'
import { LetterTemplateSchema } from '../letters/template'
import { PerspectiveSchema } from './request-log'
import { CsvMappingsSchema } from './csv-mapping'
import { CaseloadPrefsSchema } from './caseload-prefs'

export const SettingsSchema = z.strictObject({
  /** Name written into the audit trail and letters. */
  advocateName: ShortTextSchema.optional(),
  savedProfiles: z.array(ProfileDefinitionSchema).max(200).default([]),
  ladder: LadderConfigSchema.optional(),
  /** The user's own letter templates, every version kept (a letter records the version it used). */
  letterTemplates: z.array(LetterTemplateSchema).max(500).default([]),
  /** The workspace's perspective; left out until chosen at first run (advocate by default). */
  perspective: PerspectiveSchema.optional(),
  /** CSV column mappings remembered per file layout (see csv-mapping.ts). */
  csvMappings: CsvMappingsSchema.optional(),
  /** The caseload's density, columns, last view and saved views (caseload-prefs.ts). */
  caseload: CaseloadPrefsSchema.optional()
})
export type Settings = z.infer<typeof SettingsSchema>
