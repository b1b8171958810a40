import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../../src/services/app-services'

/**
 * A data folder holding one patient, closed, with a regular file where its `backups` folder
 * belongs: the next daily backup fails for real (ENOTDIR), with no mock in the way.
 */
export async function folderWithBackupsAsFile(dataDir: string): Promise<void> {
  const s = await openServices({ dataDir, appVersion: 'test', holder: 'vitest', dailyBackup: false })
  await s.patients.add({ name: 'Ana Ruiz' })
  await s.store.backups.create('manual') // a real backups/ folder existed, and is replaced below
  await s.close()
  await rm(join(dataDir, 'backups'), { recursive: true, force: true })
  await writeFile(join(dataDir, 'backups'), 'not a folder')
}
