// What the window's first screen needs, asked for at once before the first render. Drawn by React,
// the caseload asked one after another: the host's state, then (once ready) its layout, then its
// rows — three round trips in a row while the services are busiest (just opened). Asked here side
// by side, each answer lands in the query cache under the key the screen will ask for, so the screen
// finds it there (or its call already on the way) instead of starting its own.
import type { QueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { queryKey } from '../api/queries'
import type { ChannelInput, Channel } from '#shared/contract'
import { caseloadInput, windowOffset } from '../features/caseload/caseload-input'
import { EMPTY_FILTER } from '../features/caseload/filters'
import { caseloadQueryOptions } from '../features/caseload/use-caseload-query'
import type { Route } from './routes'

const read = <C extends Channel>(client: QueryClient, channel: C, input: ChannelInput<C>) =>
  client.fetchQuery({ queryKey: queryKey(channel, input), queryFn: () => call(channel, input) })

export function startFirstReads(client: QueryClient, route: Route): void {
  // A locked or missing folder refuses these: the error is kept like any other answer, and the
  // unlock or switch that follows invalidates every query.
  const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined)
  quietly(read(client, 'app.status', {}))
  quietly(read(client, 'workspace.setupState', {}))
  const settings = read(client, 'settings.get', {})
  quietly(settings)
  if (route.page !== 'caseload') return
  quietly(
    read(client, 'caseload.prefs', {}).then(async (prefs) => {
      const view = prefs.current ?? EMPTY_FILTER
      // "Mine" needs the advocate's name; holders of a kind need the directory: then the page asks itself.
      const me = view.mine ? (await settings).advocateName : undefined
      if (view.holderKinds.length > 0) return
      const { input, ready } = caseloadInput(view, { me, holdersOfKinds: undefined, ids: undefined, offset: windowOffset(0) })
      if (ready) await client.prefetchQuery(caseloadQueryOptions(input))
    })
  )
}
