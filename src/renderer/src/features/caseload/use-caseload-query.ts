// The caseload page's window onto cases.query: the services filter, sort and cut the rows, so each
// answer is a screenful, fast enough to ask on every keystroke. What this hook guarantees:
// - no fixed debounce: a changed input is sent on the next animation frame (several keystrokes in
//   one frame make one call);
// - a newer input never waits for an older answer, and an older answer arriving late is never
//   shown: answers are keyed by their input (TanStack Query), the page shows the newest key's;
// - the previous rows stay on screen while the next arrive (`updating` says so);
// - while the first list of a day computes clocks (`clocksPending`), rows show at once with their
//   clock columns pending, and are fetched again as the `caseload.clocks` event reports progress,
//   one ask at a time (progress during an ask is asked for once it is back);
// - an answer stays good until something marks it stale: a write (api/queries.ts), a pushed event
//   (sync, a switch of data folder), clock progress, or a new day. Coming back from a case shows the
//   rows left on screen at once, without asking again, unless one of those happened meanwhile.
import { keepPreviousData, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { CaseQueryInput, CaseQueryResult } from '#shared/channels/case-query'
import { call, type ApiError } from '../../api/client'
import { onEvent } from '../../api/push-events'
import { queryKey } from '../../api/queries'
import { localIsoDate, todayIso } from '../../ui/format'
import { keepEqualRows } from './keep-rows'

/** How long answers no longer on screen are kept: long enough to read a case and come back. */
const KEEP_UNUSED_MS = 15 * 60_000
/** …but only this many of them (each keystroke made one, about 60 KB each). */
const KEEP_UNUSED_ANSWERS = 12
/** If no progress event arrives (a window opened mid-sweep), ask again this often while clocks are pending. */
const PENDING_POLL_MS = 1_000

/** `value`, updated at most once per animation frame (the latest one wins). */
export function useFrameValue<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(value, shown)) return
    const frame = requestAnimationFrame(() => setShown(value))
    return () => cancelAnimationFrame(frame)
  }, [value, shown])
  return shown
}

export type CaseloadQuery = {
  data: CaseQueryResult | undefined
  /** True while the rows shown belong to an older input (or are being fetched again). */
  updating: boolean
  /** No answer yet at all (the first one is on its way). */
  loading: boolean
  error: ApiError | null
  /** True while the clock columns of some rows are still being computed by the services. */
  clocksPending: boolean
}

type CaseloadQueryState = Query<CaseQueryResult, ApiError, CaseQueryResult, readonly unknown[]>

/**
 * Until it is marked stale an answer needs no asking again, except when its clocks were still being
 * computed, or it was fetched on an earlier day (every clock is as of the day it was asked).
 */
export const caseloadStaleTime = (q: CaseloadQueryState): number =>
  q.state.data === undefined || q.state.data.clocksPending || localIsoDate(new Date(q.state.dataUpdatedAt)) !== todayIso() ? 0 : Infinity

/** The options of one cases.query answer: the page's hook and the window's first reads (app/first-reads.ts) use the same. */
export const caseloadQueryOptions = (request: CaseQueryInput) => ({
  queryKey: queryKey('cases.query', request) as readonly unknown[],
  queryFn: () => call('cases.query', request),
  gcTime: KEEP_UNUSED_MS,
  staleTime: caseloadStaleTime
})

/** Drops the oldest answers no longer on screen beyond KEEP_UNUSED_ANSWERS. */
export function dropOldAnswers(client: QueryClient): void {
  const unused = client
    .getQueryCache()
    .findAll({ queryKey: ['cases.query'], type: 'inactive' })
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
  for (const q of unused.slice(KEEP_UNUSED_ANSWERS)) client.getQueryCache().remove(q)
}

export function useCaseloadQuery(input: CaseQueryInput, options: { enabled?: boolean } = {}): CaseloadQuery {
  const client = useQueryClient()
  // Inputs are compared by value: a new object with the same content is the same query.
  const sent = useFrameValue(JSON.stringify(input))
  const request = JSON.parse(sent) as CaseQueryInput
  const query = useQuery<CaseQueryResult, ApiError, CaseQueryResult, readonly unknown[]>({
    ...caseloadQueryOptions(request),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.clocksPending ? PENDING_POLL_MS : false),
    ...options
  })
  const pending = query.data?.clocksPending === true
  const asOf = query.data?.asOf
  const shownKey = useRef<readonly unknown[]>([])
  useEffect(() => {
    shownKey.current = queryKey('cases.query', JSON.parse(sent) as CaseQueryInput)
    dropOldAnswers(client)
  }, [client, sent])
  // Progress that arrived while the rows on screen were being fetched: asked for once they are back.
  const again = useRef(false)
  useEffect(() => {
    if (!pending) return
    // Clocks of this day arrived: the rows on screen (and any other caseload view) ask again. Never
    // while the last ask is on its way: a call cannot be cancelled over IPC, so each refetch would
    // start one more query in the services beside it, and progress comes every 250 ms.
    return onEvent('caseload.clocks', (progress) => {
      if (progress.asOf !== asOf) return
      if (client.getQueryState(shownKey.current)?.fetchStatus === 'fetching') again.current = true
      else void client.invalidateQueries({ queryKey: ['cases.query'] })
    })
  }, [client, pending, asOf])
  const fetching = query.isFetching
  useEffect(() => {
    if (fetching || !again.current) return
    again.current = false
    void client.invalidateQueries({ queryKey: ['cases.query'] }, { cancelRefetch: false })
  }, [client, fetching])
  // Rows equal to those on screen keep their objects (keep-rows.ts): the table redraws only what changed.
  const [shown, setShown] = useState<{ from: CaseQueryResult | undefined; data: CaseQueryResult | undefined }>({ from: undefined, data: undefined })
  let data = shown.data
  if (shown.from !== query.data) {
    const next = query.data
    const rows = next && shown.data ? keepEqualRows(shown.data.rows, next.rows) : next?.rows
    data = next && rows !== next.rows && rows ? { ...next, rows } : next
    setShown({ from: next, data })
  }
  return {
    data,
    updating: query.isPlaceholderData || sent !== JSON.stringify(input) || (query.isFetching && !query.isPending),
    loading: query.isPending,
    error: query.error,
    clocksPending: pending
  }
}
