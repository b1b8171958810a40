import { readdir, stat, truncate, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../src/services/app-services'
import { seedCase, test, expect } from './harness'

let damagedFile = ''

test.describe('a data file damaged while the app was closed', () => {
  test.use({
    beforeOpen: {
      prepare: async (dataDir: string) => {
      const s = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', dailyBackup: false })
      await seedCase(s, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
      await s.store.backups.create('manual')
      await s.close()
      // The patients' shard is read at open; truncate it as a crash or a sync tool might.
      const [shard] = (await readdir(join(dataDir, 'patients'))).filter((f) => f.endsWith('.json'))
      damagedFile = `patients/${shard}`
      await writeFile(join(dataDir, damagedFile), '{"this is not": ')
      }
    }
  })

  test('is reported on start: which file, what was wrong, what was done; the banner can be dismissed', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const banner = app.page.getByTestId('recovery-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(damagedFile)
    await expect(banner).toContainText('What was done:')
    await expect(banner).toContainText('moved aside')
    // The patient was restored from the backup: the caseload names them again.
    await expect(app.page.getByTestId('case-row')).toContainText('Maria Lopez')
    if (process.env['AA_SCREENSHOTS']) await app.page.screenshot({ path: '/tmp/aa-shots/recovery.png' })
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toBeHidden()
  })
})

let damagedCase = ''

test.describe('a case file damaged in place, where the index cannot see it', () => {
  test.use({
    beforeOpen: {
      prepare: async (dataDir: string) => {
        const s = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', dailyBackup: false })
        await seedCase(s, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
        await s.close()
        // Halved in place, its mtime put back: the index still looks fresh (no backup holds it).
        const [file] = (await readdir(join(dataDir, 'cases'))).filter((f) => f.endsWith('.json'))
        damagedCase = `cases/${file}`
        const path = join(dataDir, damagedCase)
        const before = await stat(path)
        await truncate(path, Math.floor(before.size / 2))
        await utimes(path, before.atime, before.mtime)
      }
    }
  })

  test('shows the banner naming the file, keeps the case listed, and the recovery page lists the journal', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const banner = app.page.getByTestId('recovery-banner')
    await expect(banner).toBeVisible({ timeout: 10_000 })
    await expect(banner).toContainText(damagedCase)
    await expect(banner).toContainText('truncated JSON')
    await expect(banner).toContainText('moved aside to quarantine/')
    await expect(banner).toContainText('stays listed as damaged')
    await expect(app.page.getByTestId('case-row')).toContainText('Maria Lopez')
    await banner.getByRole('link', { name: /recovery journal/ }).click()
    const journal = app.page.getByTestId('recovery-journal')
    await expect(journal).toContainText(damagedCase)
    await expect(journal).toContainText('truncated JSON')
  })
})
