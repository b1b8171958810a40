// The caseload page's cases.query input, from its view: one function, so the window's first reads
// (app/first-reads.ts) ask for exactly the answer the page will look for in the cache.
import type { CaseloadView } from '#core/schemas'
import { MAX_QUERY_IDS, type CaseQueryInput } from '#shared/channels/case-query'
import { toQueryFilter, toQuerySort, type QueryContext } from './filters'

/** Rows asked for around those in view: a screenful above and a few below, within the services' cap. */
export const WINDOW_STEP = 100
export const WINDOW_SIZE = 300

/** The first row asked for when `first` is the first row in view. */
export const windowOffset = (first: number): number => Math.max(0, Math.floor(first / WINDOW_STEP) * WINDOW_STEP - WINDOW_STEP)

export type InputContext = QueryContext & {
  /** A full-text result: the cases it names (the search words then are not sent). */
  ids: ReadonlyArray<string> | undefined
  offset: number
}

/** The input, and whether it can match anything yet (`ready` false: "mine" without a name, holders of a kind not yet known). */
export function caseloadInput(view: CaseloadView, ctx: InputContext): { input: CaseQueryInput; ready: boolean } {
  const filter = toQueryFilter(view, ctx.ids ? '' : view.text, ctx)
  const ids = ctx.ids ? { ids: ctx.ids.slice(0, MAX_QUERY_IDS) } : {}
  return {
    input: { filter: { ...(filter ?? {}), ...ids }, sort: toQuerySort(view), window: { offset: ctx.offset, limit: WINDOW_SIZE } },
    ready: filter !== null
  }
}
