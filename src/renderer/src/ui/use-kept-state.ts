// State that outlives the component: filters and half-typed forms survive moving to another screen
// and back, so leaving a page never loses what was typed. Kept in memory for this window only.
import { useCallback, useState } from 'react'

const kept = new Map<string, unknown>()

export function useKeptState<T>(key: string, initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    if (kept.has(key)) return kept.get(key) as T
    return typeof initial === 'function' ? (initial as () => T)() : initial
  })
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next
        kept.set(key, v)
        return v
      })
    },
    [key]
  )
  const forget = useCallback(() => {
    kept.delete(key)
  }, [key])
  return [value, set, forget]
}
