import type { z } from 'zod'
import { AppError } from '../shared/errors'
import { describeZodError } from './zod-message'

/** Parses with a schema or throws INVALID_INPUT naming each field and its problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new AppError('INVALID_INPUT', `${what}: ${describeZodError(result.error)}`)
  return result.data
}

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `No ${what} with id "${id}".`, { id })
