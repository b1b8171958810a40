import { useState } from 'react'
import { ApiError } from '../../api/client'
import { errorText } from '../../api/error-text'
import { newTaskId } from '../../api/push-events'
import { useChannelMutation } from '../../api/queries'
import { ErrorMessage, Notice } from '../../ui/ErrorMessage'
import { TaskProgress } from '../../ui/TaskProgress'
import { plural } from '../../ui/format'

export type DeepResult = { text: string; ids: ReadonlySet<string> }

type Props = { text: string; result: DeepResult | null; onResult: (r: DeepResult | null) => void }

/**
 * The quick filter reads names, references and summaries; this reads the full text of every event
 * too, which takes a while on a large caseload: it shows its progress and can be cancelled.
 */
export function DeepSearch({ text, result, onResult }: Props) {
  const [taskId, setTaskId] = useState<string | null>(null)
  const search = useChannelMutation('cases.deepSearch')
  const needle = text.trim()
  const cancelled = search.error instanceof ApiError && search.error.code === 'CANCELLED'

  const start = () => {
    const id = newTaskId()
    setTaskId(id)
    onResult(null)
    search.mutate({ text: needle, taskId: id }, { onSuccess: (ids) => onResult({ text: needle, ids: new Set(ids) }) })
  }

  if (needle.length < 2 && !result) return null
  return (
    <div data-testid="deep-search">
      {search.isPending && taskId ? (
        <TaskProgress taskId={taskId} fallbackLabel="Searching the full text of every case" />
      ) : (
        <div className="deep-search">
          {result ? (
            <>
              <span data-testid="deep-search-result">
                The full text of {plural(result.ids.size, 'case')} mentions “{result.text}”.
              </span>
              <button type="button" className="button button--small" onClick={() => onResult(null)}>
                Show every match again
              </button>
            </>
          ) : (
            <button type="button" className="button button--small" onClick={start}>
              Search the full text of every case for “{needle}”
            </button>
          )}
        </div>
      )}
      {cancelled && <Notice message="The full-text search was cancelled." />}
      {search.isError && !cancelled && <ErrorMessage title="The full-text search did not finish." message={errorText(search.error)} />}
    </div>
  )
}
