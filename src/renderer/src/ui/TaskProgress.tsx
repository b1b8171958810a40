import { useTaskProgress } from '../api/push-events'
import { useChannelMutation } from '../api/queries'

/**
 * Progress of long work the window started (task.progress events), with a way to stop it. Used by
 * deep search today; bulk letters, imports and exports use the same bar.
 */
export function TaskProgress({ taskId, fallbackLabel }: { taskId: string; fallbackLabel: string }) {
  const progress = useTaskProgress(taskId)
  const cancel = useChannelMutation('tasks.cancel')
  const running = progress === undefined || progress.phase === 'running'
  if (!running) return null
  const label = progress?.label ?? fallbackLabel
  return (
    <div className="task-progress" role="status" aria-live="polite" data-testid="task-progress">
      <label className="task-progress__label" htmlFor={`progress-${taskId}`}>
        {label}
        {progress && progress.total > 0 && (
          <span className="muted">
            {' '}
            · {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')}
          </span>
        )}
      </label>
      <progress id={`progress-${taskId}`} className="task-progress__bar" value={progress?.done ?? 0} max={progress && progress.total > 0 ? progress.total : 1} />
      <button type="button" className="button button--small" onClick={() => cancel.mutate({ taskId })} disabled={cancel.isPending}>
        {cancel.isPending ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  )
}
