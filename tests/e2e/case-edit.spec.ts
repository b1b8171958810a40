import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test('a reminder added on a case is listed with its note; past reminders are greyed', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.services.cases.addReminder(seeded.caseId, { date: '2026-01-10', note: 'Old reminder' })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const panel = page.getByTestId('reminders')
  await expect(panel.getByTestId('reminder')).toHaveCount(1)
  await expect(panel.getByTestId('reminder').first()).toHaveAttribute('data-past', 'true')

  // A reminder needs a date; the note typed is kept.
  await panel.getByLabel('Reminder note').fill('Call the HIM desk about the films')
  await panel.getByRole('button', { name: 'Add reminder' }).click()
  await expect(panel.getByText('choose the day to be reminded')).toBeVisible()
  await expect(panel.getByLabel('Reminder note')).toHaveValue('Call the HIM desk about the films')

  await panel.getByLabel('Remind me on').fill('2099-03-02')
  await panel.getByRole('button', { name: 'Add reminder' }).click()
  await expect(panel.getByRole('status')).toContainText('Reminder set for Mon, Mar 2, 2099.')
  const upcoming = panel.getByTestId('reminder').filter({ hasText: 'Call the HIM desk' })
  await expect(upcoming).toContainText('Mon, Mar 2, 2099')
  await expect(upcoming).not.toHaveAttribute('data-past', 'true')
  await expect(panel).toContainText('1 upcoming')
  await expect(panel.getByLabel('Reminder note')).toHaveValue('')
  expect((await app.services.cases.load(seeded.caseId)).reminders.map((r) => r.note)).toEqual(['Old reminder', 'Call the HIM desk about the films'])

  // A reminder that is no longer needed can be removed.
  await panel.getByRole('button', { name: 'Remove the reminder for Sat, Jan 10, 2026' }).click()
  await expect(panel.getByRole('status')).toContainText('Reminder for Sat, Jan 10, 2026 removed.')
  await expect(panel.getByTestId('reminder')).toHaveCount(1)
  expect((await app.services.cases.load(seeded.caseId)).reminders.map((r) => r.note)).toEqual(['Call the HIM desk about the films'])
})

test('"Edit request" changes the priority and tags and clears the state, sending only what changed', async ({ app }) => {
  const seeded = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [OVERDUE_SINCE_OCT_2026],
    fields: { state: 'CA', tags: ['films'], assignee: 'Dana', requestedFormat: 'PDF by e-mail' }
  })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  await expect(page.getByTestId('case-profile')).toContainText('state CA')
  await page.getByRole('button', { name: 'Edit request…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit request' })
  await expect(dialog.getByLabel('Priority')).toBeFocused()
  await dialog.getByLabel('Priority').selectOption('urgent')
  await dialog.getByLabel('Tags').fill('films, ocr-ready')
  await dialog.getByLabel('State').fill('')

  // A bad state code is refused in the window; what was typed stays.
  await dialog.getByLabel('State').fill('California')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByRole('alert')).toContainText('State: must be a two-letter state code')
  await expect(dialog.getByLabel('Tags')).toHaveValue('films, ocr-ready')
  await dialog.getByLabel('State').fill('')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: priority, tags, state.' })).toBeVisible()

  await expect(page.getByTestId('case-priority')).toHaveText('Urgent')
  await expect(page.getByTestId('case-tags')).toHaveText('filmsocr-ready')
  await expect(page.getByTestId('case-profile')).not.toContainText('state')
  const update = app.calls.filter((c) => c.channel === 'cases.update')
  expect(update).toHaveLength(1)
  expect(update[0]?.input).toEqual({ id: seeded.caseId, patch: { priority: 'urgent', tags: ['films', 'ocr-ready'], state: null } })
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.state).toBeUndefined()
  expect(stored.assignee).toBe('Dana')
  expect(stored.requestedFormat).toBe('PDF by e-mail')
})

test('an event edited from the log changes its summary and date, and the clock follows', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  await expect(page.getByTestId('clock-due')).toHaveText('Fri, Oct 2, 2026')
  await page.getByRole('button', { name: 'Edit Request received by holder of Wed, Sep 2, 2026' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit: Request received by holder' })
  await expect(dialog.getByLabel('Summary')).toHaveValue('Fax confirmation received')
  await dialog.getByLabel('Summary').fill('Fax confirmation received, 3 pages')
  await dialog.getByLabel('Date').fill('2026-09-03')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()

  const event = page.getByTestId('event').first()
  await expect(event).toContainText('Fax confirmation received, 3 pages')
  await expect(page.getByTestId('clock-due')).toHaveText('Sat, Oct 3, 2026')
  const edit = app.calls.filter((c) => c.channel === 'cases.editEvent')
  expect(edit[0]?.input).toMatchObject({ caseId: seeded.caseId, patch: { summary: 'Fax confirmation received, 3 pages', date: '2026-09-03' } })
  expect(Object.keys((edit[0]?.input as { patch: object }).patch).sort()).toEqual(['date', 'summary'])
  await page.getByTestId('history').getByText('History').click()
  await expect(page.getByTestId('history')).toContainText('Edit event')
})

test('the case history names changed fields with their labels, the path only in a tooltip', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', fields: { requestedFormat: 'PDF by e-mail' } })
  await app.services.cases.update(seeded.caseId, { requestedFormat: 'Paper copy', requested: { items: [], range: { from: '2020-01-01' } } })
  await app.open(`/index.html#/case/${seeded.caseId}`)
  const history = app.page.getByTestId('history')
  await history.locator('summary').click()
  const changes = history.locator('.history__changes').first()
  await expect(changes).toContainText('Requested format: PDF by e-mail → Paper copy')
  await expect(changes).toContainText('Records from: — → Wed, Jan 1, 2020')
  await expect(changes).not.toContainText('requestedFormat')
  await expect(changes.getByText('Requested format', { exact: true })).toHaveAttribute('title', 'requestedFormat')
})
