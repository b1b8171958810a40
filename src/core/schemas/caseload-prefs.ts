// How the user keeps the caseload: its density, columns (chosen, ordered, sized), the view it was
// left in (filters and sort), and named views. Stored in settings so they survive a restart.
import { z } from 'zod'
import { DateSchema, IdSchema, ShortTextSchema, TagSchema, UsStateSchema } from './primitives'
import { PRIORITIES } from './case'
import { ORGANIZATION_KINDS } from './organization'

const Code = z.string().min(1).max(40)

export const CASELOAD_DATE_FIELDS = ['due', 'received', 'nextStep', 'lastEvent'] as const

export const CaseloadViewSchema = z.strictObject({
  text: z.string().max(200).default(''),
  /** Case list statuses (overdue, awaiting…); codes are checked by the caseload channel. */
  statuses: z.array(Code).max(20).default([]),
  onlyLate: z.boolean().default(false),
  trash: z.boolean().default(false),
  organizationIds: z.array(IdSchema).max(200).default([]),
  holderKinds: z.array(z.enum(ORGANIZATION_KINDS)).max(ORGANIZATION_KINDS.length).default([]),
  states: z.array(UsStateSchema).max(60).default([]),
  /** Advocates; "" stands for cases nobody is assigned to. */
  assignees: z.array(z.string().max(500)).max(100).default([]),
  /** Only the cases assigned to the name in settings (advocateName), whoever that is at the time. */
  mine: z.boolean().default(false),
  tags: z.array(TagSchema).max(50).default([]),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
  /** '' for anyone; else only cases that wait on me, the holder or an agency (core/escalation/waiting-on.ts). */
  waitingOn: z.enum(['', 'me', 'holder', 'agency']).default(''),
  dates: z.strictObject({ field: z.enum(CASELOAD_DATE_FIELDS), from: DateSchema.optional(), to: DateSchema.optional() }).optional(),
  sort: z.array(z.strictObject({ id: Code, desc: z.boolean() })).max(5).default([])
})
export type CaseloadView = z.infer<typeof CaseloadViewSchema>

export const CaseloadColumnsSchema = z.strictObject({
  /** Column ids in the order shown; a column left out is hidden. Left out until the user chooses: the perspective's defaults. */
  order: z.array(Code).max(40).optional(),
  /** Widths in CSS pixels, by column id. */
  sizes: z.record(Code, z.number().int().min(40).max(1200)).default({})
})

export const SavedViewSchema = z.strictObject({ id: IdSchema, name: ShortTextSchema.pipe(z.string().min(1, 'give the view a name').max(80)), view: CaseloadViewSchema })
export type SavedView = z.infer<typeof SavedViewSchema>

export const CaseloadPrefsSchema = z.strictObject({
  density: z.enum(['compact', 'comfortable']).default('compact'),
  columns: CaseloadColumnsSchema.optional(),
  /** The view as last left: filters and sort. */
  current: CaseloadViewSchema.optional(),
  /** The saved view the current one came from ("" or left out: none). */
  currentViewId: IdSchema.or(z.literal('')).optional(),
  /** Left out until the user changes them: the starter views are offered. */
  views: z.array(SavedViewSchema).max(50).optional()
})
export type CaseloadPrefs = z.infer<typeof CaseloadPrefsSchema>
