import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { LadderConfigSchema } from '../escalation'
import { ShortTextSchema } from './primitives'
import { LetterTemplateSchema } from '../letters/template'
import { PerspectiveSchema } from './request-log'
import { CsvMappingsSchema } from './csv-mapping'

/** The window's colours: follow the system's light/dark choice, or always one of them. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

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
  /** Light or dark, or follow the system (the default). */
  theme: z.enum(THEMES).optional()
})
export type Settings = z.infer<typeof SettingsSchema>
