import { addDays, format, parseISO } from 'date-fns'
import { test, expect, seedCase, todayIso } from './harness'

// Practice audit mode, end to end: the office logs a request it received, acknowledges it, sends an
// extension notice, fulfils it late, and finds it in the compliance report with the right finding.
// (The practice-side letters are not on main yet, so the acknowledgement and the notice are logged as events.)
test('audit mode: received → acknowledged → extension notice → fulfilled late → in the report as late', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Jordan Patel', organization: 'Harbor Family Practice', fields: { perspective: 'practice', requestedFormat: 'PDF' } })
  await app.open('/index.html#/caseload')
  const page = app.page

  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByTestId('workspace-perspective').selectOption('practice')
  await expect(page.getByTestId('workspace-perspective')).toHaveValue('practice')

  await page.goto(`${page.url().split('#')[0]}#/case/${seeded.caseId}`)
  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  const log = async (type: string, date: string, summary: string, extra: (f: typeof form) => Promise<void> = async () => {}) => {
    await form.getByLabel('Type').selectOption(type)
    await form.getByRole('textbox', { name: /^Date/ }).fill(date)
    await extra(form)
    await form.getByLabel('Summary').fill(summary)
    await form.getByRole('button', { name: 'Add event' }).click()
    await expect(page.getByTestId('event').filter({ hasText: summary })).toBeVisible()
  }
  // Received Mon 1 Jun 2026: due Wed 1 Jul 2026 under HIPAA.
  await log('request-received', '2026-06-01', 'Request received by fax')
  await log('acknowledgement', '2026-06-02', 'Acknowledgement sent to the patient')
  await log('extension-notice', '2026-06-25', 'Extension notice sent', async (f) => {
    await f.getByLabel('Reason given').fill('Records in off-site storage')
    await f.getByLabel('New date promised').fill('2026-07-20')
  })
  await log('records-delivered', '2026-07-25', 'Records sent through the portal', async (f) => {
    await f.getByLabel('Format received').fill('PDF')
  })
  const clock = page.getByTestId('clock-panel')
  await expect(clock.getByText('Fulfilled late', { exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByLabel('From', { exact: true }).fill('2026-06-01')
  await page.getByLabel('To', { exact: true }).fill('2026-07-31')
  await page.getByRole('button', { name: 'Show report' }).click()
  await expect(page.getByText('Requests: 1 received in the period, 0 still open at its end.')).toBeVisible()
  await expect(page.getByText(/On-time share: 0\.0% against HIPAA \(0 of 1 decided\)/)).toBeVisible()
  await expect(page.getByText(/Extensions: 1 request used one; 100\.0% of them valid and in time/)).toBeVisible()
  const late = page.getByTestId('non-compliant').getByRole('row').filter({ hasText: seeded.caseId })
  await expect(late.locator('[data-code="response-late"]')).toContainText('5 days after the due date Mon 20 Jul 2026')
  await expect(late).toContainText('45 CFR 164.524(b)(2)')

  // Every figure opens its requests: the late one links to the case.
  await page.getByTestId('metric-on-time-hipaa').getByRole('button', { name: /Not met: show the 1 request/ }).click()
  await page.getByTestId('report-requests').getByRole('link', { name: seeded.caseId }).click()
  await expect(page.getByTestId('clock-panel')).toBeVisible()

  // The charts carry their numbers as text too.
  await page.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByTestId('chart-days').getByRole('img')).toHaveAttribute('alt', /median 54/)
})

test('audit mode: an open request received 27 days ago warns that it is due soon and when an extension notice must go out', async ({ app }) => {
  const received = format(addDays(parseISO(todayIso()), -27), 'yyyy-MM-dd')
  const seeded = await seedCase(app.services, {
    patient: 'Sam Okafor',
    organization: 'Lakeside Clinic',
    fields: { perspective: 'practice' },
    events: [
      { type: 'request-received', date: received, direction: 'incoming' },
      { type: 'fee-quoted', date: received, amount: 6.5 }
    ]
  })
  await app.open('/index.html#/caseload')
  await app.page.goto(`${app.page.url().split('#')[0]}#/case/${seeded.caseId}`)
  const warnings = app.page.getByTestId('open-request-warnings')
  await expect(warnings).toContainText('in 3 days')
  await expect(warnings).toContainText('the written notice stating the reason and the new date must go out by the original due date')
  await expect(warnings).toContainText('does not record that the requester was told the fee in advance')
})
