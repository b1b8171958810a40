import { readFile } from 'node:fs/promises'
import { test, expect, seedCase, todayIso, OVERDUE_SINCE_OCT_2026 } from './harness'

test('a reminder added on a case is listed with its note; past reminders are greyed', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.services.cases.addReminder(seeded.caseId, { date: '2026-01-10', note: 'Old reminder' })
  await app.open()
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
  await expect(panel.getByRole('status')).toContainText('Reminder set for Mon 2 Mar 2099.')
  const upcoming = panel.getByTestId('reminder').filter({ hasText: 'Call the HIM desk' })
  await expect(upcoming).toContainText('Mon 2 Mar 2099')
  await expect(upcoming).not.toHaveAttribute('data-past', 'true')
  await expect(panel).toContainText('1 upcoming')
  await expect(panel.getByLabel('Reminder note')).toHaveValue('')
  expect((await app.services.cases.load(seeded.caseId)).reminders.map((r) => r.note)).toEqual(['Old reminder', 'Call the HIM desk about the films'])

  // A reminder that is no longer needed can be removed.
  await panel.getByRole('button', { name: 'Remove the reminder for Sat 10 Jan 2026' }).click()
  await expect(panel.getByRole('status')).toContainText('Reminder for Sat 10 Jan 2026 removed.')
  await expect(panel.getByTestId('reminder')).toHaveCount(1)
  expect((await app.services.cases.load(seeded.caseId)).reminders.map((r) => r.note)).toEqual(['Call the HIM desk about the films'])
})

test('a file attached to an event shows its name and size in the log, and opens with the same bytes', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open()
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const event = page.getByTestId('event').filter({ hasText: 'Fax confirmation received' })
  const text = 'Fax confirmation\nTo: St Mary Hospital HIM\nPages: 3\n'
  await event.locator('input[type="file"]').setInputFiles({ name: 'fax-confirmation.txt', mimeType: 'text/plain', buffer: Buffer.from(text) })
  const attachment = event.getByTestId('attachment')
  await expect(attachment).toContainText('fax-confirmation.txt')
  await expect(attachment).toContainText(`${Buffer.byteLength(text)} B · text/plain`)
  await expect(page.getByTestId('correspondence-log').getByRole('status')).toContainText('Attached fax-confirmation.txt.')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.events[0]?.attachments.map((a) => a.name)).toEqual(['fax-confirmation.txt'])

  // Open: the bytes are read back through attachments.read, shown, and saved as a download.
  await attachment.getByRole('button', { name: 'Open fax-confirmation.txt' }).click()
  const dialog = page.getByRole('dialog', { name: 'fax-confirmation.txt' })
  await expect(dialog.getByTestId('attachment-text')).toContainText('Pages: 3')
  await expect(dialog.getByTestId('attachment-sha256')).toHaveText(stored.events[0]?.attachments[0]?.sha256 ?? 'missing')
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('attachment-save').click()])
  expect(download.suggestedFilename()).toBe('fax-confirmation.txt')
  expect(await readFile(await download.path())).toEqual(Buffer.from(text))
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // A file for the case itself, picked with the keyboard, is logged as a note dated today.
  await page.getByRole('button', { name: /^Attach file to the case/ }).focus()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')])
  await chooser.setFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 tiny') })
  const note = page.getByTestId('event').filter({ hasText: 'Attached letter.pdf' })
  await expect(note).toHaveAttribute('data-event-type', 'note')
  await expect(note.locator('time')).toHaveAttribute('datetime', todayIso())
  await expect(note.getByTestId('attachment')).toContainText('13 B · application/pdf')
})

test('a file over 7 MB is refused in the window with the reason, before anything is sent', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open()
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const event = page.getByTestId('event').first()
  await event.locator('input[type="file"]').setInputFiles({ name: 'films.zip', mimeType: 'application/zip', buffer: Buffer.alloc(7 * 1024 * 1024 + 1) })
  await expect(event.getByRole('alert')).toContainText('films.zip is 7.0 MB; files of up to 7.0 MB can be attached from the window')
  await expect(event.getByTestId('attachment')).toHaveCount(0)
  expect(app.calls.filter((c) => c.channel === 'attachments.add')).toHaveLength(0)
})

test('"Edit request" changes the priority and tags and clears the state, sending only what changed', async ({ app }) => {
  const seeded = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [OVERDUE_SINCE_OCT_2026],
    fields: { state: 'CA', tags: ['films'], assignee: 'Dana', requestedFormat: 'PDF by e-mail' }
  })
  await app.open()
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

  await expect(page.getByTestId('case-priority')).toHaveText('urgent')
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
  await app.open()
  const page = app.page
  await page.getByTestId('case-row').first().click()
  await expect(page.getByTestId('clock-due')).toHaveText('Fri 2 Oct 2026')
  await page.getByRole('button', { name: 'Edit Request received by holder of Wed 2 Sep 2026' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit: Request received by holder' })
  await expect(dialog.getByLabel('Summary')).toHaveValue('Fax confirmation received')
  await dialog.getByLabel('Summary').fill('Fax confirmation received, 3 pages')
  await dialog.getByLabel('Date').fill('2026-09-03')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()

  const event = page.getByTestId('event').first()
  await expect(event).toContainText('Fax confirmation received, 3 pages')
  await expect(page.getByTestId('clock-due')).toHaveText('Sat 3 Oct 2026')
  const edit = app.calls.filter((c) => c.channel === 'cases.editEvent')
  expect(edit[0]?.input).toMatchObject({ caseId: seeded.caseId, patch: { summary: 'Fax confirmation received, 3 pages', date: '2026-09-03' } })
  expect(Object.keys((edit[0]?.input as { patch: object }).patch).sort()).toEqual(['date', 'summary'])
  await page.getByTestId('history').getByText('History').click()
  await expect(page.getByTestId('history')).toContainText('Edit event')
})
