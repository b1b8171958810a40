// The IPC contract: every channel the renderer may call, with zod schemas for what goes in and
// what comes out. The main process validates input against it before any handler runs; the
// renderer's client is typed from it, so a renamed field breaks the build, not the user.
import { z } from 'zod'
import { AppErrorValueSchema, type AppErrorValue } from './errors'
import { appChannels, hostChannels } from './channels/app'
import { attachmentChannels, caseChannels, searchChannels } from './channels/cases'
import { caseQueryChannels } from './channels/case-query'
import { dataChannels, settingsChannels } from './channels/data'
import { directoryChannels } from './channels/directory'
import { letterChannels } from './channels/letters'
import { letterFileChannels } from './channels/letter-files'
import { syncChannels } from './channels/sync'
import { reportChannels } from './channels/reports'
import { toolChannels } from './channels/tools'
import { interopChannels } from './channels/interop'
import { taskChannels } from './channels/tasks'
import { worklistChannels } from './channels/worklist'
import { orgMergeChannels } from './channels/org-merge'
import { workspaceChannels } from './channels/workspace'
import type { EventName, EventPayload } from './event-contract'
import { bulkChannels } from './channels/bulk'
import { caseloadPrefsChannels } from './channels/caseload-prefs'
import { mergeChannels } from './merge-channels'

export const contract = mergeChannels(
  appChannels,
  hostChannels,
  directoryChannels,
  caseChannels,
  caseQueryChannels,
  attachmentChannels,
  searchChannels,
  dataChannels,
  settingsChannels,
  taskChannels,
  toolChannels,
  letterChannels,
  letterFileChannels,
  reportChannels,
  interopChannels,
  syncChannels,
  bulkChannels,
  caseloadPrefsChannels,
  worklistChannels,
  orgMergeChannels,
  workspaceChannels
)

export type Contract = typeof contract
export type Channel = keyof Contract
export const CHANNELS = Object.keys(contract) as Channel[]

/** What the renderer passes (before defaults are applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after parsing: defaults applied, types narrowed). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** Every call resolves to a result value; errors cross the boundary as data, never as thrown stack traces. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }

export const InvokeFailureSchema = z.object({ ok: z.literal(false), error: AppErrorValueSchema })

/** The only things the preload exposes on `window.api`: calls, and pushed events (see event-contract.ts). */
export type Api = {
  invoke: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<InvokeResult<ChannelOutput<C>>>
  /** Calls `handler` with each `event` the main process pushes; returns the way to stop listening. */
  on: <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) => () => void
}

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)

export { MAX_PAYLOAD_BYTES, MAX_WINDOW_ATTACHMENT_BYTES } from './limits'
/** The single Electron IPC channel every call travels on. */
export const IPC_INVOKE = 'aa:invoke'

export { events, EVENT_NAMES, IPC_EVENT, isEventName, type EventName, type EventPayload, type Events } from './event-contract'
