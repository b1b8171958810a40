// The second half of the contract: what the main process pushes to the window without being asked.
// Each event has a zod schema for its payload; the services validate before they emit, the window
// validates again on arrival, so a renamed field breaks the build and a drifted payload is dropped.
import { z } from 'zod'
import { BackupStatusSchema, RecoverySchema } from './channels/data'
import { PickedFileSchema } from './files'
import { SyncChangeSchema } from './channels/sync'
import { CommandIdSchema } from './commands'

/** A task id: made by whoever starts the work (the window, to follow and cancel it), or by the services. */
export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6–64 letters, digits, dashes or underscores')

export const TASK_PHASES = ['running', 'done', 'cancelled', 'failed'] as const

/** Progress of long work (deep search today; bulk letters, imports, exports later). */
export const TaskProgressSchema = z.object({
  taskId: TaskIdSchema,
  /** What the work is, in words a person reads: "Searching the full text of 10,000 cases". */
  label: z.string().max(200),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  phase: z.enum(TASK_PHASES),
  /** Why it failed, when phase is "failed". */
  message: z.string().max(2000).optional()
})
export type TaskProgress = z.infer<typeof TaskProgressSchema>

export const events = {
  /** A data file was found damaged and repaired or set aside (after open; at open, see data.recoveries). */
  'recovery.reported': RecoverySchema,
  /** The state of the automatic backup changed: started, failed, or a later backup cleared a failure. */
  'backup.status': BackupStatusSchema,
  /** A long task moved on, finished, was cancelled or failed. */
  'task.progress': TaskProgressSchema,
  /** Files dropped on the window, each behind a token as if picked (see shared/files.ts). */
  'files.dropped': z.object({ files: z.array(PickedFileSchema).max(100) }),
  /** Another computer's files arrived through a sync tool, or a conflict copy was merged or waits for a choice. */
  'sync.changed': z.object({ changes: z.array(SyncChangeSchema).max(1000), conflicts: z.number().int().nonnegative() }),
  /**
   * The first list of a day computes clocks in the background (cases.query answers at once with
   * `clock-pending` rows): progress for `asOf`, at most a few times a second, and once when done.
   */
  'caseload.clocks': z.object({ asOf: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** The window now shows another data folder (sample caseload, unlocked): everything it holds is stale. */
  'data.switched': z.object({ dataDir: z.string(), sample: z.boolean() }),
  /** A command chosen in the app menu: the window runs it as if its shortcut were pressed (shared/commands.ts). */
  'menu.command': z.object({ command: CommandIdSchema })
}

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>
export const EVENT_NAMES = Object.keys(events) as EventName[]

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)

/** The single Electron IPC channel every pushed event travels on (main → window). */
export const IPC_EVENT = 'aa:event'
/** The preload tells the main process which files were dropped on the window (their paths, never their bytes). */
export const IPC_DROPPED = 'aa:dropped'
