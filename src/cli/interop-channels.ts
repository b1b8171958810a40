// The interop commands reach the data only through contract channels, over the same router the
// window uses (the shape of the shared `withChannels` session the other commands are moving to).
import { createHandlers } from '../services/handlers/index'
import { createRouter } from '../services/router'
import type { Channel, ChannelOutput } from '../shared/contract'
import { AppError } from '../shared/errors'
import type { CliContext } from './io'
import { withServices } from './services'

export type Invoke = <C extends Channel>(channel: C, input: unknown) => Promise<ChannelOutput<C>>

export async function withInteropChannels<T>(ctx: CliContext, work: (invoke: Invoke) => Promise<T>): Promise<T> {
  return withServices(ctx, async (services) => {
    let unexpected: unknown
    const router = createRouter(createHandlers(services), { logError: (_c, error) => void (unexpected = error) })
    const invoke: Invoke = async <C extends Channel>(channel: C, input: unknown) => {
      unexpected = undefined
      const result = await router.invoke(channel, input)
      if (result.ok) return result.value as ChannelOutput<C>
      if (result.error.code === 'INTERNAL' && unexpected !== undefined) throw unexpected
      throw new AppError(result.error.code, result.error.message, result.error.details)
    }
    return work(invoke)
  })
}
