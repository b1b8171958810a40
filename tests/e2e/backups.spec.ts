import { test, expect, seedCase } from './harness'

test('back up now adds a backup; restore previews its counts and asks before replacing anything', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
  await app.open('/index.html#/backups')
  const page = app.page
  const manual = page.getByTestId('backup-row').and(page.locator('[data-reason="manual"]'))
  await expect(manual).toHaveCount(0)
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toBeVisible()
  await expect(manual).toHaveCount(1)
  await expect(manual).toContainText('Manual')
  await expect(manual).toContainText('1 patient')

  // Change the data after the backup, then restore it.
  await app.services.patients.add({ name: 'Added Later' })
  await manual.getByRole('button', { name: /Restore/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  const preview = dialog.getByTestId('restore-preview')
  await expect(preview).toContainText('1 patient')
  await expect(preview).toContainText('1 organization')
  await expect(preview).toContainText('1 case')
  await expect(dialog).toContainText('Your current data will itself be backed up first')
  expect(app.calls.some((c) => c.channel === 'backup.preview')).toBe(true)
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup' })).toBeVisible()
  await expect(page.getByTestId('backup-row').and(page.locator('[data-reason="pre-restore"]'))).toHaveCount(1)
  expect(app.services.patients.list().map((p) => p.name)).toEqual(['Maria Lopez'])
})

test('cancelling a restore changes nothing', async ({ app }) => {
  await app.open('/index.html#/backups')
  await app.page.getByRole('button', { name: 'Back up now' }).click()
  await app.page.getByTestId('backup-row').first().getByRole('button', { name: /Restore/ }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect(dialog.getByTestId('restore-preview')).toBeVisible()
  await app.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(app.calls.some((c) => c.channel === 'backup.restore')).toBe(false)
})
