// The case page as an advocate logs on it all day: the form one keystroke away at the top, every
// fact of the request editable, long notes collapsed, dates typed as people type them, words instead
// of codes, files dropped where they belong, and no serious accessibility violation.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { FINDING_CODES } from '../../src/core/clocks/types'
import { ESCALATION_STEP_IDS } from '../../src/core/escalation/ladder'
import { builtInTemplates } from '../../src/core/letters/templates'
import { CASE_EVENT_TYPES, RECORD_TYPES } from '../../src/core/schemas'
import { axeScan, seriousOnly } from './axe'
import { test, expect, seedCase } from './harness'

const SEVEN_EVENTS = [
  { type: 'request-sent', date: '2026-09-01', direction: 'outgoing', channel: 'fax', summary: 'Request faxed' },
  { type: 'request-received', date: '2026-09-02', direction: 'incoming', channel: 'fax', summary: 'Fax confirmation received' },
  { type: 'acknowledgement', date: '2026-09-04', direction: 'incoming', summary: 'Letter of acknowledgement' },
  { type: 'phone-call', date: '2026-09-15', direction: 'outgoing', summary: 'Called the HIM desk' },
  { type: 'note', date: '2026-09-20', summary: 'Patient says the films matter most' },
  { type: 'follow-up-sent', date: '2026-09-25', direction: 'outgoing', channel: 'mail', summary: 'Follow-up letter' },
  { type: 'phone-call', date: '2026-10-08', direction: 'outgoing', summary: 'Called again, no answer' }
] as const

const ITEMS = [
  { id: 'item-notes', recordType: 'visit-notes', label: 'Visit notes' },
  { id: 'item-mri', recordType: 'imaging-reports', label: 'MRI report, March 2026' }
] as const

async function openCase(page: Page, open: (path: string) => Promise<void>, caseId: string) {
  await open(`/index.html#/case/${caseId}`)
  await expect(page.getByTestId('clock-panel')).toBeVisible()
}

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const serious = seriousOnly(await axeScan(page))
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([])
}

test('an event is logged from the top of a 7-event case with the keyboard alone', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [...SEVEN_EVENTS], items: [...ITEMS] })
  await app.page.setViewportSize({ width: 1440, height: 900 })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  await expect(page.getByTestId('event')).toHaveCount(7)
  await expect(page.getByTestId('add-event-form')).toHaveCount(0)
  // The clock and its next step are on the first screen, above the request's facts and the log.
  const clockBox = await page.getByTestId('clock-next-step').boundingBox()
  expect(clockBox?.y ?? Infinity).toBeLessThan(900)

  await page.keyboard.press('a')
  const form = page.getByTestId('add-event-form')
  await expect(form.getByLabel('Type')).toBeFocused()
  const formBox = await form.boundingBox()
  expect(formBox?.y ?? Infinity, 'the form opens at the top of the page').toBeLessThan(300)
  // The type is chosen in its (focused) list; then Tab to the date, type it the way this computer
  // writes dates, and Enter in the summary saves. (Headless Chromium ignores type-ahead in a closed select.)
  await form.getByLabel('Type').selectOption('phone-call')
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('Date', { exact: true })).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('10/20/2026')
  await expect(form.getByTestId('date-echo')).toHaveText('= Tue, Oct 20, 2026')
  await form.getByLabel('Summary').focus()
  await page.keyboard.type('Records promised by Friday')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('event')).toHaveCount(8)
  await expect(form.getByRole('status')).toContainText('Phone call logged.')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.events.at(-1)).toMatchObject({ type: 'phone-call', date: '2026-10-20', summary: 'Records promised by Friday' })

  // A keystroke typed into a field is text, never a command; the app menu's command opens the form too.
  await form.getByLabel('Summary').fill('')
  await form.getByLabel('Summary').press('a')
  await expect(form.getByLabel('Summary')).toHaveValue('a')
  await page.getByTestId('add-event-panel').getByRole('button', { name: 'Close the form' }).click()
  await expect(form).toHaveCount(0)
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('aa:command', { detail: { command: 'add-event' } })))
  await expect(page.getByTestId('add-event-form').getByLabel('Type')).toBeFocused()
})

test('an event dated before the request is pointed out while the date is typed', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [SEVEN_EVENTS[0]] })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('fee-quoted')
  await form.getByLabel('Date', { exact: true }).fill('08/15/2026')
  // Before any save: the warning is there as soon as the date reads as a day.
  await expect(form.getByTestId('date-warning')).toHaveText(/This is before the request was sent \(Tue, Sep 1, 2026\)/)
  expect(app.calls.filter((c) => c.channel === 'cases.addEvent')).toHaveLength(0)
  await form.getByLabel('Date', { exact: true }).fill('09/15/2026')
  await expect(form.getByTestId('date-warning')).toHaveCount(0)
  // An impossible date says why in the calendar's terms, and nothing is sent.
  await form.getByLabel('Date', { exact: true }).fill('02/30/2026')
  await form.getByLabel('Amount').fill('25')
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form.getByText('February has no 30th').first()).toBeVisible()
  await expect(form).not.toContainText('YYYY-MM-DD"')
  expect(app.calls.filter((c) => c.channel === 'cases.addEvent')).toHaveLength(0)
  // An empty date asks in the field's own format, not '"" is not a date written YYYY-MM-DD'.
  await form.getByLabel('Date', { exact: true }).fill('')
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(form.getByRole('alert').first()).toContainText('Enter the date, as MM/DD/YYYY.')
  await expect(form).not.toContainText('is not a date written')
})

test('a date of birth of 02/30/2026 keeps the patient form open with "February has no 30th", and nothing is saved', async ({ app }) => {
  await app.open('/index.html#/patients')
  const page = app.page
  await page.getByRole('button', { name: 'Add patient' }).first().click()
  const form = page.getByTestId('patient-form')
  await form.getByLabel('Full name').fill('Ana Ruiz')
  await form.getByLabel('Date of birth').fill('02/30/2026')
  await form.getByRole('button', { name: 'Add patient' }).click()
  await expect(form.getByText('February has no 30th').first()).toBeVisible()
  await expect(form.getByLabel('Date of birth')).toHaveValue('02/30/2026')
  expect(app.services.patients.list()).toHaveLength(0)
  expect(app.calls.filter((c) => c.channel === 'patients.add')).toHaveLength(0)
  // Corrected, it is saved with the date.
  await form.getByLabel('Date of birth').fill('02/03/1990')
  await form.getByRole('button', { name: 'Add patient' }).click()
  await expect.poll(() => app.services.patients.list().map((p) => p.dateOfBirth)).toEqual(['1990-02-03'])
})

test('a 20,000-character note is collapsed below the clock, and opens with "Show more"', async ({ app }) => {
  const note = `Call log. ${'The records office said the films are in off-site storage and will be retrieved. '.repeat(250)}`.slice(0, 20_000)
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [...SEVEN_EVENTS], fields: { notes: note } })
  await app.page.setViewportSize({ width: 1440, height: 900 })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  const notes = page.getByTestId('case-notes')
  const shown = (await notes.locator('p').innerText()).length
  expect(shown).toBeLessThan(500)
  const clock = await page.getByTestId('clock-panel').boundingBox()
  const noteBox = await notes.boundingBox()
  expect(clock?.y ?? Infinity).toBeLessThan(noteBox?.y ?? 0)
  expect(clock?.y ?? Infinity).toBeLessThan(400)
  expect(noteBox?.height ?? Infinity).toBeLessThan(250)
  await notes.getByRole('button', { name: /Show more of the notes \(20,000 characters\)/ }).click()
  expect((await notes.locator('p').innerText()).length).toBe(20_000)
  await notes.getByRole('button', { name: 'Show less of the notes' }).click()
  expect((await notes.locator('p').innerText()).length).toBeLessThan(500)
})

test('notes, items, range and the sent date are edited after creation', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [SEVEN_EVENTS[0]], items: [...ITEMS], fields: { notes: 'First note' } })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  await page.getByRole('button', { name: 'Edit request…' }).click()
  const dialog = page.getByTestId('edit-request-dialog')
  await expect(dialog.getByLabel('Request sent on')).toHaveValue('09/01/2026')
  await dialog.getByLabel('Case notes').fill('Patient prefers calls after 5 pm.')
  await dialog.getByLabel('Item 2: label').fill('MRI report and films')
  await dialog.getByRole('button', { name: 'Add item' }).click()
  await dialog.getByLabel('Item 3: record type').selectOption('billing')
  await dialog.getByLabel('Item 3: label').fill('Itemised bills')
  await dialog.getByLabel('Records from').fill('01/01/2025')
  await dialog.getByLabel('Description of the request').fill('Everything from the spine clinic')
  await dialog.getByLabel('Request sent on').fill('08/31/2026')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('notes')
  await expect(page.getByTestId('case-notes')).toContainText('Patient prefers calls after 5 pm.')
  await expect(page.getByTestId('checklist')).toContainText('Itemised bills (Billing records)')
  // "Visit notes" is named once, not "Visit notes (Visit notes)".
  await expect(page.getByTestId('checklist')).not.toContainText('Visit notes (Visit notes)')
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.notes).toBe('Patient prefers calls after 5 pm.')
  expect(stored.requested.items.map((i) => i.label)).toEqual(['Visit notes', 'MRI report and films', 'Itemised bills'])
  expect(stored.requested.range).toEqual({ from: '2025-01-01' })
  expect(stored.requested.description).toBe('Everything from the spine clinic')
  expect(stored.events.filter((e) => e.type === 'request-sent').map((e) => e.date)).toEqual(['2026-08-31'])
  await expect(page.getByTestId('event').filter({ hasText: 'Request faxed' })).toContainText('Mon, Aug 31, 2026')
})

test('a new batch of requests takes the sent date and logs it on every case', async ({ app }) => {
  const patient = await app.services.patients.add({ name: 'Maria Lopez' })
  await app.services.organizations.add({ name: 'St Mary Hospital', kind: 'hospital' })
  await app.services.organizations.add({ name: 'Valley Imaging', kind: 'provider' })
  await app.open(`/index.html#/patient/${patient.id}`)
  const page = app.page
  await page.getByRole('button', { name: 'New request…' }).click()
  const form = page.getByTestId('new-case-form')
  await form.getByLabel('St Mary Hospital').check()
  await form.getByLabel('Valley Imaging').check()
  await form.getByLabel('Request sent on').fill('11/02/2026')
  await expect(form).toContainText('Logged as "Request sent" on each of the 2 requests')
  await form.getByLabel('Sent by').selectOption('fax')
  await form.getByRole('button', { name: 'Create 2 requests' }).click()
  await expect(page.getByText('Created 2 requests')).toBeVisible()
  const cases = await Promise.all(app.services.queries.list({}).map((c) => app.services.cases.load(c.id)))
  expect(cases.map((c) => c.events.map((e) => [e.type, e.date, e.channel]))).toEqual([
    [['request-sent', '2026-11-02', 'fax']],
    [['request-sent', '2026-11-02', 'fax']]
  ])
  expect(app.calls.filter((c) => c.channel === 'cases.addEvent')).toHaveLength(0)
})

test('the case page shows words, never internal codes', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [...SEVEN_EVENTS], items: [...ITEMS] })
  // A taken escalation step, a finding, and a next step on the ladder.
  await app.services.cases.addEvent(seeded.caseId, { type: 'privacy-officer-escalation', date: '2026-10-12', direction: 'outgoing', summary: 'Wrote to the privacy officer' })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  await page.getByText('Escalation ladder').click()
  await page.getByTestId('history').getByText('History').click()
  const text = await page.getByTestId('case-page').innerText()
  const codes = [...FINDING_CODES, ...ESCALATION_STEP_IDS, ...CASE_EVENT_TYPES, ...RECORD_TYPES, ...builtInTemplates().map((t) => t.id)].filter((c) => c.includes('-'))
  const seen = [...new Set(codes)].filter((c) => new RegExp(`(^|[^\\w-])${c}($|[^\\w-])`).test(text))
  expect(seen).toEqual([])
  await expect(page.getByTestId('explanation')).toContainText('Escalate to the privacy officer: done on Mon 12 Oct 2026.')
  await expect(page.getByTestId('findings')).toContainText('Response late')
  // The codes are still there for those who need them: in tooltips.
  await expect(page.getByTestId('findings').locator('[data-code="response-late"]')).toHaveAttribute('title', 'Code: response-late')
})

test('files dropped on an event attach to it, and dropped elsewhere on the case make a note', async ({ app, rootDir }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [...SEVEN_EVENTS] })
  const letter = join(rootDir, 'denial.txt')
  const scan = join(rootDir, 'scan.txt')
  await writeFile(letter, 'the denial letter')
  await writeFile(scan, 'a scanned page')
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  const event = page.getByTestId('event').filter({ hasText: 'Letter of acknowledgement' })
  // On the event itself, not its small button.
  await app.dropFiles(event.locator('.event__summary'), [letter])
  await expect(event.getByTestId('attachment')).toHaveCount(1)
  await app.dropFiles(page.getByTestId('clock-panel'), [scan])
  await expect(page.getByRole('status').filter({ hasText: 'Attached scan.txt (logged as a note dated today).' })).toBeVisible()
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.events.find((e) => e.summary === 'Letter of acknowledgement')?.attachments.map((a) => a.name)).toEqual(['denial.txt'])
  expect(stored.events.filter((e) => e.type === 'note').flatMap((e) => e.attachments.map((a) => a.name))).toEqual(['scan.txt'])
  expect(app.dialogsOpened()).toBe(0)
})

test('axe finds no serious or critical violation on the case page and its dialogs', async ({ app }) => {
  // Six full axe runs over a long page: minutes on a loaded two-core machine.
  test.setTimeout(240_000)
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [...SEVEN_EVENTS], items: [...ITEMS], fields: { notes: 'x '.repeat(2000) } })
  const page = app.page
  await openCase(page, app.open, seeded.caseId)
  await expectNoSeriousAxeViolations(page, 'case page')
  await page.keyboard.press('a')
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('fee-quoted')
  await form.getByLabel('Date', { exact: true }).fill('08/01/2026')
  await form.getByLabel('Date', { exact: true }).blur()
  await expectNoSeriousAxeViolations(page, 'add-event form with a warning')
  await form.getByLabel('Date', { exact: true }).fill('02/30/2026')
  await form.getByRole('button', { name: 'Add event' }).click()
  await expectNoSeriousAxeViolations(page, 'add-event form with an error')
  await page.getByRole('button', { name: 'Edit request…' }).click()
  await expect(page.getByTestId('edit-request-dialog')).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'edit-request dialog')
  await page.getByTestId('edit-request-dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.getByTestId('event').first().getByRole('button', { name: /^Edit / }).click()
  await expect(page.getByTestId('edit-event-dialog')).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'edit-event dialog')
  await page.getByTestId('edit-event-dialog').getByRole('button', { name: 'Cancel' }).click()
  await app.open(`/index.html#/patient/${seeded.patientId}`)
  await page.getByRole('button', { name: 'Delete…' }).click()
  await expect(page.getByTestId('patient-delete-refusal')).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'patient-delete refusal')
})
