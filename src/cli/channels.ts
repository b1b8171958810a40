// The command line's only way to the data: the same router and handlers the window's IPC uses, so
// the two doors offer the same operations with the same validation and the same errors. Commands
// build a channel's input from their arguments and print what comes back; nothing else.
import { RULES_VERSION } from '#core/rules/version'
import type { Handlers } from '#services/router'
import { createTableRouter, type Router } from '#services/router-core'
import type { OpenServicesOptions } from '#services/app-services'
import { readAppVersion } from '#services/app-version'
import { defaultDataDir } from '#services/default-data-dir'
import { readFolderInfo } from '#services/folder-info'
import { AppError } from '#shared/errors'
import { DEFAULT_FILES_URL } from '#shared/files'
import { appChannels } from '#shared/channels/app'
import type { Channel, ChannelOutput } from '#shared/contract'
import type { CliContext } from './io'

/**
 * Calls one channel. The input is what the user typed, shaped by the command; the channel's zod
 * schema is what checks it (a failure is an INVALID_INPUT naming the field: exit code 2).
 */
export type Invoke = <C extends Channel>(channel: C, input: unknown) => Promise<ChannelOutput<C>>

export type ChannelSessionOptions = Pick<OpenServicesOptions, 'newId'> & {
  /** Progress of a long channel (deep search, demo data), for a line on stderr. */
  onProgress?: (done: number, total: number) => void
  /**
   * Only read what the folder says about itself (app.info): no lock, no writes, no daily backup,
   * so `info` never disturbs or waits for the app that has the folder open.
   */
  readOnly?: boolean
}

function invoker(ctx: CliContext, route: (options: { logError: (channel: string, error: unknown) => void }) => Router): Invoke {
  // The router turns every failure into a value; for an unexpected one the command line keeps
  // the original error, so its one-line report says what actually went wrong.
  let unexpected: unknown
  const router = route({ logError: (_channel, error) => void (unexpected = error) })
  return async <C extends Channel>(channel: C, input: unknown) => {
    ctx.io.trace?.(channel)
    unexpected = undefined
    const result = await router.invoke(channel, input)
    if (result.ok) return result.value as ChannelOutput<C>
    if (result.error.code === 'INTERNAL' && unexpected !== undefined) throw unexpected
    throw new AppError(result.error.code, result.error.message, result.error.details)
  }
}

export async function withChannels<T>(ctx: CliContext, work: (invoke: Invoke) => Promise<T>, options: ChannelSessionOptions = {}): Promise<T> {
  const { onProgress, readOnly, ...open } = options
  if (readOnly) return work(readOnlyInvoker(ctx, ctx.dataDir ?? defaultDataDir(ctx.io.env)))
  // The contract, the services, the store and the handlers load only when a command opens the
  // folder: `info` and `--help` start without them.
  const [{ withServices }, { createHandlers }, { createRouter }] = await Promise.all([import('./services'), import('#services/handlers/index'), import('#services/router')])
  return withServices(
    ctx,
    (services) => {
      const handlers: Handlers = createHandlers(services, { onProgress: (_channel, done, total) => onProgress?.(done, total) })
      return work(invoker(ctx, (options) => createRouter(handlers, options)))
    },
    open
  )
}

/**
 * A folder read without opening it: app.info answers from meta.json, checked by its own schema
 * alone (loading every channel's would cost more than the answer); every other channel refuses.
 */
function readOnlyInvoker(ctx: CliContext, dataDir: string): Invoke {
  const info = invoker(ctx, (options) =>
    createTableRouter(
      appChannels,
      {
        'app.info': async () => ({
          name: 'Access Advocate',
          version: readAppVersion(),
          dataDir,
          rulesVersion: RULES_VERSION,
          encrypted: (await readFolderInfo(dataDir)).encrypted,
          filesUrl: DEFAULT_FILES_URL
        })
      },
      options
    )
  )
  return async (channel, input) => {
    if (channel !== 'app.info') throw new AppError('LOCKED', 'This command reads the data folder without opening it, so it cannot do that.')
    return info(channel, input)
  }
}
