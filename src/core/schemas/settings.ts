import { z } from 'zod'
import { ProfileDefinitionSchema } from '../clocks/schema'
import { AgencyCheckDaysSchema, LadderConfigSchema } from '../escalation'
import { InstantSchema, ShortTextSchema } from './primitives'
import { LetterTemplateSchema } from '../letters/template'
import { PerspectiveSchema } from './request-log'
import { CsvMappingsSchema } from './csv-mapping'
import { CaseloadPrefsSchema } from './caseload-prefs'

/** The window's colours: follow the system's light/dark choice, or always one of them. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const SettingsSchema = z.strictObject({
  /** Name written into the audit trail and letters. */
  advocateName: ShortTextSchema.optional(),
  savedProfiles: z.array(ProfileDefinitionSchema).max(200).default([]),
  ladder: LadderConfigSchema.optional(),
  /** Days after a complaint is filed to check the agency acknowledged it (left out: the working default). */
  agencyCheckDays: AgencyCheckDaysSchema.optional(),
  /** Desktop notifications for steps and reminders due today, once a day (left out: on). */
  notifyDueToday: z.boolean().optional(),
  /** The user's own letter templates, every version kept (a letter records the version it used). */
  letterTemplates: z.array(LetterTemplateSchema).max(500).default([]),
  /** The workspace's perspective; left out until chosen at first run (advocate by default). */
  perspective: PerspectiveSchema.optional(),
  /** CSV column mappings remembered per file layout (see csv-mapping.ts). */
  csvMappings: CsvMappingsSchema.optional(),
  /** The caseload's density, columns, last view and saved views (caseload-prefs.ts). */
  caseload: CaseloadPrefsSchema.optional(),
  /** First run (services/workspace-setup.ts): the office the name works for, and the lines under a signature. */
  officeName: ShortTextSchema.optional(),
  signatureBlock: z.string().trim().max(1000, 'is too long (a signature block: at most 1,000 characters)').optional(),
  /** When the first-run screen was completed or skipped: it is never shown again for this folder. */
  setupAt: InstantSchema.optional(),
  /** Light or dark, or follow the system (the default). */
  theme: z.enum(THEMES).optional()
})
export type Settings = z.infer<typeof SettingsSchema>
