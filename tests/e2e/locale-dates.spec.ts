// Dates on screen follow the user's locale, as date entry does: a German system reads
// "Fr., 2. Okt. 2026" on the caseload, the case page and in the history, and types 10.10.2026.
import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test.use({ locale: 'de-DE' })

test('a German locale shows every date the German way and takes dates typed that way', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  const row = page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' })
  await expect(row).toContainText('Fr., 2. Okt. 2026')
  await expect(row).not.toContainText('Fri 2 Oct 2026')

  await app.open(`/index.html#/case/${seeded.caseId}`)
  await expect(page.getByTestId('clock-due')).toHaveText('Fr., 2. Okt. 2026')
  await expect(page.getByTestId('event').first()).toContainText('Mi., 2. Sept. 2026')

  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('records-delivered')
  await form.getByLabel('Date').fill('10.10.2026')
  await expect(form.getByTestId('date-echo')).toHaveText('= Sa., 10. Okt. 2026')
})
