import type { z } from 'zod'
import { AppError, type IssuePath } from '#shared/errors'
import { describeZodError, formatPath, zodIssues } from './zod-message'

/** "event" → ["event"], "events[2]" → ["events", 2]; a phrase ("holder to request") roots nothing. */
function rootOf(what: string): IssuePath {
  const m = /^([a-zA-Z]+)(?:\[(\d+)\])?$/.exec(what)
  if (!m) return []
  return m[2] === undefined ? [m[1] as string] : [m[1] as string, Number(m[2])]
}

/**
 * Parses with a schema or throws INVALID_INPUT naming each field and its problem. The issues' paths
 * start at `root` (by default the name of what is parsed, which is also its key in the channel's
 * input: "event" in cases.addEvent), so a form can put each message beside its field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string, root: IssuePath = rootOf(what)): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new AppError('INVALID_INPUT', `${what}: ${describeZodError(result.error)}`, { issues: zodIssues(result.error, root) })
  return result.data
}

/**
 * INVALID_INPUT about one field, with its path in the channel's input for the form. The message
 * names the field as people read it: "event.date: … is in the future", or with `what`,
 * "case: patientId: no patient with id …".
 */
export function invalidField(path: IssuePath, message: string, what?: string): AppError {
  const where = what === undefined ? formatPath('', path) : `${what}: ${formatPath('', path.slice(1))}`
  return new AppError('INVALID_INPUT', `${where}: ${message}`, { issues: [{ path, message }] })
}

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `No ${what} with id "${id}".`, { id })
