// What follows the workspace's perspective in the window, at once and without a reload: the
// caseload's default columns (a saved choice wins), the letter templates offered, and the words of
// the add-event form.
import type { Page } from '@playwright/test'
import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

async function switchTo(page: Page, perspective: 'advocate' | 'practice') {
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByTestId('workspace-perspective').selectOption(perspective)
  await expect(page.getByTestId('workspace-perspective')).toHaveValue(perspective)
}
const headers = (page: Page) => page.getByRole('columnheader').allInnerTexts()
const openCase = (page: Page, id: string) => page.goto(`${page.url().split('#')[0]}#/case/${id}`)
/** Set in the page before a switch: still there afterwards means the window was not reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1))
const marked = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)

test('the caseload’s default columns follow the perspective; a saved column choice still wins', async ({ app }) => {
  await seedCase(app.services, { patient: 'Jordan Patel', organization: 'Harbor Family Practice', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  const row = page.getByTestId('case-row').filter({ hasText: 'Jordan Patel' })
  await expect(row).toBeVisible()
  expect((await headers(page)).join('|')).toMatch(/Patient.*Holder.*Status/)

  await mark(page)
  await switchTo(page, 'practice')
  await page.getByRole('link', { name: 'Request log' }).click()
  await expect(row).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Received' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Holder' })).toHaveCount(0)
  // Its words too: the case's handler is a staff member, not an advocate.
  await expect(page.getByRole('columnheader', { name: 'Staff member' })).toBeVisible()
  const practice = (await headers(page)).filter((h) => h.trim() !== '')
  expect(practice.slice(0, 2).map((h) => h.trim())).toEqual(['Received', 'Patient'])
  expect(await marked(page)).toBe(1)

  // The user's own choice: add Tags. It stays when the perspective changes back.
  await page.getByRole('button', { name: 'Columns…' }).click()
  await page.getByTestId('columns-dialog').getByRole('checkbox', { name: 'Tags' }).check()
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('columnheader', { name: 'Tags' })).toBeVisible()
  await expect.poll(async () => (await app.services.settings.get()).caseload?.columns?.order).toContain('tags')
  await switchTo(page, 'advocate')
  await page.getByRole('link', { name: 'Caseload' }).click()
  await expect(row).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Tags' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Holder' })).toHaveCount(0)

  // "Default columns" gives back the side's own defaults.
  await page.getByRole('button', { name: 'Columns…' }).click()
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'Default columns and widths' }).click()
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('columnheader', { name: 'Holder' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Tags' })).toHaveCount(0)
})

test('the letter dialog offers a practice its own templates only, and an advocate theirs', async ({ app }) => {
  const ours = await seedCase(app.services, { patient: 'Sam Okafor', organization: 'Lakeside Clinic', fields: { perspective: 'practice' }, events: [OVERDUE_SINCE_OCT_2026] })
  const theirs = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  const offered = async () => {
    await page.getByRole('button', { name: 'Prepare a letter…' }).click()
    const dialog = page.getByTestId('prepare-letter')
    await expect(dialog.getByLabel('Template').locator('option').first()).toBeAttached()
    const ids = await dialog.getByLabel('Template').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    return ids
  }
  await switchTo(page, 'practice')
  await openCase(page, ours.caseId)
  const practice = await offered()
  expect(practice).toEqual(expect.arrayContaining(['practice-acknowledgement', 'practice-extension-notice', 'practice-fee-estimate', 'practice-denial']))
  expect(practice.every((id) => id.startsWith('practice-'))).toBe(true)

  // A case on the advocate's side (its own perspective left out) in an advocate workspace.
  await switchTo(page, 'advocate')
  await openCase(page, theirs.caseId)
  const advocate = await offered()
  expect(advocate).toContain('follow-up')
  expect(advocate.some((id) => id.startsWith('practice-'))).toBe(false)
})

test('the add-event form’s event types read in the new perspective’s words at once', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Jordan Patel', organization: 'Harbor Family Practice', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  const typeLabel = async (value: string) => {
    await page.getByTestId('open-add-event').click()
    const option = page.getByTestId('add-event-form').getByLabel('Type').locator(`option[value="${value}"]`)
    return (await option.textContent())?.trim()
  }
  await openCase(page, seeded.caseId)
  const advocateWord = await typeLabel('acknowledgement')
  expect(advocateWord).not.toMatch(/^Our /)

  await mark(page)
  await switchTo(page, 'practice')
  await openCase(page, seeded.caseId)
  expect(await typeLabel('acknowledgement')).toBe('Our acknowledgement sent')
  expect(await typeLabel('extension-notice')).toBe('Our extension notice (HIPAA)')
  await expect(page.getByTestId('add-event-form').getByLabel('Direction').locator('option[value="incoming"]')).toHaveText('Incoming (from the requester)')
  expect(await marked(page)).toBe(1)

  await switchTo(page, 'advocate')
  await openCase(page, seeded.caseId)
  expect(await typeLabel('acknowledgement')).toBe(advocateWord)
})
