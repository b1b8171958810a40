import { useQueryClient } from '@tanstack/react-query'
import type { FallbackProps } from 'react-error-boundary'
import { navigate } from './navigation'

/**
 * What the window shows when a screen fails to render (a bug, never the user's fault): what went
 * wrong, and two ways back. Nothing was saved or lost by it; the data lives in the services.
 */
export function RenderFailure({ error, resetErrorBoundary }: FallbackProps) {
  const reason = error instanceof Error ? error.message : String(error)
  const queryClient = useQueryClient()
  // What the screen drew from may be what broke it: forget every cached answer, so the screen
  // asks again instead of failing on the same data.
  const retry = (): void => {
    queryClient.removeQueries()
    resetErrorBoundary()
  }
  return (
    <section className="page" role="alert" aria-labelledby="render-failure-title" data-testid="render-failure">
      <h2 id="render-failure-title">This screen could not be shown</h2>
      <p>
        Something went wrong inside Access Advocate while drawing this screen. Your data is safe: nothing was changed by it. Try again, or go back to the
        caseload; if it keeps happening, note what you did and report it.
      </p>
      <p className="muted">
        <code>{reason}</code>
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={retry}>
          Try again
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            navigate({ page: 'caseload' })
            retry()
          }}
        >
          Back to the caseload
        </button>
      </div>
    </section>
  )
}
