// What `info` needs to know about a data folder, read without opening it: no lock taken, nothing
// created or written, so asking never disturbs the app that has the folder open (and never waits
// for it). A missing folder is simply not created yet.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { META_FILE } from '../store/layout'
import { decodeMeta } from '../store/meta'
import { AppError } from '#shared/errors'
import { dataDirError } from './data-dir'

export type FolderInfo = { exists: boolean; encrypted: boolean }

export async function readFolderInfo(dataDir: string): Promise<FolderInfo> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(join(dataDir, META_FILE))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { exists: false, encrypted: false }
    throw dataDirError(dataDir, error)
  }
  try {
    return { exists: true, encrypted: decodeMeta(bytes, dataDir).meta.encryption !== undefined }
  } catch (error) {
    if (error instanceof AppError) throw error
    // A damaged meta.json is repaired when the folder is next opened for work; info only reports.
    return { exists: true, encrypted: false }
  }
}
