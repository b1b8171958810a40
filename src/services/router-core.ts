// The router's work, over any table of channels: the full contract for the window and the command
// line (router.ts), or one small table where loading every schema would cost more than the answer
// (the command line's `info`). Input is checked and parsed before any handler runs; every failure
// comes back as { code, message, details }, never as a thrown error or a stack trace.
import type { ChannelSpec } from '#shared/channels/channel'
import type { InvokeResult } from '#shared/contract'
import { AppError, isAppError } from '#shared/errors'
import { NoControlCharactersSchema } from '../core/schemas/input-text'
import { guardPayload } from './payload-guard'
import { describeZodError, zodIssues } from './zod-message'

/** A type-only import: the contract's schemas never load for a router over a small table. */
export type RouterResult = InvokeResult<unknown>

export type RouterOptions = {
  /** Check handler results against the contract too: on in tests and e2e, where a drift must fail loudly. */
  validateOutput?: boolean
  /** Where unexpected errors are reported (never shown to the user verbatim). */
  logError?: (channel: string, error: unknown) => void
}

export type Router = {
  invoke: (channel: unknown, input: unknown) => Promise<RouterResult>
}

export function createTableRouter<T extends Record<string, ChannelSpec>>(
  table: T,
  handlers: { [C in keyof T]: (input: never) => unknown },
  options: RouterOptions = {}
): Router {
  return {
    async invoke(channel, input) {
      try {
        if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(table, channel)) {
          throw new AppError('UNKNOWN_CHANNEL', `There is no channel named "${String(channel).slice(0, 80)}".`)
        }
        guardPayload(input)
        // Input only: stored records are not held to this, so older data never fails validation by it.
        const clean = NoControlCharactersSchema.safeParse(input)
        if (!clean.success) {
          throw new AppError('INVALID_INPUT', describeZodError(clean.error), { channel, issues: zodIssues(clean.error) })
        }
        const spec = (table as Record<string, ChannelSpec>)[channel]!
        const parsed = spec.input.safeParse(input ?? {})
        if (!parsed.success) {
          throw new AppError('INVALID_INPUT', describeZodError(parsed.error), { channel, issues: zodIssues(parsed.error) })
        }
        const handler = (handlers as Record<string, unknown>)[channel] as (i: unknown) => Promise<unknown> | unknown
        const value = await handler(parsed.data)
        if (options.validateOutput) {
          const out = spec.output.safeParse(value)
          if (!out.success) {
            throw new Error(`handler for ${channel} broke its contract: ${describeZodError(out.error)}`)
          }
        }
        return { ok: true, value }
      } catch (error) {
        if (isAppError(error)) return { ok: false, error: error.toValue() }
        options.logError?.(String(channel), error)
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Something went wrong inside Access Advocate and the action did not complete. Please try again; if it keeps happening, note what you did and report it.',
            details: { reason: error instanceof Error ? error.message : String(error) }
          }
        }
      }
    }
  }
}
