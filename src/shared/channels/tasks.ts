// Long work the window started and may stop.
import { z } from 'zod'
import { TaskIdSchema } from '../event-contract'
import { channel } from './channel'

export const taskChannels = {
  /** Asks a running task to stop; it ends with phase "cancelled". False when no such task is running. */
  'tasks.cancel': channel(z.strictObject({ taskId: TaskIdSchema }), z.object({ cancelled: z.boolean() }))
}
