// Bulk actions on a selection of cases, and undo of the last change. Every bulk action, and each
// single destructive action (trash a case, remove a reminder), leaves one change set; `cases.undo`
// takes the newest one back exactly, or refuses when something changed the cases since.
import { z } from 'zod'
import { CaseEventInputSchema, DateSchema, IdSchema, PRIORITIES, ShortTextSchema, TagSchema } from '../../core/schemas'
import { channel } from './channel'
import { TemplateIdSchema } from '../../core/letters'
import { LetterValuesSchema } from './letters'

export const BulkActionSchema = z.discriminatedUnion('kind', [
  /** Null clears the advocate. */
  z.strictObject({ kind: z.literal('assign'), assignee: ShortTextSchema.min(1, 'give a name, or null to clear').nullable() }),
  z.strictObject({ kind: z.literal('tag'), add: z.array(TagSchema).max(30).default([]), remove: z.array(TagSchema).max(30).default([]) }),
  z.strictObject({ kind: z.literal('priority'), priority: z.enum(PRIORITIES) }),
  /** The same event logged on every case (e.g. "request sent" for a batch faxed together). */
  z.strictObject({ kind: z.literal('event'), event: CaseEventInputSchema }),
  /** One letter per case from one template, each saved as a draft (the letters service's bulk). */
  z.strictObject({ kind: z.literal('letters'), templateId: TemplateIdSchema, date: DateSchema.optional(), values: LetterValuesSchema }),
  z.strictObject({ kind: z.literal('trash') }),
  z.strictObject({ kind: z.literal('restore') })
])
export type BulkAction = z.input<typeof BulkActionSchema>

export const BulkInputSchema = z.strictObject({
  ids: z.array(IdSchema).min(1, 'select at least one case').max(10_000),
  action: BulkActionSchema
})

export const ChangeSetInfoSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  summary: z.string(),
  caseIds: z.array(z.string()),
  undoneAt: z.string().nullable()
})
export type ChangeSetInfoValue = z.infer<typeof ChangeSetInfoSchema>

export const BulkResultSchema = z.object({
  /** Null when nothing changed (every case already was as asked): there is nothing to undo. */
  changeSetId: z.string().nullable(),
  /** What changed, in a sentence: "Logged “request sent” on 3 cases". */
  summary: z.string(),
  changed: z.array(z.string()),
  unchanged: z.array(z.object({ caseId: z.string(), reason: z.string() }))
})
export type BulkResultValue = z.infer<typeof BulkResultSchema>

export const bulkChannels = {
  'cases.bulk': channel(BulkInputSchema, BulkResultSchema),
  /** The newest change set (undone or not), or null: what an "Undo" button would take back. */
  'cases.lastChange': channel(z.strictObject({}), ChangeSetInfoSchema.nullable()),
  'cases.undo': channel(z.strictObject({ changeSetId: IdSchema }), z.object({ summary: z.string(), restored: z.array(z.string()) }))
}
