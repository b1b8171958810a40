// The data folder itself: backups, what was recovered at open, and the sample caseload.
import { z } from 'zod'
import { ProfileDefinitionSchema } from '../../core/clocks/schema'
import { AgencyCheckDaysSchema, LadderConfigSchema } from '../../core/escalation'
import { SettingsSchema, ShortTextSchema, THEMES } from '../../core/schemas'
import { channel } from './channel'

export const BackupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(['daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore']),
  bytes: z.number(),
  counts: z.record(z.string(), z.number()),
  files: z.number(),
  encrypted: z.boolean(),
  /** The backup failed its check (see the store's backups.ts); it cannot be restored. */
  damaged: z.string().optional()
})
export type BackupInfoValue = z.infer<typeof BackupInfoSchema>

/** Whether the unattended daily backup failed (see Backups.status in the store). */
export const BackupStatusSchema = z.object({
  lastFailure: z.object({ reason: z.literal('daily'), at: z.string(), message: z.string() }).nullable(),
  dailyInProgress: z.boolean()
})
export type BackupStatusValue = z.infer<typeof BackupStatusSchema>

export const RecoverySchema = z.object({
  file: z.string(),
  problem: z.string(),
  action: z.string(),
  at: z.string(),
  quarantined: z.string().optional(),
  restoredFrom: z.string().optional(),
  /** 'notice': nothing was damaged (e.g. a lock left by a process that exited was taken over). */
  kind: z.literal('notice').optional()
})
export type RecoveryValue = z.infer<typeof RecoverySchema>

const backupId = z.strictObject({ id: z.string().min(1).max(200) })

export const dataChannels = {
  'data.recoveries': channel(z.strictObject({}), z.array(RecoverySchema)),
  /** "Check data": case files, attachments and backups checked now; what is still damaged, and what was repaired. */
  'data.check': channel(
    z.strictObject({}),
    z.object({
      attachments: z.object({ checked: z.number(), damaged: z.array(z.string()) }),
      damagedRecords: z.record(z.string(), z.array(z.string())),
      backups: z.object({ checked: z.number(), damaged: z.array(z.object({ id: z.string(), damaged: z.string() })) }),
      recoveries: z.array(RecoverySchema)
    })
  ),
  /** The folder's recovery journal: every repair, restore and loss so far, oldest first. */
  'data.journal': channel(z.strictObject({}), z.array(RecoverySchema)),
  'backup.now': channel(z.strictObject({}), BackupInfoSchema),
  'backup.list': channel(z.strictObject({}), z.array(BackupInfoSchema)),
  'backup.status': channel(z.strictObject({}), BackupStatusSchema),
  'backup.preview': channel(backupId, BackupInfoSchema),
  'backup.restore': channel(backupId, z.object({ ok: z.literal(true) }))
}

export const settingsChannels = {
  'settings.get': channel(z.strictObject({}), SettingsSchema),
  'settings.update': channel(
    z.strictObject({
      advocateName: ShortTextSchema.nullable().optional(),
      ladder: LadderConfigSchema.nullable().optional(),
      agencyCheckDays: AgencyCheckDaysSchema.nullable().optional(),
      notifyDueToday: z.boolean().nullable().optional(),
      theme: z.enum(THEMES).nullable().optional(),
      officeName: SettingsSchema.shape.officeName.nullable(),
      signatureBlock: SettingsSchema.shape.signatureBlock.nullable()
    }),
    SettingsSchema
  ),
  'profiles.save': channel(z.strictObject({ profile: ProfileDefinitionSchema }), ProfileDefinitionSchema),
  'profiles.remove': channel(z.strictObject({ id: z.string().min(1).max(64) }), z.object({ ok: z.literal(true) }))
}
