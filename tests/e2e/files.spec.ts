// Files by path, never bytes over IPC: the window asks for the file dialog (here the test plays the
// user and chooses the paths), the services copy by path while hashing, and the window shows and
// saves stored files from their URL (aa-file:// in the app; a route of this test process here,
// answered by the same code).
import { truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { storedFileResponse } from '../../src/services/files'
import { test, expect, seedCase, todayIso, FILES_URL, OVERDUE_SINCE_OCT_2026 } from './harness'

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b5f0a10000000049454e44ae426082', 'hex')

test('a file chosen in the file dialog is attached by path, previewed from its URL, and saved as a copy', async ({ app, rootDir }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const text = 'Fax confirmation\nTo: St Mary Hospital HIM\nPages: 3\n'
  const fax = join(rootDir, 'fax-confirmation.txt')
  await writeFile(fax, text)
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const event = page.getByTestId('event').filter({ hasText: 'Fax confirmation received' })

  app.pickNext([fax])
  await event.getByRole('button', { name: /^Attach file to/ }).click()
  const attachment = event.getByTestId('attachment')
  await expect(attachment).toContainText('fax-confirmation.txt')
  await expect(attachment).toContainText(`${Buffer.byteLength(text)} B · text/plain`)
  await expect(page.getByTestId('correspondence-log').getByRole('status')).toContainText('Attached fax-confirmation.txt.')
  expect(app.dialogsOpened()).toBe(1)
  // What crossed from the window: a token for the picked file, never its path or bytes.
  const sent = app.calls.filter((c) => c.channel === 'attachments.add').map((c) => c.input as Record<string, unknown>)
  expect(sent).toEqual([{ caseId: seeded.caseId, eventId: expect.any(String), token: expect.stringMatching(/^pick-/) }])
  expect(JSON.stringify(app.calls)).not.toContain(rootDir)
  const stored = await app.services.cases.load(seeded.caseId)
  const sha256 = stored.events[0]?.attachments[0]?.sha256 ?? 'missing'

  // Open: previewed in a sandboxed frame from the file's URL, keyed by its hash.
  await attachment.getByRole('button', { name: 'Open fax-confirmation.txt' }).click()
  const dialog = page.getByRole('dialog', { name: 'fax-confirmation.txt' })
  await expect(dialog.getByTestId('attachment-sha256')).toHaveText(sha256)
  await expect(dialog.getByTestId('attachment-preview')).toHaveAttribute('src', new RegExp(`/aa-file/${sha256}/fax-confirmation\\.txt$`))
  await expect(page.frameLocator('[data-testid="attachment-preview"]').locator('body')).toContainText('Pages: 3')
  // Save a copy: the same bytes, under the file's own name.
  const save = dialog.getByTestId('attachment-save')
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()])
  expect(download.suggestedFilename()).toBe('fax-confirmation.txt')
  // Chromium cancels a download whose response a test route supplied, so the bytes are checked at
  // the same URL through the same code that answered it (and answers aa-file:// in the app).
  const href = (await save.getAttribute('href')) ?? ''
  expect(href).toMatch(/\?download=1$/)
  const res = await storedFileResponse(app.services, FILES_URL, new URL(href, page.url()).href)
  expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''fax-confirmation.txt")
  expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(text))
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // A file for the case itself, chosen with the keyboard, is logged as a note dated today; an image is shown.
  const photo = join(rootDir, 'envelope.png')
  await writeFile(photo, PNG)
  app.pickNext([photo])
  await page.getByRole('button', { name: /^Attach file to the case/ }).focus()
  await page.keyboard.press('Enter')
  const note = page.getByTestId('event').filter({ hasText: 'Attached envelope.png' })
  await expect(note).toHaveAttribute('data-event-type', 'note')
  await expect(note.locator('time')).toHaveAttribute('datetime', todayIso())
  await expect(note.getByTestId('attachment')).toContainText(`${PNG.length} B · image/png`)
  await note.getByRole('button', { name: 'Open envelope.png' }).click()
  const image = page.getByRole('dialog', { name: 'envelope.png' }).getByTestId('attachment-image')
  await expect(image).toBeVisible()
  // Visible is not yet decoded: wait for the pixels the URL served (a 1×1 PNG).
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
})

test('the window takes the files the command line takes: 12 MB attaches, over 200 MB is refused with the reason', async ({ app, rootDir }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const films = join(rootDir, 'films.zip')
  await writeFile(films, Buffer.alloc(12 * 1024 * 1024, 7))
  const huge = join(rootDir, 'whole-chart.zip')
  await writeFile(huge, '')
  await truncate(huge, 200 * 1024 * 1024 + 1) // sparse: takes no room on disk
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const event = page.getByTestId('event').first()

  app.pickNext([films])
  await event.getByRole('button', { name: /^Attach file to/ }).click()
  await expect(event.getByTestId('attachment')).toContainText('films.zip')
  await expect(event.getByTestId('attachment')).toContainText('12.0 MB')

  app.pickNext([huge])
  await event.getByRole('button', { name: /^Attach file to/ }).click()
  await expect(event.getByRole('alert')).toContainText('whole-chart.zip was not attached: attachment: whole-chart.zip is larger than 200 MB')
  await expect(event.getByTestId('attachment')).toHaveCount(1)

  // A cancelled dialog does nothing.
  app.pickNext([])
  await event.getByRole('button', { name: /^Attach file to/ }).click()
  await expect(event.getByTestId('attachment')).toHaveCount(1)
  expect(app.calls.filter((c) => c.channel === 'attachments.add')).toHaveLength(2)
})

test('files dropped on "Attach file…" are attached like picked ones, by path', async ({ app, rootDir }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const a = join(rootDir, 'page-1.txt')
  const b = join(rootDir, 'page-2.txt')
  await writeFile(a, 'first page')
  await writeFile(b, 'second page')
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const event = page.getByTestId('event').filter({ hasText: 'Fax confirmation received' })
  await app.dropFiles(event.getByTestId('attach-drop'), [a, b])
  await expect(event.getByTestId('attachment')).toHaveCount(2)
  await expect(page.getByTestId('correspondence-log').getByRole('status')).toContainText('Attached page-1.txt, page-2.txt.')
  expect(app.dialogsOpened()).toBe(0)
  expect((await app.services.cases.load(seeded.caseId)).events[0]?.attachments.map((x) => x.name)).toEqual(['page-1.txt', 'page-2.txt'])
})
