import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test('"/" focuses the caseload search from anywhere, and Enter on a row opens the case', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await seedCase(app.services, { patient: 'John Smith', organization: 'Valley Lab' })
  await app.open('/index.html#/organizations')
  const page = app.page
  await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible()
  await page.locator('body').press('/')
  const search = page.getByLabel('Search cases')
  await expect(search).toBeFocused()
  await page.keyboard.type('john')
  await expect(search).toHaveValue('john')
  await expect(page.getByTestId('case-row')).toHaveCount(1)

  // Tab from the filters to the first row, then open it with Enter.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('case-row')).toHaveCount(2)
  const first = page.getByTestId('case-row').first()
  await first.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('case-row').nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('case-holder')).toHaveText('St Mary Hospital')
})

test('every control of the caseload is reachable with Tab', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  const reached = new Set<string>()
  // The filter menus, saved views and column handles come before the rows.
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press('Tab')
    reached.add(await page.evaluate(() => {
      const el = document.activeElement
      return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? ''}` : ''
    }))
    if ([...reached].some((r) => r.startsWith('TR:'))) break
  }
  const all = [...reached].join('|')
  expect(all).toContain('A:Caseload')
  expect(all).toContain('INPUT')
  expect(all).toContain('BUTTON:Patient')
  expect(all).toContain('TR:')
})

test('Escape closes a dialog and keeps what was typed for next time', async ({ app }) => {
  await app.open('/index.html#/patients')
  const page = app.page
  await page.getByRole('button', { name: 'Add patient' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a patient' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Full name').fill('Half Typed')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Add patient' })).toBeFocused()
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByRole('dialog', { name: 'Add a patient' }).getByLabel('Full name')).toHaveValue('Half Typed')
})
