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
