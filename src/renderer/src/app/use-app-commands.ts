// What the app-wide commands do (the case page handles 'add-event' itself).
import { useQueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { queryKey } from '../api/queries'
import { useCommand } from './commands'
import { navigate } from './navigation'
import type { Route } from './routes'

/**
 * The case after or before the open one, in the caseload's default order (most urgent first). From
 * any other screen, "next" opens the first case and "previous" the last.
 */
export function neighbourCase(ids: ReadonlyArray<string>, current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null
  const at = current === null ? -1 : ids.indexOf(current)
  if (at < 0) return step === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null)
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null
}

export function useAppCommands(route: Route, handlers: { search: () => void; shortcuts: () => void }): void {
  const client = useQueryClient()
  const go = (step: 1 | -1) => {
    void client
      .fetchQuery({ queryKey: queryKey('cases.list', {}), queryFn: () => call('cases.list', {}), staleTime: 5_000 })
      .then((items) => {
        const id = neighbourCase(
          items.map((c) => c.id),
          route.page === 'case' ? route.id : null,
          step
        )
        if (id !== null) navigate({ page: 'case', id })
      })
      .catch(() => undefined) // the caseload shows its own error; a key press only moves
  }
  useCommand('search', handlers.search)
  useCommand('shortcuts', handlers.shortcuts)
  // A new request starts with its patient: the patients list, where each has "New request…".
  useCommand('new-case', () => navigate({ page: 'patients' }))
  useCommand('next-case', () => go(1))
  useCommand('previous-case', () => go(-1))
}
