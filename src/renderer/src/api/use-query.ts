import { useCallback, useEffect, useState } from 'react'

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T }

/** Loads data once (and again on `reload`); errors become a message, never an uncaught rejection. */
export function useQuery<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((t) => t + 1), [])
  useEffect(() => {
    let live = true
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what `load` depends on
  }, [...deps, tick])
  return [state, reload]
}
