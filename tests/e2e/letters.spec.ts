// The letters journey in the window: an overdue case → "Prepare" on the next ladder step → fill the
// one field the case lacks → preview → DOCX saved to the case → mark sent → the ladder moves on.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { pdfPageCount } from '../../src/services/letters/archive'
import { test, expect, seedCase, todayIso, OVERDUE_SINCE_OCT_2026 } from './harness'

test('prepare the next step\u2019s letter, fill the missing field, preview, save the DOCX, mark it sent, and the ladder moves', async ({ app }) => {
  const seeded = await seedCase(app.services, {
    patient: 'Maria Lopez',
    organization: 'St Mary Hospital',
    events: [OVERDUE_SINCE_OCT_2026, { type: 'follow-up-sent', date: '2026-09-25', direction: 'outgoing', channel: 'mail', summary: 'Reminder' }]
  })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' }).click()
  const clock = page.getByTestId('clock-panel')
  await expect(clock.getByTestId('clock-next-step')).toContainText('Escalate to the privacy officer')
  await clock.getByTestId('prepare-next-step').click()

  const dialog = page.getByTestId('prepare-letter')
  await expect(dialog.getByLabel('Template')).toHaveValue('privacy-officer-escalation')
  const missing = dialog.getByTestId('missing-fields')
  await expect(missing.getByLabel('Privacy officer (name or title)')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Generate DOCX and save to the case' })).toBeDisabled()
  await missing.getByLabel('Privacy officer (name or title)').fill('Jane Roe')

  const preview = dialog.getByTestId('letter-preview')
  await expect(preview).toContainText('Dear Jane Roe:')
  await expect(preview).toContainText('You were required to act by Friday, October 2, 2026 (45 CFR 164.524(b)(2)).')
  await expect(preview.getByRole('table', { name: 'Chronology' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Generate DOCX and save to the case' }).click()
  await expect(dialog.getByTestId('letter-saved')).toContainText(/Saved to the case as a draft: .*privacy-officer-escalation-maria-lopez\.docx/)

  // The DOCX is in the case's attachments and says what the preview said.
  const stored = await app.services.cases.load(seeded.caseId)
  expect(stored.letters).toHaveLength(1)
  const letter = stored.letters[0]!
  expect(stored.events.find((e) => e.id === letter.eventId)?.type).toBe('letter-draft')
  const xml = await (await JSZip.loadAsync(await app.services.store.attachments.read(letter.file.sha256))).file('word/document.xml')!.async('string')
  expect(xml).toContain('Dear Jane Roe:')
  // A draft moves nothing yet.
  await expect(clock.getByTestId('clock-next-step')).toContainText('Escalate to the privacy officer')

  // Open it with the system (a named copy), show it in its folder, save a copy where the user chooses.
  const files = dialog.getByTestId('letter-file-actions')
  await files.getByRole('button', { name: `Open ${letter.file.name}` }).click()
  const copy = join(app.desktop.workingDir, `Maria Lopez (${seeded.caseId})`, letter.file.name)
  await expect(files.getByRole('status')).toContainText(`Opened a copy: ${copy}`)
  expect(app.desktop.opened).toEqual([copy])
  await files.getByRole('button', { name: `Show ${letter.file.name} in its folder` }).click()
  await expect(files.getByRole('status')).toContainText('Shown in its folder')
  expect(app.desktop.shown).toEqual([copy])
  const chosen = join(app.desktop.workingDir, '..', 'For the hospital.docx')
  app.desktop.saveNext(chosen)
  await files.getByRole('button', { name: `Save a copy of ${letter.file.name} as…` }).click()
  await expect(files.getByRole('status')).toContainText(`Saved a copy: ${chosen}`)
  expect((await readFile(chosen)).equals(Buffer.from(await app.services.store.attachments.read(letter.file.sha256)))).toBe(true)
  // "E-mail this letter": an unsent draft with the letter attached, filed with it, opened in the mail program.
  await dialog.getByRole('button', { name: 'E-mail this letter' }).click()
  await expect(dialog.getByTestId('email-opened')).toContainText('open in your mail program')
  const eml = app.desktop.opened[1]!
  expect(eml).toMatch(/privacy-officer-escalation-maria-lopez\.eml$/)
  expect(await readFile(eml, 'utf8')).toMatch(/^X-Unsent: 1\r\n/)

  const form = dialog.getByRole('form', { name: 'Mark sent' })
  await form.getByLabel('Sent on').fill(todayIso())
  await form.getByLabel('Sent by').selectOption('certified-mail')
  await form.getByLabel('Fax number, article number or address').fill('9407 1000 0000 0000 0001')
  await form.getByRole('button', { name: 'Mark sent' }).click()
  await expect(dialog).toBeHidden()

  await expect(clock.getByTestId('clock-next-step')).toContainText('Notice of intent to complain')
  const panel = page.getByTestId('letters-panel')
  await expect(panel.getByTestId('letter-item')).toContainText('sent')
  const sent = await app.services.cases.load(seeded.caseId)
  expect(sent.events.find((e) => e.id === letter.eventId)).toMatchObject({ type: 'privacy-officer-escalation', channel: 'certified-mail', proofOfDelivery: '9407 1000 0000 0000 0001', date: todayIso() })
})

test('a user template: duplicate a built-in in Settings, edit it with the field picker, and the preview follows', async ({ app }) => {
  await seedCase(app.services, { patient: 'Ana Ruiz', organization: 'Valley Clinic', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('#/settings')
  const section = app.page.getByTestId('templates-section')
  await section.getByRole('button', { name: 'Duplicate Follow-up on a request for access' }).click()
  const editor = section.getByTestId('template-editor')
  await expect(editor).toContainText('Editing my-follow-up')
  await expect(editor.getByRole('region', { name: 'Template preview' })).toContainText('I am following up on the request for access for Ana Ruiz')
  const body = editor.getByLabel('Body', { exact: true })
  await body.press('ControlOrMeta+End')
  await body.pressSequentially('\nKind regards to ')
  await editor.getByLabel('Merge field').selectOption('holder.legalName')
  await editor.getByRole('button', { name: 'Insert into the body' }).click()
  await expect(editor.getByRole('region', { name: 'Template preview' })).toContainText('Kind regards to Valley Clinic')
  await editor.getByRole('button', { name: 'Save as a new version' }).click()
  await expect(editor).toContainText('version 2')
  await expect(section.getByRole('row').filter({ hasText: 'my-follow-up' })).toContainText('2')
})

test('"Save as PDF" prints the letter\u2019s HTML at Letter size with 1" margins (Chromium page.pdf, as Electron\u2019s printToPDF does)', async ({ app }) => {
  const { caseId } = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const letter = await app.services.letters.generate({ caseId, templateId: 'ocr-complaint' })
  const html = await app.services.letters.html(caseId, letter.id)
  const printer = await app.page.context().newPage()
  await printer.setContent(html)
  const pdf = await printer.pdf({ format: 'Letter', margin: { top: '1in', bottom: '1in', left: '1in', right: '1in' }, preferCSSPageSize: true, tagged: true, outline: true })
  await printer.close()
  const filed = await app.router.invoke('letters.attachPdf', { caseId, letterId: letter.id, base64: Buffer.from(pdf).toString('base64') })
  expect(filed).toMatchObject({ ok: true, value: { type: 'application/pdf' } })
  const dir = await mkdtemp(join(tmpdir(), 'aa-pdf-'))
  const file = join(dir, 'letter.pdf')
  await writeFile(file, pdf)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/Page size:\s+612 x 792 pts/)
  expect(info).toMatch(/Tagged:\s+yes/)
  // A fax cover counts Chromium's pages as poppler does.
  expect(pdfPageCount(pdf)).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]))
  expect(info).toContain('Health Information Privacy Complaint (OCR complaint packet): Maria Lopez')
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Part B: Chronology')
  expect(text).toContain('Friday, October 2, 2026')
  await rm(dir, { recursive: true, force: true })
  // Without a printer (the harness has none), the window's button says what to use instead.
  expect(await app.router.invoke('letters.savePdf', { caseId, letterId: letter.id })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
})

test('bulk: generate follow-ups for every overdue case, with progress, then what was made and skipped', async ({ app }) => {
  const a = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const b = await seedCase(app.services, { patient: 'Ana Ruiz', organization: 'Valley Clinic', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  await app.page.getByRole('button', { name: 'Generate letters…' }).click()
  const dialog = app.page.getByTestId('bulk-letters')
  await dialog.getByLabel('Letter').selectOption('privacy-officer-escalation')
  await dialog.getByLabel('For').selectOption('overdue')
  await dialog.getByRole('button', { name: 'Generate' }).click()
  const summary = dialog.getByTestId('bulk-summary')
  await expect(summary).toContainText('0 made, 2 skipped')
  await expect(summary).toContainText(`${a.caseId}: missing holder.privacyOfficer`)
  await expect(summary).toContainText(`${b.caseId}: missing holder.privacyOfficer`)
  await dialog.getByLabel('Letter').selectOption('follow-up')
  await dialog.getByRole('button', { name: 'Generate' }).click()
  await expect(summary).toContainText('2 made, 0 skipped')
  expect((await app.services.cases.load(a.caseId)).letters.map((l) => l.template)).toEqual(['follow-up'])
  // One call each: the services do the work and push its progress.
  expect(app.calls.filter((c) => c.channel === 'letters.bulk')).toHaveLength(2)
  expect(app.pushed.filter((p) => p.event === 'task.progress').map((p) => (p.payload as { phase: string }).phase).at(-1)).toBe('done')
})

test.describe('bulk on a slow disk', () => {
  test.use({ slowCaseReads: 300 })
  test('progress arrives as push events and Cancel stops between cases, keeping what was made', async ({ app }) => {
    const seeded = []
    // Enough cases, on a slow enough disk, that Cancel lands mid-run even on a loaded machine.
    for (let n = 1; n <= 20; n++) {
      seeded.push(await seedCase(app.services, { patient: `Patient ${n}`, organization: `Clinic ${n}`, events: [OVERDUE_SINCE_OCT_2026] }))
    }
    await app.open('/index.html#/caseload')
    await app.page.getByRole('button', { name: 'Generate letters…' }).click()
    const dialog = app.page.getByTestId('bulk-letters')
    await dialog.getByLabel('Letter').selectOption('follow-up')
    await dialog.getByRole('button', { name: 'Generate' }).click()
    const progress = dialog.getByTestId('task-progress')
    await expect(progress).toContainText(/Making 20 letters: Follow-up on a request for access · ([1-9]|1\d) of 20/)
    await progress.getByRole('button', { name: 'Cancel' }).click()
    const summary = dialog.getByTestId('bulk-summary')
    await expect(summary).toContainText(/\d+ made, 0 skipped \(cancelled\)/)
    const made = Number(/(\d+) made/.exec((await summary.textContent()) ?? '')?.[1])
    expect(made).toBeGreaterThan(0)
    expect(made).toBeLessThan(20)
    let filed = 0
    for (const c of seeded) filed += (await app.services.cases.load(c.caseId)).letters.length
    expect(filed).toBe(made)
    const phases = app.pushed.filter((p) => p.event === 'task.progress').map((p) => p.payload as { phase: string; done: number })
    expect(phases.at(-1)).toMatchObject({ phase: 'cancelled', done: made })
    expect(app.calls.filter((c) => c.channel === 'tasks.cancel')).toHaveLength(1)
  })
})
