// Makes sure the data folder exists and can be written, and turns the operating system's terse
// error codes into a message a person can act on before anything else touches the folder.
// No probe file: a killed process would leave it behind (and into every backup); access(W_OK)
// asks the kernel instead, which also answers EROFS for a read-only mount.
import { constants } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import { AppError } from '#shared/errors'

export async function ensureWritableDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true })
    await access(dataDir, constants.W_OK)
  } catch (error) {
    throw dataDirError(dataDir, error)
  }
}

export function dataDirError(dataDir: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'DISK_FULL',
      `The disk holding the data folder ${dataDir} is full. Free some space, then start Access Advocate again. Nothing was changed.`,
      { dataDir, code }
    )
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new AppError(
      'DATA_DIR_UNWRITABLE',
      `Access Advocate cannot write to its data folder ${dataDir} (${code}). Check that the folder exists, is not read-only and belongs to you, or choose another with ACCESS_ADVOCATE_DATA_DIR / --data-dir.`,
      { dataDir, code }
    )
  }
  return new AppError('INTERNAL', `The data folder ${dataDir} could not be prepared: ${String((error as Error)?.message ?? error)}`, {
    dataDir,
    code
  })
}
