import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

// Washington, received Wed 2 Sep 2026: Mon 7 Sep (Labor Day) is skipped; 15 working days → Thu 24 Sep,
// 21 working days → Fri 2 Oct. A delay notice logged through the form moves the state date.
test('a Washington delay notice logged through the form moves the state due date and says which notice moved what', async ({ app }) => {
  const seeded = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [OVERDUE_SINCE_OCT_2026],
    fields: { profile: 'washington' }
  })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' }).click()
  const clock = page.getByTestId('clock-panel')
  await expect(clock.getByTestId('clock-due')).toHaveText('Thu, Sep 24, 2026')

  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('state-delay-notice')
  await form.getByLabel('Date', { exact: true }).fill('2026-09-18')
  await expect(form.getByLabel('Direction')).toHaveValue('incoming')
  await form.getByLabel('Reason given').fill('records in use by the treating physician')
  await form.getByLabel('New date promised').fill('2026-10-01')
  await form.getByRole('button', { name: 'Add event' }).click()

  await expect(clock.getByTestId('clock-due')).toHaveText('Thu, Oct 1, 2026')
  await expect(clock.getByTestId('explanation')).toContainText('Delay notice of Fri 18 Sep 2026')
  await expect(clock.getByTestId('explanation')).toContainText('Each notice counts under the rule it was recorded for')
  await expect(page.getByTestId('event').filter({ hasText: 'Delay notice (state law)' })).toContainText('new date')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.events.at(-1)).toMatchObject({ type: 'state-delay-notice', reason: 'records in use by the treating physician', newDate: '2026-10-01' })
})
