// Long work that reports progress and can be cancelled: deep search today; bulk letters, imports
// and exports later. A task is a label, a count of done/total, and an AbortSignal the work checks.
// Progress events are spaced out (every PROGRESS_EVERY_MS at most), so a fast loop does not flood IPC.
import { randomUUID } from 'node:crypto'
import { AppError } from '#shared/errors'
import type { TaskProgress } from '#shared/event-contract'
import type { EventHub } from './event-hub'

const PROGRESS_EVERY_MS = 100

export type Task = {
  readonly taskId: string
  readonly signal: AbortSignal
  /** Reports progress (sent at most every 100 ms, and always when done reaches total). */
  progress: (done: number, total: number) => void
  /** Throws CANCELLED if the task was asked to stop: call it between steps. */
  throwIfCancelled: () => void
}

export type TaskRegistry = {
  /**
   * Runs `work` as a task: "running" first, then "done", "cancelled" (when work ends by
   * cancellation, thrown or, for work that returns what it made so far, after a cancel) or "failed". The work's result or error passes through unchanged.
   */
  run: <T>(label: string, work: (task: Task) => Promise<T>, options?: { taskId?: string; total?: number }) => Promise<T>
  cancel: (taskId: string) => boolean
  running: () => string[]
}

export function createTaskRegistry(hub: EventHub, now: () => number = () => performance.now()): TaskRegistry {
  const live = new Map<string, AbortController>()

  return {
    async run(label, work, options = {}) {
      const taskId = options.taskId ?? randomUUID()
      if (live.has(taskId)) throw new AppError('CONFLICT', `A task with id "${taskId}" is already running.`)
      const controller = new AbortController()
      live.set(taskId, controller)
      let done = 0
      let total = options.total ?? 0
      let sentAt = Number.NEGATIVE_INFINITY
      const send = (phase: TaskProgress['phase'], message?: string) =>
        hub.emit('task.progress', { taskId, label, done, total, phase, ...(message !== undefined && { message }) })
      const task: Task = {
        taskId,
        signal: controller.signal,
        progress(d, t) {
          done = Math.max(0, Math.floor(d))
          total = Math.max(done, Math.floor(t))
          const at = now()
          if (at - sentAt >= PROGRESS_EVERY_MS || done === total) {
            sentAt = at
            send('running')
          }
        },
        throwIfCancelled() {
          if (controller.signal.aborted) throw new AppError('CANCELLED', `${label}: cancelled.`)
        }
      }
      send('running')
      sentAt = now()
      try {
        const result = await work(task)
        // Work that stops between steps and returns what it made so far (bulk letters) ends cancelled too.
        send(controller.signal.aborted ? 'cancelled' : 'done')
        return result
      } catch (error) {
        if (error instanceof AppError && error.code === 'CANCELLED') send('cancelled')
        else send('failed', error instanceof Error ? error.message : String(error))
        throw error
      } finally {
        live.delete(taskId)
      }
    },
    cancel(taskId) {
      const controller = live.get(taskId)
      if (!controller) return false
      controller.abort()
      return true
    },
    running: () => [...live.keys()]
  }
}
