// Turns the file system's errno codes into errors a person can act on. Everything the store throws
// is an AppError; a raw ENOSPC or EROFS never reaches the UI.
import { AppError, isAppError } from '#shared/errors'

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENAMETOOLONG'])
const FULL = new Set(['ENOSPC', 'EDQUOT'])

export const errnoOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined

const reasonOf = (code: string): string =>
  ({
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the disk is read-only',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'a folder is in the way',
    EEXIST: 'a file is in the way',
    ENAMETOOLONG: 'the path is too long'
  })[code] ?? code

/**
 * @param action what the store was doing, e.g. "save", "open"
 * @param path the file or folder concerned
 * @param dataDir the data folder, named in the advice
 */
export function toAppError(e: unknown, action: string, path: string, dataDir: string): AppError {
  if (isAppError(e)) return e
  const code = errnoOf(e)
  if (code !== undefined && FULL.has(code)) {
    return new AppError(
      'DISK_FULL',
      `The disk holding ${dataDir} is full (${code} while trying to ${action} ${path}). ` +
        'Free some space and try again; everything saved before this is intact.',
      { path, errno: code }
    )
  }
  if (code !== undefined && UNWRITABLE.has(code)) {
    return new AppError(
      'DATA_DIR_UNWRITABLE',
      `Access Advocate cannot ${action} ${path}: ${reasonOf(code)} (${code}). ` +
        `Choose a data folder you can write to, or fix the permissions of ${dataDir}.`,
      { path, errno: code }
    )
  }
  const message = e instanceof Error ? e.message : String(e)
  return new AppError('INTERNAL', `Could not ${action} ${path}: ${message}`, { path, errno: code })
}
