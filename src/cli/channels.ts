// The command line's only way to the data: the same router and handlers the window's IPC uses, so
// the two doors offer the same operations with the same validation and the same errors. Commands
// build a channel's input from their arguments and print what comes back; nothing else.
import { createHandlers } from '#services/handlers/index'
import { createRouter } from '#services/router'
import type { OpenServicesOptions } from '#services/app-services'
import { AppError } from '#shared/errors'
import type { Channel, ChannelOutput } from '#shared/contract'
import type { CliContext } from './io'
import { withServices } from './services'

/**
 * Calls one channel. The input is what the user typed, shaped by the command; the channel's zod
 * schema is what checks it (a failure is an INVALID_INPUT naming the field: exit code 2).
 */
export type Invoke = <C extends Channel>(channel: C, input: unknown) => Promise<ChannelOutput<C>>

export type ChannelSessionOptions = Pick<OpenServicesOptions, 'newId'> & {
  /** Progress of a long channel (deep search, demo data), for a line on stderr. */
  onProgress?: (done: number, total: number) => void
}

export async function withChannels<T>(ctx: CliContext, work: (invoke: Invoke) => Promise<T>, options: ChannelSessionOptions = {}): Promise<T> {
  const { onProgress, ...open } = options
  return withServices(
    ctx,
    async (services) => {
      // The router turns every failure into a value; for an unexpected one the command line keeps
      // the original error, so its one-line report says what actually went wrong.
      let unexpected: unknown
      const router = createRouter(createHandlers(services, { onProgress: (_channel, done, total) => onProgress?.(done, total) }), {
        logError: (_channel, error) => void (unexpected = error)
      })
      const invoke: Invoke = async <C extends Channel>(channel: C, input: unknown) => {
        ctx.io.trace?.(channel)
        unexpected = undefined
        const result = await router.invoke(channel, input)
        if (result.ok) return result.value as ChannelOutput<C>
        if (result.error.code === 'INTERNAL' && unexpected !== undefined) throw unexpected
        throw new AppError(result.error.code, result.error.message, result.error.details)
      }
      return work(invoke)
    },
    open
  )
}
