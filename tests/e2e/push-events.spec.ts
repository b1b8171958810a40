// Events the services push into the window (window.api.on), never polled: backup status, recovery
// reports, and the progress of long work with its Cancel button.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../src/services/app-services'
import { test, expect, seedCase } from './harness'

test('a backup status pushed while the window is open shows the banner at once, without asking again', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByTestId('case-row')).toContainText('Maria Lopez')
  await expect(page.getByTestId('backup-failure-banner')).toBeHidden()
  const asked = () => app.calls.filter((c) => c.channel === 'backup.status').length
  await expect.poll(asked).toBe(1)
  // The real daily backup starts after the first caseload answer (the host defers it) and pushes its
  // own status when it ends: settled first, so it cannot replace the status this test pushes.
  app.services.store.startBackground()
  await app.services.store.flush()

  // The main process pushes a new status (here the test plays it, through the services' own hub).
  app.events.emit('backup.status', { lastFailure: { reason: 'daily', at: new Date().toISOString(), message: 'The disk is full (ENOSPC).' }, dailyInProgress: false })
  const banner = page.getByTestId('backup-failure-banner')
  await expect(banner).toContainText('The disk is full (ENOSPC).')
  // The window did not ask for it, and does not keep asking: no polling.
  await page.waitForTimeout(2500)
  expect(asked()).toBe(1)

  // "Back up now" succeeds: the write marks the status stale and the banner goes.
  await banner.getByRole('button', { name: 'Back up now' }).click()
  await expect(banner).toBeHidden()
})

test('a payload that breaks the contract is dropped by the window', async ({ app }) => {
  await app.open('/index.html#/caseload')
  await expect(app.page.getByTestId('backup-failure-banner')).toBeHidden()
  const errors: string[] = []
  app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  // Straight into the page, past the services' own check, as a broken main process might.
  await app.page.evaluate(() => (window as unknown as { __aaPush: (n: string, p: unknown) => void }).__aaPush('backup.status', { lastFailure: 'yes' }))
  await expect.poll(() => errors.join(' ')).toContain('Dropped a malformed "backup.status" event')
  await expect(app.page.getByTestId('backup-failure-banner')).toBeHidden()
})

test('a damaged case file found while the window is open is reported in the banner as it happens', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
  await app.services.store.flush()
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByTestId('case-row')).toContainText('Maria Lopez')
  await expect(page.getByTestId('recovery-banner')).toBeHidden()
  // Something outside the app (a sync tool, a failing disk) damages the case file.
  await writeFile(join(app.dataDir, 'cases', `${seeded.caseId}.json`), '{ this is not json')
  await page.getByTestId('case-row').first().click()
  await expect(page.getByTestId('recovery-banner')).toContainText(`${seeded.caseId}.json`)
  expect(app.pushed.some((p) => p.event === 'recovery.reported')).toBe(true)
})

test.describe('long work', () => {
  test.use({
    slowCaseReads: 15,
    beforeOpen: {
      // 200 cases whose full text never matches, on a slow disk: the deep search reads every file.
      prepare: async (dataDir: string) => {
        const s = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', dailyBackup: false })
        const patient = await s.patients.add({ name: 'Ana Ruiz' })
        const org = await s.organizations.add({ name: 'Mercy General', kind: 'hospital' })
        for (let i = 0; i < 200; i++) await s.cases.add({ patientId: patient.id, organizationId: org.id })
        await s.close()
      }
    }
  })

  test('a full-text search shows its progress and stops when cancelled', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const page = app.page
    await expect(page.getByTestId('case-row').first()).toBeVisible()
    await page.getByLabel('Search cases').fill('dolores')
    await page.getByRole('button', { name: 'Search the full text of every case for “dolores”' }).click()
    const progress = page.getByTestId('task-progress')
    await expect(progress).toContainText('Searching the full text of 200 cases')
    await expect(progress).toContainText(/\d+ of 200/)
    const bar = progress.getByRole('progressbar')
    await expect(bar).toHaveAttribute('max', '200')
    await progress.getByRole('button', { name: 'Cancel' }).click()
    await expect(progress).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: 'The full-text search was cancelled.' })).toBeVisible()
    const last = app.pushed.filter((p) => p.event === 'task.progress').at(-1)?.payload as { phase: string; done: number } | undefined
    expect(last?.phase).toBe('cancelled')
    expect(last?.done).toBeLessThan(200)
    expect(app.calls.filter((c) => c.channel === 'tasks.cancel')).toHaveLength(1)
  })
})
