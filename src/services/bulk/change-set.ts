// A change set: what one bulk action (or one destructive action) did, kept so it can be undone.
// It holds each case as it was before, and how the case looked right after (its updatedAt and the
// length of its history), so an undo can tell whether anything touched the case since.
import { z } from 'zod'
import { CaseSchema, IdSchema, InstantSchema } from '../../core/schemas'

export const CHANGE_KINDS = ['assign', 'tag', 'priority', 'event', 'letters', 'trash', 'restore', 'remove-reminder'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export const ChangeSetEntrySchema = z.strictObject({
  caseId: IdSchema,
  before: CaseSchema,
  after: z.strictObject({ updatedAt: InstantSchema, historyLength: z.number().int().nonnegative() })
})

export const ChangeSetSchema = z.strictObject({
  id: IdSchema,
  at: InstantSchema,
  kind: z.enum(CHANGE_KINDS),
  /** What changed, in a sentence: "Moved 3 cases to the trash". */
  summary: z.string().max(500),
  caseIds: z.array(IdSchema).max(10_000),
  /** The snapshots; emptied once a newer change set replaces this one as "the last change". */
  entries: z.array(ChangeSetEntrySchema).max(10_000),
  undoneAt: InstantSchema.optional()
})
export type ChangeSet = z.infer<typeof ChangeSetSchema>

/** How many change sets are remembered (only the newest can be undone; the rest explain a refusal). */
export const KEPT_CHANGE_SETS = 10

export const ChangeSetsSchema = z.strictObject({ sets: z.array(ChangeSetSchema).max(KEPT_CHANGE_SETS).default([]) })
export type ChangeSets = z.infer<typeof ChangeSetsSchema>
