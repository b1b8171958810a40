import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './harness'

test('a CSV of 200 requests goes in through the wizard (mapping, preview, confirm) and shows in the caseload', async ({ app, rootDir }) => {
  const lines = ['Request ID,Patient,DOB,Practice,State,Received,Fulfilled']
  for (let i = 0; i < 200; i++) {
    lines.push(`REQ-${1000 + i},Patient${i} Import,${String((i % 12) + 1).padStart(2, '0')}/${String((i % 15) + 13)}/1970,Practice ${i % 4},CA,09/${String((i % 28) + 1).padStart(2, '0')}/2026,`)
  }
  const file = join(rootDir, 'requests.csv')
  await writeFile(file, lines.join('\r\n'))
  await app.open()
  const page = app.page
  await page.getByRole('link', { name: 'Import' }).click()
  await page.getByLabel('CSV file').setInputFiles(file)
  // The mapping is suggested from the headers and shown; the dates are read as MM/DD.
  await expect(page.getByLabel('Field for column Request ID')).toHaveValue('reference')
  await expect(page.getByLabel('Field for column Received')).toHaveValue('received')
  await expect(page.getByLabel('Date order for column Received')).toHaveValue('mdy')
  const preview = page.getByRole('table', { name: 'Preview' })
  await expect(preview.getByRole('row').nth(1)).toContainText('Patient0 Import')
  await expect(preview.getByRole('row').nth(1)).toContainText('1970-01-13')
  await expect(preview.getByRole('row').nth(1)).toContainText('request-received 2026-09-01')
  await page.getByRole('button', { name: 'Import 200 case(s)' }).click()
  await expect(page.getByText(/Imported 200 case\(s\), 200 patient\(s\) and 4 organization\(s\)/)).toBeVisible({ timeout: 60_000 })
  expect(app.services.queries.list()).toHaveLength(200)
  // The export actions save through downloads.
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calendar (.ics)' }).click()])
  expect(ics.suggestedFilename()).toBe('access-advocate.ics')

  await page.getByRole('link', { name: 'Caseload' }).click()
  await page.getByLabel('Search cases').fill('Patient137 Import')
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await expect(page.getByTestId('case-row')).toContainText('Practice 1')
  await page.getByTestId('case-row').click()
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Evidence bundle' }).click()])
  expect(bundle.suggestedFilename()).toMatch(/^evidence-.*\.zip$/)
  await expect(page.getByText(/Evidence bundle: 0 exhibit\(s\)/)).toBeVisible()
})
