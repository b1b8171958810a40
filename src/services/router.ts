// The one router every front door shares: Electron's ipcMain, the e2e harness and tests call
// `invoke(channel, input)` over the whole contract (the checks themselves are in router-core.ts).
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '#shared/contract'
import { createTableRouter, type Router, type RouterOptions } from './router-core'

export type { Router, RouterOptions, RouterResult } from './router-core'

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  return createTableRouter(contract, handlers, options)
}
