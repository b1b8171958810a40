import { test, expect, seedCase, todayIso, OVERDUE_SINCE_OCT_2026 } from './harness'

test('the caseload shows the status and due date the real clock computed, and the filters narrow it', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await seedCase(app.services, {
    patient: 'John Smith',
    organization: 'Valley Lab',
    events: [{ type: 'request-sent', date: todayIso(), direction: 'outgoing', summary: 'Sent by e-mail' }]
  })
  await seedCase(app.services, { patient: 'Ana Ruiz', organization: 'North Clinic' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(3)

  const maria = rows.filter({ hasText: 'Maria Lopez' })
  await expect(maria.getByText('Overdue', { exact: true })).toBeVisible()
  await expect(maria).toHaveAttribute('data-status', 'overdue')
  const due = maria.locator('td.grid__td--due time')
  await expect(due).toHaveText('Fri, Oct 2, 2026')
  await expect(due).toHaveAttribute('data-date', '2026-10-02')
  await expect(maria.locator('td.grid__td--days')).toContainText('days late')
  await expect(rows.filter({ hasText: 'John Smith' }).getByText('Awaiting', { exact: true })).toBeVisible()
  await expect(rows.filter({ hasText: 'Ana Ruiz' }).getByText('Not sent', { exact: true })).toBeVisible()
  // Most urgent first by default.
  await expect(rows.first()).toContainText('Maria Lopez')

  // Text search (debounced) narrows to one case.
  await page.getByLabel('Search cases').fill('valley')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('John Smith')
  await page.getByLabel('Search cases').fill('')
  await expect(rows).toHaveCount(3)

  // Status multi-select.
  await page.getByRole('checkbox', { name: /^Overdue/ }).check()
  await expect(rows).toHaveCount(1)
  await page.getByRole('checkbox', { name: /^Not sent/ }).check()
  await expect(rows).toHaveCount(2)
  await page.getByRole('checkbox', { name: /^Overdue/ }).uncheck()
  await page.getByRole('checkbox', { name: /^Not sent/ }).uncheck()
  await expect(rows).toHaveCount(3)

  // Only late.
  await page.getByRole('checkbox', { name: 'Only late' }).check()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Maria Lopez')
  expect(app.calls.some((c) => c.channel === 'cases.query' && JSON.stringify(c.input).includes('"minDaysLate":1'))).toBe(true)
})

test('sorting a column reorders the rows', async ({ app }) => {
  await seedCase(app.services, { patient: 'Zed Adams', organization: 'Alpha Hospital' })
  await seedCase(app.services, { patient: 'Amy Brown', organization: 'Beta Hospital' })
  await app.open('/index.html#/caseload')
  const rows = app.page.getByTestId('case-row')
  await expect(rows).toHaveCount(2)
  await app.page.getByRole('button', { name: 'Patient' }).click()
  await expect(app.page.getByRole('columnheader', { name: 'Patient' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(rows.first()).toContainText('Amy Brown')
  await app.page.getByRole('button', { name: 'Patient' }).click()
  await expect(rows.first()).toContainText('Zed Adams')
})

test('Shift on a header adds a second sort key, from the keyboard too, and the order survives a reload', async ({ app }) => {
  await seedCase(app.services, { patient: 'Zed Adams', organization: 'Alpha Hospital' })
  await seedCase(app.services, { patient: 'Bob Cole', organization: 'Beta Hospital' })
  await seedCase(app.services, { patient: 'Amy Brown', organization: 'Alpha Hospital' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(3)
  const order = async () => (await rows.allInnerTexts()).map((t) => (t.match(/Zed Adams|Bob Cole|Amy Brown/) ?? [''])[0])
  await page.getByRole('button', { name: 'Holder' }).click()
  // Shift+Enter on the focused Patient header: patients ordered within each holder.
  await page.getByRole('button', { name: 'Patient' }).focus()
  await page.keyboard.press('Shift+Enter')
  await expect.poll(order).toEqual(['Amy Brown', 'Zed Adams', 'Bob Cole'])
  await expect(page.getByRole('columnheader', { name: 'Holder' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('columnheader', { name: /Patient/ })).toHaveAttribute('data-sort-key', '2')
  await expect(page.getByRole('button', { name: /^Patient\s*, then sorted ascending, key 2$/ })).toBeVisible()
  await page.getByRole('button', { name: /Patient/ }).click({ modifiers: ['Shift'] })
  await expect.poll(order).toEqual(['Zed Adams', 'Amy Brown', 'Bob Cole'])
  const last = app.calls.filter((c) => c.channel === 'cases.query').at(-1)
  expect((last?.input as { sort: unknown }).sort).toEqual([{ key: 'organization', dir: 'asc' }, { key: 'patient', dir: 'desc' }])
  // Kept in the caseload prefs (settings): a reload sorts the same way.
  await expect.poll(async () => JSON.stringify((await app.services.settings.get()).caseload)).toContain('"desc":true')
  await page.reload()
  await expect.poll(order).toEqual(['Zed Adams', 'Amy Brown', 'Bob Cole'])
  await expect(page.getByRole('columnheader', { name: /Patient/ })).toHaveAttribute('data-sort-key', '2')
})

test('the header checkbox selects every case the filter matches, says how many, and clears', async ({ app }) => {
  for (const patient of ['Amy Brown', 'Bob Cole', 'Cy Dunn']) await seedCase(app.services, { patient, organization: 'Alpha Hospital' })
  await seedCase(app.services, { patient: 'Zed Adams', organization: 'Beta Hospital' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(4)
  await page.getByLabel('Search cases').fill('alpha')
  await expect(rows).toHaveCount(3)
  await page.getByRole('checkbox', { name: 'Select all 3 matching cases' }).check()
  const bar = page.getByTestId('bulk-bar')
  await expect(bar).toContainText('3 cases selected')
  // The ids came from the services' answer for the whole filter, not from the rows on screen.
  const asked = app.calls.filter((c) => c.channel === 'cases.query' && (c.input as { withIds?: boolean }).withIds === true)
  expect(asked).toHaveLength(1)
  expect(asked[0]?.input).toMatchObject({ filter: { text: 'alpha' }, window: { limit: 0 } })
  await expect(page.getByRole('checkbox', { name: 'Select the case of Zed Adams with Beta Hospital' })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Unselect all' })).toBeChecked()
  await bar.getByRole('button', { name: 'Clear selection' }).click()
  await expect(bar).toBeHidden()
  await expect(page.getByRole('checkbox', { name: 'Select all 3 matching cases' })).not.toBeChecked()
})

test('an empty caseload offers to add a patient', async ({ app }) => {
  await app.open('/index.html#/caseload')
  await expect(app.page.getByText('No cases yet.')).toBeVisible()
  await app.page.getByRole('button', { name: 'Add a patient' }).click()
  await expect(app.page.getByRole('dialog', { name: 'Add a patient' })).toBeVisible()
  await expect(app.page.getByLabel('Full name')).toBeFocused()
})

test('a large caseload is virtualized: the services send a window of rows, the page holds those in view', async ({ app }) => {
  const patient = await app.services.patients.add({ name: 'Bulk Patient' })
  const org = await app.services.organizations.add({ name: 'Bulk Hospital', kind: 'hospital' })
  for (let i = 0; i < 230; i++) await app.services.cases.add({ patientId: patient.id, organizationId: org.id })
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByText('230 cases')).toBeVisible()
  await expect(page.getByTestId('case-row').first()).toBeVisible()
  expect(await page.getByTestId('case-row').count()).toBeLessThan(80)
  const windows = app.calls.filter((c) => c.channel === 'cases.query').map((c) => (c.input as { window: { limit: number } }).window.limit)
  expect(Math.max(...windows)).toBeLessThanOrEqual(300)
  // Scrolled to the end, the last rows are asked for and shown.
  await page.getByTestId('caseload-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(page.locator('tr[aria-rowindex="231"][data-case-id]')).toBeVisible()
})

test('the keyboard focus stays on its row when the rows reorder under it (a teammate’s edit, the clocks of the first list arriving)', async ({ app }) => {
  await seedCase(app.services, { patient: 'Amy Brown', organization: 'Alpha Hospital' })
  await seedCase(app.services, { patient: 'Bob Cole', organization: 'Beta Hospital' })
  const cy = await seedCase(app.services, { patient: 'Cy Dunn', organization: 'Gamma Hospital' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(3)
  await page.getByRole('button', { name: 'Patient' }).click()
  await expect(rows.first()).toContainText('Amy Brown')
  // Down to the last row, then its case moves to the top while the user is there.
  await rows.first().focus()
  await page.keyboard.press('End')
  await expect(page.locator('tr[aria-rowindex="4"]')).toBeFocused()
  await expect(page.locator('tr[aria-rowindex="4"]')).toContainText('Cy Dunn')
  // A teammate renames the patient, and the change arrives through the shared folder.
  await app.services.patients.update(cy.patientId, { name: 'Al Dunn' })
  app.events.emit('sync.changed', { changes: [{ file: 'patients/shard.json', kind: 'shard', collection: 'patients', id: cy.patientId, origin: null }], conflicts: 0 })
  await expect(rows.first()).toContainText('Al Dunn')
  // The focus is where the user left it, the last row, and one roving tab stop remains.
  await expect(page.locator('tr[aria-rowindex="4"]')).toBeFocused()
  await expect(page.locator('tr[data-case-id][tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('ArrowUp')
  await expect(page.locator('tr[aria-rowindex="3"]')).toBeFocused()
})
