import { useCallback, useEffect, useState } from 'react'

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T }

type Held<T> = { state: QueryState<T>; deps: ReadonlyArray<unknown> }

const sameDeps = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]))

/**
 * Loads data once (and again on `reload` or when `deps` change); errors become a message, never an
 * uncaught rejection. While a newer load is under way the last result stays on screen and the
 * third value, `stale`, is true.
 */
export function useQuery<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>): [QueryState<T>, () => void, boolean] {
  const [tick, setTick] = useState(0)
  const current = [...deps, tick]
  const [held, setHeld] = useState<Held<T>>({ state: { status: 'loading' }, deps: current })
  const reload = useCallback(() => setTick((t) => t + 1), [])
  useEffect(() => {
    let live = true
    const loadedFor = [...deps, tick]
    load().then(
      (data) => live && setHeld({ state: { status: 'ready', data }, deps: loadedFor }),
      (error: unknown) => live && setHeld({ state: { status: 'error', message: error instanceof Error ? error.message : String(error) }, deps: loadedFor })
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what `load` depends on
  }, [...deps, tick])
  return [held.state, reload, !sameDeps(held.deps, current)]
}
