// The dense caseload: rows that fit a morning's work on one screen, views that survive a restart,
// and bulk actions with one undo, through the real router and services.
import type { Page } from '@playwright/test'
import { writeDemo } from '../../src/services/demo/write'
import { axeScan, seriousOnly } from './axe'
import { test, expect, seedCase, todayIso } from './harness'

// Each test drives several screens and dialogs (and axe) through the real services on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 })

async function seriousViolations(page: Page, include?: string) {
  return seriousOnly(await axeScan(page, include ? { include } : {})).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test.describe('at 1440×900 with the demo caseload', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('at least 20 rows are visible on the first screen, and scrolling reaches the last case', async ({ app }) => {
    await writeDemo(app.services, { cases: 200, today: todayIso() })
    await app.open('/index.html#/caseload')
    const page = app.page
    // The first list of a day computes 200 clocks.
    await expect(page.getByTestId('case-row').first()).toBeVisible({ timeout: 30_000 })
    const visible = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="caseload-scroll"]')!.getBoundingClientRect()
      const bottom = Math.min(box.bottom, window.innerHeight)
      return [...document.querySelectorAll('[data-testid="case-row"]')].filter((r) => {
        const b = r.getBoundingClientRect()
        return b.top >= box.top && b.bottom <= bottom && b.height > 0
      }).length
    })
    expect(visible).toBeGreaterThanOrEqual(20)
    // Virtualized: the page holds the rows in view, not all 200.
    expect(await page.getByTestId('case-row').count()).toBeLessThan(80)
    await page.getByTestId('case-row').first().focus()
    await page.keyboard.press('End')
    await expect(page.locator('tr[aria-rowindex="201"]')).toBeFocused()
    expect(await seriousViolations(page)).toEqual([])
  })
})

test('a saved view survives a reload, with its filters, sort and the columns chosen', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [{ type: 'request-received', date: '2026-09-02' }] })
  await seedCase(app.services, { patient: 'John Smith', organization: 'Valley Lab' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(2)
  await page.getByRole('checkbox', { name: /^Not sent/ }).check()
  await expect(rows).toHaveCount(1)
  await page.getByRole('button', { name: 'Save view…' }).click()
  const dialog = page.getByTestId('save-view-dialog')
  expect(await seriousViolations(page, '[data-testid="save-view-dialog"]')).toEqual([])
  await dialog.getByRole('button', { name: 'Save view' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Give the view a name.')
  await dialog.getByLabel('Name').fill('Not yet sent')
  await dialog.getByRole('button', { name: 'Save view' }).click()
  await expect(page.getByTestId('saved-view')).toHaveValue(/view-/)
  // A column shown too, from "Columns…".
  await page.getByRole('button', { name: 'Columns…' }).click()
  expect(await seriousViolations(page, '[data-testid="columns-dialog"]')).toEqual([])
  await page.getByTestId('columns-dialog').getByRole('checkbox', { name: 'Received' }).check()
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('columnheader', { name: 'Received' })).toBeVisible()
  // The settings are written shortly after a change; then a restart of the window.
  await expect.poll(() => app.services.store.singletons.settings.get().caseload?.views?.some((v) => v.name === 'Not yet sent')).toBe(true)
  await expect.poll(() => app.services.store.singletons.settings.get().caseload?.columns?.order?.includes('received')).toBe(true)
  await page.reload()
  await expect(page.getByTestId('saved-view').locator('option:checked')).toHaveText('Not yet sent')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('John Smith')
  await expect(page.getByRole('checkbox', { name: /^Not sent/ })).toBeChecked()
  await expect(page.getByRole('columnheader', { name: 'Received' })).toBeVisible()
  // The starter views are there too; "All cases" lifts the filters.
  await page.getByTestId('saved-view').selectOption({ label: 'Texas hospitals' })
  await page.getByTestId('saved-view').selectOption({ label: 'All cases' })
  await expect(rows).toHaveCount(2)
})

test('bulk "request sent" on a batch of 3, then one undo', async ({ app }) => {
  const patient = await app.services.patients.add({ name: 'Ana Ruiz' })
  const names = ['Alpha Hospital', 'Beta Clinic', 'Gamma Lab']
  for (const name of names) {
    const org = await app.services.organizations.add({ name, kind: 'provider' })
    await app.services.cases.add({ patientId: patient.id, organizationId: org.id })
  }
  await seedCase(app.services, { patient: 'Zed Other', organization: 'Omega Hospital', events: [{ type: 'request-received', date: '2026-09-02' }] })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(4)
  await page.getByRole('button', { name: 'Holder' }).click()
  await expect(rows.first()).toContainText('Alpha Hospital')
  // A click, then shift-click: the three in between are selected.
  await page.getByRole('checkbox', { name: 'Select the case of Ana Ruiz with Alpha Hospital' }).click()
  await page.getByRole('checkbox', { name: 'Select the case of Ana Ruiz with Gamma Lab' }).click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('bulk-bar')).toContainText('3 cases selected')
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Log event…' }).click()
  const dialog = page.getByTestId('bulk-dialog')
  await expect(dialog).toBeVisible()
  expect(await seriousViolations(page, '[data-testid="bulk-dialog"]')).toEqual([])
  await dialog.getByLabel('Date').fill('2026-11-20')
  await dialog.getByLabel('Summary').fill('Batch faxed')
  await dialog.getByRole('button', { name: 'Apply to the selection' }).click()
  const undoBar = page.getByTestId('undo-bar')
  await expect(undoBar).toContainText('Logged “request sent” on 2026-11-20 on 3 cases')
  await expect(page.locator('tr[data-status="awaiting"]')).toHaveCount(3)
  await expect(page.locator('tr[data-status="not-sent"]')).toHaveCount(0)
  expect(app.calls.filter((c) => c.channel === 'cases.bulk')).toHaveLength(1)
  expect(await seriousViolations(page)).toEqual([])
  await undoBar.getByRole('button', { name: 'Undo' }).click()
  await expect(undoBar).toContainText('Undid “Logged “request sent” on 2026-11-20 on 3 cases”')
  await expect(page.locator('tr[data-status="not-sent"]')).toHaveCount(3)
})

test('keyboard selection: Space, Shift+↓, and the trash with its undo (Ctrl+Z)', async ({ app }) => {
  for (const name of ['Ann One', 'Bob Two', 'Cy Three']) await seedCase(app.services, { patient: name, organization: `${name} Hospital` })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(3)
  await rows.first().focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Shift+ArrowDown')
  await expect(page.getByTestId('bulk-bar')).toContainText('2 cases selected')
  await expect(rows.nth(1)).toBeFocused()
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByTestId('undo-bar')).toContainText('Moved 2 cases to the trash')
  await expect(rows).toHaveCount(1)
  await page.locator('body').press('Control+z')
  await expect(rows).toHaveCount(3)
  await expect(page.getByTestId('undo-bar')).toContainText('Undid “Moved 2 cases to the trash”')
})
