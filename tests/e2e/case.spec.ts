import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test('logging a complete delivery through the form turns the clock to fulfilled-late and explains why', async ({ app }) => {
  const seeded = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [OVERDUE_SINCE_OCT_2026],
    items: [
      { id: 'item-mri-report', recordType: 'imaging-reports', label: 'MRI report' },
      { id: 'item-mri-films', recordType: 'images', label: 'MRI films' }
    ]
  })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' }).click()

  const clock = page.getByTestId('clock-panel')
  await expect(clock.getByText('Overdue', { exact: true })).toBeVisible()
  await expect(clock.getByTestId('clock-due')).toHaveText('Fri, Oct 2, 2026')
  // The follow-up fell due a week before the due date and was never sent: it says so.
  await expect(clock.getByTestId('clock-next-step')).toContainText(/Fri, Sep 25, 2026 overdue/)
  await expect(clock.getByTestId('explanation')).toContainText('Request received Wed 2 Sep 2026 → 30 calendar days → due Fri 2 Oct 2026')
  await expect(clock.getByTestId('findings')).toContainText('Response late')
  await expect(clock.getByTestId('findings')).toContainText('45 CFR 164.524(b)(2)')
  await expect(page.getByTestId('checklist')).toContainText('2 of 2 missing')

  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('records-delivered')
  await form.getByLabel('Date').fill('2026-10-10')
  await expect(form.getByLabel('Direction')).toHaveValue('incoming')
  await form.getByLabel('Channel').selectOption('mail')
  await form.getByLabel('MRI report (Imaging reports)').check()
  await form.getByLabel('Format received').fill('Paper by mail')
  await form.getByLabel('Summary').fill('Report arrived by post, films missing')
  await form.getByLabel('Full text').fill('Dear Ms Lopez, please find enclosed…')
  await form.getByRole('button', { name: 'Add event' }).click()

  await expect(clock.getByText('Fulfilled late', { exact: true })).toBeVisible()
  await expect(clock.getByTestId('explanation')).toContainText('The complete delivery of Sat 10 Oct 2026 stopped the clock: 8 days late.')
  await expect(clock.getByTestId('clock-days')).toHaveText('8')
  await expect(page.getByTestId('checklist')).toContainText('1 of 2 missing')
  const logged = page.getByTestId('event').filter({ hasText: 'Report arrived by post' })
  await expect(logged).toContainText('Records delivered (complete)')
  await expect(logged).toContainText('items: MRI report')
  await logged.getByText('Full text').click()
  await expect(logged).toContainText('please find enclosed')
  // The form is ready for the next event, and the audit trail recorded this one.
  await expect(form.getByLabel('Summary')).toHaveValue('')
  await page.getByTestId('history').getByText('History').click()
  await expect(page.getByTestId('history')).toContainText('Add event')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.events.map((e) => e.type)).toEqual(['request-received', 'records-delivered'])
})

test('a rejected event shows the reason and keeps everything typed', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().press('Enter')
  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')

  // Client-side validation: a fee with no amount.
  await form.getByLabel('Type').selectOption('fee-quoted')
  await form.getByLabel('Summary').fill('Quoted a fee by phone')
  await form.getByRole('group', { name: 'Charged per page?' }).getByLabel('Yes').check()
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form.getByRole('alert')).toContainText('Enter the amount')
  await expect(form.getByLabel('Summary')).toHaveValue('Quoted a fee by phone')
  await expect(form.getByRole('group', { name: 'Charged per page?' }).getByLabel('Yes')).toBeChecked()

  // Server-side refusal: an event dated in the future.
  await form.getByLabel('Type').selectOption('records-delivered')
  await form.getByLabel('Date').fill('2099-01-05')
  await form.getByLabel('Summary').fill('Records promised for next year')
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form.getByRole('alert').first()).toContainText('is in the future')
  await expect(form.getByLabel('Summary')).toHaveValue('Records promised for next year')
  await expect(form.getByLabel('Date')).toHaveValue('01/05/2099')
  await expect(form.getByLabel('Type')).toHaveValue('records-delivered')
  await expect(page.getByTestId('clock-panel').getByText('Overdue', { exact: true })).toBeVisible()
  expect(app.calls.filter((c) => c.channel === 'cases.addEvent')).toHaveLength(1)

  // The draft survives leaving the case and coming back.
  await page.getByRole('link', { name: 'Caseload' }).first().click()
  await page.getByTestId('case-row').first().click()
  await expect(page.getByTestId('add-event-form').getByLabel('Summary')).toHaveValue('Records promised for next year')
})

test('a case moved to the trash can be restored from the trash view', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await seedCase(app.services, { patient: 'John Smith', organization: 'Valley Lab' })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' }).click()
  await page.getByRole('button', { name: 'Move to trash…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Move this case to the trash?' })
  await expect(confirm).toContainText('restored from the trash for 30 days')
  await confirm.getByRole('button', { name: 'Move to trash' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('trash-banner')).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('John Smith')

  await page.getByRole('checkbox', { name: 'Trash' }).check()
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Maria Lopez')
  await rows.first().getByRole('button', { name: /Restore/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored the case of Maria Lopez' })).toBeVisible()
  await expect(page.getByText('The trash is empty.')).toBeVisible()

  await page.getByRole('checkbox', { name: 'Trash' }).uncheck()
  await expect(rows).toHaveCount(2)
})
