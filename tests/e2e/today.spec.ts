// Today and the escalation states, as an advocate's morning: the overdue follow-up prepared and
// sent from Today (the case leaves "needs my action"), an OCR complaint filed (the case is with the
// agency, with its filing date, reference and next check), a ladder step skipped with a reason.
import { addDays, format, parseISO } from 'date-fns'
import { axeScan, seriousOnly } from './axe'
import { test, expect, seedCase, todayIso } from './harness'

const today = todayIso()
const day = (n: number) => format(addDays(parseISO(today), n), 'yyyy-MM-dd')

test('Today: prepare the overdue follow-up, mark it sent, and the case leaves "needs my action"', async ({ app }) => {
  // Received 26 days ago: due in 4 days (HIPAA, 30 days), so the follow-up (due − 7) is 3 days overdue.
  const followUp = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [{ type: 'request-received', date: day(-26), direction: 'incoming', channel: 'fax', summary: 'Fax confirmation' }]
  })
  // Received 10 days ago: nothing due this week, it waits on the holder.
  await seedCase(app.services, {
    patient: 'Ken Ito',
    organization: 'Lakeside Clinic',
    events: [{ type: 'request-received', date: day(-10), direction: 'incoming', channel: 'fax', summary: 'Fax confirmation' }]
  })
  // No hash: the window opens on Today, its home screen.
  await app.open()
  const page = app.page
  await expect(page.getByTestId('today-page')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Today', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('waiting-me')).toHaveText('1')
  await expect(page.getByTestId('waiting-holder')).toHaveText('1')

  const serious = seriousOnly(await axeScan(page))
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  const item = page.getByTestId('today-item').filter({ hasText: 'Maria Lopez' })
  await expect(item).toContainText('Follow-up')
  await expect(page.getByRole('region', { name: /Overdue/ })).toContainText('Maria Lopez')
  // One click from its case…
  await expect(item.getByTestId('today-case-link')).toHaveAttribute('href', `#/case/${followUp.caseId}`)
  // …and one from its action.
  await item.getByTestId('today-action').click()
  const dialog = page.getByTestId('prepare-letter')
  await expect(dialog.getByLabel('Template')).toHaveValue('follow-up')
  await dialog.getByRole('button', { name: 'Generate DOCX and save to the case' }).click()
  await expect(dialog.getByTestId('letter-saved')).toBeVisible()
  // A draft not yet sent is mine to do: Today lists it.
  expect((await app.router.invoke('worklist.today', {})) as unknown).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ kind: 'draft-letter', caseId: followUp.caseId })]) } })
  const form = dialog.getByRole('form', { name: 'Mark sent' })
  await form.getByLabel('Sent on').fill(today)
  await form.getByLabel('Sent by').selectOption('fax')
  await form.getByRole('button', { name: 'Mark sent' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('clock-next-step')).toContainText('Escalate to the privacy officer')

  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByTestId('waiting-me')).toHaveText('0')
  await expect(page.getByTestId('waiting-holder')).toHaveText('2')
  // Nothing overdue any more; the privacy-officer step (due + 1, in 5 days) shows under this week.
  await expect(page.getByRole('region', { name: /Overdue/ })).toHaveCount(0)
  await expect(page.getByRole('region', { name: /This week/ }).getByTestId('today-item')).toContainText('Escalation to the privacy officer')
  // The caseload's filter agrees.
  await page.getByRole('link', { name: 'Caseload' }).click()
  await page.getByTestId('waiting-on-filter').selectOption('me')
  await expect(page.getByTestId('case-row')).toHaveCount(0)
  await page.getByTestId('waiting-on-filter').selectOption('holder')
  await expect(page.getByTestId('case-row')).toHaveCount(2)
})

test('an OCR complaint puts the case with the agency, with its filing date, reference and next check', async ({ app }) => {
  // Received 60 days ago, every step to the notice of intent taken: the OCR complaint is next, overdue.
  const seeded = await seedCase(app.services, {
    patient: 'Ana Silva',
    organization: 'Mercy General',
    fields: { references: [{ kind: 'ocr-transaction', value: 'OCR-26-0042' }] },
    events: [
      { type: 'request-received', date: day(-60), direction: 'incoming', channel: 'fax', summary: 'Fax confirmation' },
      { type: 'follow-up-sent', date: day(-40), direction: 'outgoing', summary: 'Follow-up' },
      { type: 'privacy-officer-escalation', date: day(-28), direction: 'outgoing', summary: 'To the privacy officer' },
      { type: 'notice-of-intent', date: day(-20), direction: 'outgoing', summary: 'Notice of intent' }
    ]
  })
  await app.open(`/index.html#/case/${seeded.caseId}`)
  const page = app.page
  const clock = page.getByTestId('clock-panel')
  await expect(clock.getByTestId('clock-next-step')).toContainText('OCR complaint')
  await expect(clock.getByTestId('clock-next-step')).toContainText('overdue')

  // The add-event form opens from the top of the case page.
  await page.getByRole('button', { name: /^Add event…/ }).click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('complaint-filed')
  await form.getByLabel('Filed with').selectOption('ocr')
  await form.getByLabel('Date', { exact: true }).fill(today)
  await form.getByRole('button', { name: /Log event|Add event|Save/ }).click()

  const agency = clock.getByTestId('agency-state')
  await expect(agency).toContainText('With the agency.')
  await expect(agency.getByTestId('agency-filing')).toContainText('Filed with HHS Office for Civil Rights (OCR)')
  await expect(agency.locator(`time[datetime="${today}"]`)).toBeVisible()
  await expect(agency).toContainText('reference OCR-26-0042')
  await expect(agency).toContainText('Check for the acknowledgement by')
  await expect(agency.locator(`time[datetime="${day(30)}"]`)).toBeVisible()
  await expect(clock.getByTestId('clock-next-step')).not.toContainText('overdue')

  const rows = (await app.router.invoke('cases.list', { waitingOn: ['agency'] })) as { ok: true; value: Array<{ id: string }> }
  expect(rows.value.map((r) => r.id)).toEqual([seeded.caseId])
  // Today lists the check in 30 days? No: it falls after this week, so Today has nothing for it.
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.getByTestId('waiting-agency')).toHaveText('1')
  await expect(page.getByTestId('waiting-me')).toHaveText('0')
})

test('skip a ladder step with a reason: it is no longer overdue and the clock says why', async ({ app }) => {
  // Received 40 days ago, follow-up sent: the privacy-officer escalation (due + 1) is 9 days overdue.
  const seeded = await seedCase(app.services, {
    patient: 'Omar Haddad',
    organization: 'Valley Labs',
    events: [
      { type: 'request-received', date: day(-40), direction: 'incoming', channel: 'fax', summary: 'Fax confirmation' },
      { type: 'follow-up-sent', date: day(-15), direction: 'outgoing', summary: 'Follow-up' }
    ]
  })
  await app.open(`/index.html#/case/${seeded.caseId}`)
  const page = app.page
  const next = page.getByTestId('clock-next-step')
  await expect(next).toContainText('Escalate to the privacy officer')
  await expect(next).toContainText('overdue')
  await next.getByTestId('skip-next-step').click()

  const form = page.getByTestId('add-event-form')
  await expect(form.getByLabel('Type')).toHaveValue('step-skipped')
  await expect(form.getByLabel('Step to skip')).toHaveValue('privacy-officer-escalation')
  await expect(form.getByLabel('Type')).toBeFocused()
  await form.getByRole('button', { name: /Log event|Add event|Save/ }).click()
  await expect(form).toContainText('Say why this step does not fit the case')
  await form.getByLabel('Why it does not fit this case').fill('the lab has no privacy officer; its owner answers requests')
  await form.getByRole('button', { name: /Log event|Add event|Save/ }).click()

  await expect(next).toContainText('Notice of intent to complain')
  await expect(next).not.toContainText('overdue')
  await expect(page.getByTestId('explanation')).toContainText('the lab has no privacy officer; its owner answers requests')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.history.some((h) => JSON.stringify(h).includes('step-skipped'))).toBe(true)
})
