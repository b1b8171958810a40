// The daily backup runs unattended when the data folder opens. When it cannot be made, the window
// says so (a banner everywhere, a notice on the Backups page) and offers to back up again.
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../src/services/app-services'
import { seedCase, test, expect } from './harness'

test.describe('a daily backup that cannot be made', () => {
  test.use({
    beforeOpen: {
      // Some data, then a regular file where the backups folder belongs: a real ENOTDIR at open.
      prepare: async (dataDir: string) => {
        const s = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', dailyBackup: false })
        await seedCase(s, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
        await s.close()
        await rm(join(dataDir, 'backups'), { recursive: true, force: true })
        await writeFile(join(dataDir, 'backups'), 'not a folder')
      }
    }
  })

  test('is shown in a banner and on the Backups page; "Back up now" in the banner fixes it', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const page = app.page
    const banner = page.getByTestId('backup-failure-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toHaveAttribute('role', 'alert')
    await expect(banner).toContainText('Today’s automatic backup could not be made')
    await expect(banner).toContainText(join(app.dataDir, 'backups'))
    await expect(banner).toContainText('ENOTDIR')
    // The data opened all the same.
    await expect(page.getByTestId('case-row')).toContainText('Maria Lopez')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click()
    const notice = page.getByRole('main').getByRole('alert').filter({ hasText: 'automatic backup could not be made' })
    await expect(notice).toContainText('ENOTDIR')

    // While the file is still there, backing up now fails too, and says why.
    await banner.getByRole('button', { name: 'Back up now' }).click()
    await expect(banner.getByTestId('backup-failure-error')).toContainText('ENOTDIR')
    await expect(banner).toBeVisible()

    // The user moves the file away; by keyboard, "Back up now" succeeds and both messages go.
    await rm(join(app.dataDir, 'backups'))
    await banner.getByRole('button', { name: 'Back up now' }).focus()
    await page.keyboard.press('Enter')
    await expect(banner).toBeHidden()
    await expect(notice).toBeHidden()
    await expect(page.locator('#main')).toBeFocused()
    expect(app.services.store.backups.status().lastFailure).toBeNull()
    expect((await app.services.store.backups.list()).map((b) => b.reason)).toEqual(['manual'])
  })

  test('can be dismissed by keyboard', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const banner = app.page.getByTestId('backup-failure-banner')
    await banner.getByRole('button', { name: 'Dismiss' }).focus()
    await app.page.keyboard.press('Enter')
    await expect(banner).toBeHidden()
  })

  test('appears when the backup fails after the window first asked while it was still running, without asking again', async ({ app }) => {
    // The first answer is what the services really say while the daily backup runs (see
    // tests/integration/store-backup-failure.test.ts); then the real router answers.
    const real = app.router.invoke.bind(app.router)
    let stillRunning = 1
    let firstStatusSent = (): void => {}
    const statusSent = new Promise<void>((resolve) => (firstStatusSent = resolve))
    app.router.invoke = async (channel, input) => {
      if (channel === 'backup.status' && stillRunning > 0) {
        stillRunning--
        firstStatusSent()
        return { ok: true, value: { lastFailure: null, dailyInProgress: true } }
      }
      // The backup starts after the first caseload answer: held until the window has its (stale)
      // status, so the failure comes after it, as a backup still running when asked fails later.
      if (channel === 'cases.query') await statusSent
      return real(channel, input)
    }
    await app.open('/index.html#/caseload')
    await expect(app.page.getByTestId('case-row')).toContainText('Maria Lopez')
    const banner = app.page.getByTestId('backup-failure-banner')
    expect(stillRunning).toBe(0)
    // The daily backup starts once the first caseload answer is out (the host defers it), so it
    // fails while the window listens: the main process pushes the new status as the store reports it.
    await expect(banner).toContainText('ENOTDIR')
    expect(app.pushed.some((p) => p.event === 'backup.status' && (p.payload as { lastFailure: unknown }).lastFailure !== null)).toBe(true)
    // Pushed, not polled: the window asked once, and never again.
    const asked = () => app.calls.filter((c) => c.channel === 'backup.status').length
    expect(asked()).toBe(1)
    await app.page.waitForTimeout(2500)
    expect(asked()).toBe(1)
  })
})
