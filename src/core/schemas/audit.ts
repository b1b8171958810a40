import { z } from 'zod'
import { InstantSchema, ShortTextSchema } from './primitives'

/** One change to a record: append-only, kept on the record it describes so its history travels with it. */
export const AuditEntrySchema = z.strictObject({
  at: InstantSchema,
  /** `merge`: two duplicate organizations became one (services/org-merge.ts); said on the survivor and on every case moved. */
  action: z.enum(['create', 'update', 'delete', 'restore', 'add-event', 'edit-event', 'undo', 'merge']),
  entity: z.enum(['patient', 'organization', 'case', 'event']),
  entityId: z.string(),
  by: ShortTextSchema.optional(),
  /** Why, in words: the bulk change this entry was part of, or the change an undo took back. */
  note: ShortTextSchema.optional(),
  /** Field path → [before, after]; long values are shortened (see core/audit/diff.ts). */
  changes: z.array(z.strictObject({ path: z.string(), before: z.unknown(), after: z.unknown() }))
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
