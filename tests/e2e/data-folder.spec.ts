import { test, expect } from './harness'

test('"Explore with sample data" opens a separate sample caseload, clearly marked, and goes back to the real one', async ({ app }) => {
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByText('No cases yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Explore with sample data' }).click()
  await expect(page.getByTestId('sample-banner')).toContainText('Sample data')
  await expect(page.getByTestId('case-row')).toHaveCount(12)
  await expect(page.getByTestId('data-dir')).toHaveText(app.sampleDir)

  await page.getByRole('button', { name: 'Back to my data' }).click()
  await expect(page.getByTestId('sample-banner')).toBeHidden()
  await expect(page.getByText('No cases yet.')).toBeVisible()
  await expect(page.getByTestId('data-dir')).toHaveText(app.dataDir)
  expect(app.services.queries.list()).toHaveLength(0)
})

test.describe('an encrypted data folder', () => {
  test.use({ encryptWith: 'correct horse battery' })

  test('starts locked; a wrong passphrase is refused with the reason, the right one opens the caseload', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const page = app.page
    await expect(page.getByRole('heading', { name: 'Unlock your data' })).toBeVisible()
    await page.getByLabel('Passphrase').fill('wrong guess')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expect(page.getByLabel('Passphrase')).toHaveValue('wrong guess')
    await page.getByLabel('Passphrase').fill('correct horse battery')
    await page.getByRole('button', { name: 'Unlock' }).click()
    // A new folder, unlocked for the first time, asks how it will be used (the harness cannot answer
    // that for a locked folder); "Not now" leads to the empty caseload.
    await page.getByRole('button', { name: 'Not now' }).click()
    await expect(page.getByText('No cases yet.')).toBeVisible()
  })
})
