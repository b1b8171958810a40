// A caseload shared through a sync tool (Syncthing): who last wrote a case, conflicts waiting for a
// choice, merges done, and the files other computers wrote since the window last asked.
import { z } from 'zod'
import { channel } from './channel'

export const FileOriginSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  thisDevice: z.boolean(),
  updatedAt: z.string(),
  rev: z.number()
})
export type FileOriginValue = z.infer<typeof FileOriginSchema>

export const SyncMergeSchema = z.object({
  at: z.string(),
  file: z.string(),
  copy: z.string(),
  quarantined: z.string(),
  devices: z.tuple([z.string(), z.string()]),
  notes: z.array(z.string()),
  how: z.enum(['merged', 'identical', 'kept-current', 'kept-copy'])
})
export type SyncMergeValue = z.infer<typeof SyncMergeSchema>

const ConflictSideSchema = z.object({ file: z.string(), origin: FileOriginSchema.nullable(), text: z.string(), readable: z.boolean() })

export const SyncConflictSchema = z.object({
  id: z.string(),
  file: z.string(),
  madeAt: z.string(),
  reason: z.string(),
  current: ConflictSideSchema,
  copy: ConflictSideSchema,
  canKeepCopy: z.boolean()
})
export type SyncConflictValue = z.infer<typeof SyncConflictSchema>

export const SyncChangeSchema = z.object({
  file: z.string(),
  kind: z.enum(['record', 'shard', 'singleton', 'other']),
  collection: z.string().nullable(),
  id: z.string().nullable(),
  origin: FileOriginSchema.nullable()
})
export type SyncChangeValue = z.infer<typeof SyncChangeSchema>

export const SyncStatusSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  version: z.number(),
  conflicts: z.number(),
  merges: z.array(SyncMergeSchema)
})
export type SyncStatusValue = z.infer<typeof SyncStatusSchema>

export const syncChannels = {
  'sync.status': channel(z.strictObject({}), SyncStatusSchema),
  'sync.conflicts': channel(z.strictObject({}), z.array(SyncConflictSchema)),
  /** Keeps one version of a conflicted file; the other is set aside in quarantine/. */
  'sync.resolve': channel(
    z.strictObject({ id: z.string().min(1).max(1000), keep: z.enum(['current', 'copy']) }),
    z.object({ ok: z.literal(true) })
  ),
  /** What other computers changed after `since` (0: everything kept): a cheap poll for the window. */
  'sync.changes': channel(
    z.strictObject({ since: z.number().int().nonnegative() }),
    z.object({ seq: z.number(), changes: z.array(SyncChangeSchema) })
  ),
  /** Who last wrote a case: "updated on <device> at <time>". */
  'sync.origin': channel(z.strictObject({ caseId: z.string().min(1).max(128) }), FileOriginSchema.nullable()),
  'sync.rename': channel(z.strictObject({ name: z.string().max(1000) }), z.object({ deviceName: z.string() }))
}
