// The window's data layer, on TanStack Query: every read is a query keyed by [channel, input]; every
// write is a mutation that, once it succeeds, marks stale what that channel can change (the table
// below, in one place), so nothing on screen needs a "reload" callback passed down to it.
import { keepPreviousData, MutationCache, QueryClient, useMutation, useQuery, type UseMutationOptions } from '@tanstack/react-query'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/contract'
import { call, type ApiError } from './client'

/** Which reads a successful write can change, by channel-name prefix ('all': the whole window). */
const INVALIDATES: Partial<Record<Channel, ReadonlyArray<string> | 'all'>> = {
  'app.unlock': 'all',
  'app.useSample': 'all',
  'app.useOwnData': 'all',
  'backup.restore': 'all',
  'backup.now': ['backup.'],
  'settings.update': ['settings.', 'cases.', 'worklist.'],
  'profiles.save': ['settings.', 'cases.', 'worklist.'],
  'profiles.remove': ['settings.', 'cases.', 'worklist.'],
  'workspace.setPerspective': ['settings.', 'reports.', 'cases.', 'worklist.'],
  // Every case of the duplicate now names the survivor: lists, case pages, reports all change.
  'orgs.merge': 'all',
  'workspace.setup': 'all',
  // Reads run as mutations (started by a click, not by showing a screen): they change nothing.
  'tasks.cancel': [],
  'files.pick': [],
  'cases.deepSearch': [],
  // The caseload keeps its own copy of its layout; saving it changes no other read.
  'caseload.savePrefs': [],
  'interop.csvPreview': [],
  'interop.importPreview': [],
  'interop.bundleExhibits': [],
  'interop.bundle': [],
  'interop.csvExport': [],
  'interop.exportAll': [],
  'interop.calendar': [],
  // An import can add patients, organizations, cases and settings (remembered mappings).
  'interop.csvImport': 'all',
  'interop.importAll': 'all'
}

/** Writes not in the table invalidate their own area, and cases (which show names and clocks), and the directory lists (their open and overdue counts). */
function invalidatedBy(channel: Channel): ReadonlyArray<string> | 'all' {
  const listed = INVALIDATES[channel]
  if (listed !== undefined) return listed
  const area = channel.slice(0, channel.indexOf('.') + 1)
  if (area === 'attachments.') return ['cases.']
  // Today (worklist.) is made of cases: whatever changes a case changes it.
  return [area, 'cases.', 'patients.', 'orgs.', 'worklist.']
}

export const queryKey = <C extends Channel>(channel: C, input: ChannelInput<C>) => [channel, input] as const

export function invalidateAfter(client: QueryClient, channel: Channel): Promise<void> {
  const what = invalidatedBy(channel)
  if (what === 'all') return client.invalidateQueries()
  return client.invalidateQueries({ predicate: (q) => what.some((prefix) => String(q.queryKey[0]).startsWith(prefix)) })
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      // Every call is local and answers with a readable error: retrying would only delay the message.
      queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' }
    },
    mutationCache: new MutationCache({
      onSuccess: (_data, _vars, _ctx, mutation) => {
        const channel = mutation.options.mutationKey?.[0]
        if (typeof channel === 'string') return invalidateAfter(client, channel as Channel)
        return undefined
      }
    })
  })
  return client
}

/** A read of one channel. While a newer input loads, the last answer stays on screen (isPlaceholderData). */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C>, options: { enabled?: boolean } = {}) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: queryKey(channel, input),
    queryFn: () => call(channel, input),
    placeholderData: keepPreviousData,
    ...options
  })
}

/** A write through one channel; on success it invalidates what that channel changes. */
export function useChannelMutation<C extends Channel>(
  channel: C,
  options: Omit<UseMutationOptions<ChannelOutput<C>, ApiError, ChannelInput<C>>, 'mutationKey' | 'mutationFn'> = {}
) {
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationKey: [channel],
    mutationFn: (input) => call(channel, input),
    ...options
  })
}
