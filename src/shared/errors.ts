// Errors that cross a boundary (IPC, CLI) as plain values a person can read: never a stack trace.
import { z } from 'zod'

export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'IN_USE',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'DATA_DIR_UNWRITABLE',
  'DISK_FULL',
  'CORRUPT_DATA',
  'CANCELLED',
  'INTERNAL'
] as const

export const ErrorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

/** One field's problem: where it is in the channel's input (["event", "date"]) and what is wrong. */
export const FieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string()
})
export type FieldIssue = z.infer<typeof FieldIssueSchema>
export type IssuePath = FieldIssue['path']

/** The `details` of an INVALID_INPUT error: each problem beside the field it belongs to. */
export const IssueDetailsSchema = z.looseObject({ issues: z.array(FieldIssueSchema) })

/** The field issues an error carries, or none (an error that is not about one field). */
export function issuesOf(error: { details?: unknown }): FieldIssue[] {
  const parsed = IssueDetailsSchema.safeParse(error.details)
  return parsed.success ? parsed.data.issues : []
}

export const AppErrorValueSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional()
})
export type AppErrorValue = z.infer<typeof AppErrorValueSchema>

/** Thrown by services and the store; turned into an {@link AppErrorValue} at the boundary. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
  }

  toValue(): AppErrorValue {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
