import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test('a CSV of 200 requests goes in through the wizard (mapping, preview, confirm) and shows in the caseload', async ({ app, rootDir }) => {
  // The evidence bundle at the end converts the complaint packet to PDF with LibreOffice: seconds, more on a busy machine.
  test.setTimeout(180_000)
  const lines = ['Request ID,Patient,DOB,Practice,State,Received,Fulfilled']
  for (let i = 0; i < 200; i++) {
    lines.push(`REQ-${1000 + i},Patient${i} Import,${String((i % 12) + 1).padStart(2, '0')}/${String((i % 15) + 13)}/1970,Practice ${i % 4},CA,09/${String((i % 28) + 1).padStart(2, '0')}/2026,`)
  }
  const file = join(rootDir, 'requests.csv')
  await writeFile(file, lines.join('\r\n'))
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByRole('link', { name: 'Import' }).click()
  // The file is picked in the system's dialog (the main process); the window holds only a token.
  app.pickNext([file])
  await page.getByRole('button', { name: 'Choose a CSV file…' }).click()
  // The mapping is suggested from the headers and shown; the dates are read as MM/DD.
  await expect(page.getByLabel('Field for column Request ID')).toHaveValue('reference')
  await expect(page.getByLabel('Field for column Received')).toHaveValue('received')
  await expect(page.getByLabel('Date order for column Received')).toHaveValue('mdy')
  const preview = page.getByRole('table', { name: 'Preview' })
  await expect(preview.getByRole('row').nth(1)).toContainText('Patient0 Import')
  await expect(preview.getByRole('row').nth(1)).toContainText('1970-01-13')
  await expect(preview.getByRole('row').nth(1)).toContainText('Request received by holder Tue, Sep 1, 2026')
  await page.getByRole('button', { name: 'Import 200 case(s)' }).click()
  await expect(page.getByText(/Imported 200 case\(s\), 200 patient\(s\) and 4 organization\(s\)/)).toBeVisible({ timeout: 60_000 })
  expect(app.services.queries.list()).toHaveLength(200)
  // No bytes and no path crossed from the window: a token, and the import ran as a task with progress.
  const sent = app.calls.filter((c) => c.channel === 'interop.csvImport').map((c) => c.input as { source: unknown; taskId?: string })
  expect(sent).toHaveLength(1)
  expect(sent[0]!.source).toEqual({ token: expect.stringMatching(/^pick-/) })
  const progress = app.pushed.filter((e) => e.event === 'task.progress' && (e.payload as { taskId: string }).taskId === sent[0]!.taskId)
  expect(progress.map((e) => (e.payload as { phase: string }).phase)).toContain('done')
  expect(progress.some((e) => (e.payload as { done: number; total: number }).total === 404)).toBe(true)
  // The export actions ask where in the native "Save as" dialog, and the main process writes the
  // file there: no bytes cross to the window. Closing the dialog saves nothing and says so.
  const icsPath = join(rootDir, 'deadlines.ics')
  app.desktop.saveNext(icsPath)
  await page.getByRole('button', { name: 'Calendar (.ics)' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Calendar: saved to ${icsPath}.` })).toBeVisible()
  expect(await readFile(icsPath, 'utf8')).toContain('BEGIN:VCALENDAR')
  const calendarCall = app.calls.filter((c) => c.channel === 'interop.calendar').at(-1)
  expect(calendarCall?.input).toMatchObject({ saveAs: true })
  expect(calendarCall?.input).not.toHaveProperty('out')
  expect(calendarCall?.bytes ?? Infinity).toBeLessThan(500)
  app.desktop.saveNext(null)
  await page.getByRole('button', { name: 'Request log (CSV)' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Request log CSV: not saved.' })).toBeVisible()

  await page.getByRole('link', { name: 'Caseload' }).click()
  await page.getByLabel('Search cases').fill('Patient137 Import')
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await expect(page.getByTestId('case-row')).toContainText('Practice 1')
  await page.getByTestId('case-row').click()
  const firstBundle = join(rootDir, 'first-bundle.zip')
  app.desktop.saveNext(firstBundle)
  await page.getByRole('button', { name: 'Evidence bundle' }).click()
  await expect(page.getByText(/Evidence bundle: 0 exhibit\(s\)/)).toBeVisible({ timeout: 120_000 })
  await expect(page.getByText(`Saved to ${firstBundle}`, { exact: false })).toBeVisible()
  expect((await JSZip.loadAsync(await readFile(firstBundle))).file('MANIFEST.txt')).not.toBeNull()
})

test('rows that match records on file get a choice per group: here one patient is matched, one organization created anew', async ({ app, rootDir }) => {
  const ana = await app.services.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1970-01-13' })
  await app.services.organizations.add({ name: 'Mercy General', kind: 'hospital', state: 'CA' })
  const file = join(rootDir, 'dups.csv')
  await writeFile(file, ['Patient,DOB,Practice,State,Received', 'Ana Ruiz,01/13/1970,Mercy General,CA,09/01/2026', 'Ben Ode,02/14/1980,Mercy General,CA,09/02/2026'].join('\r\n'))
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByRole('link', { name: 'Import' }).click()
  app.pickNext([file])
  await page.getByRole('button', { name: 'Choose a CSV file…' }).click()
  const table = page.getByRole('table', { name: 'Records already on file' })
  await expect(table.getByTestId('duplicate-row')).toHaveCount(2)
  await expect(page.getByText('2 group(s) still need a choice.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import 2 case(s)' })).toBeDisabled()
  await page.getByLabel('Choice for Ana Ruiz, born 1970-01-13').selectOption('match')
  await page.getByLabel('Choice for Mercy General (CA)').selectOption('new')
  await expect(page.getByText('Every group has a choice.')).toBeVisible()
  await page.getByRole('button', { name: 'Import 2 case(s)' }).click()
  await expect(page.getByText(/Imported 2 case\(s\), 1 patient\(s\) and 1 organization\(s\)/)).toBeVisible({ timeout: 30_000 })
  const cases = app.services.queries.list()
  expect(cases.filter((c) => c.patientId === ana.id)).toHaveLength(1)
  expect(app.services.organizations.list({ text: 'Mercy General' })).toHaveLength(2)
})

test('a full export zip is imported from the window: what differs is listed and only the ticked record is taken', async ({ app, rootDir }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  const zip = join(rootDir, 'export.zip')
  await app.services.store.flush()
  expect((await app.router.invoke('interop.exportAll', { out: zip })).ok).toBe(true)
  await app.services.patients.update(seeded.patientId, { name: 'Maria L. Lopez' })
  await app.services.organizations.update(seeded.organizationId, { name: 'St Mary Medical Center' })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByRole('link', { name: 'Import' }).click()
  app.pickNext([zip])
  await page.getByRole('button', { name: 'Choose an export zip…' }).click()
  const preview = page.getByTestId('full-import-preview')
  await expect(preview).toContainText('2 record(s) differ from the ones here')
  await expect(preview.getByRole('row').filter({ hasText: 'Maria L. Lopez' })).toContainText('name: Maria L. Lopez → Maria Lopez')
  await preview.getByLabel(/^Take .*Maria/).check()
  await preview.getByRole('button', { name: 'Import 1 record(s)' }).click()
  await expect(page.getByText(/Imported 1 record\(s\)/)).toBeVisible({ timeout: 30_000 })
  expect(app.services.patients.get(seeded.patientId).name).toBe('Maria Lopez')
  expect(app.services.organizations.get(seeded.organizationId).name).toBe('St Mary Medical Center')
})

test('e-mail dropped on a case becomes correspondence; exhibits can be left out of the evidence bundle', async ({ app, rootDir }) => {
  test.setTimeout(180_000)
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.services.organizations.update(seeded.organizationId, { records: { email: 'records@stmary.example' } })
  for (const [name, text] of [['fax-receipt.txt', 'fax receipt'], ['private.txt', 'private note']] as const) {
    await writeFile(join(rootDir, name), text)
    await app.services.attachments.attachFile(seeded.caseId, join(rootDir, name))
  }
  const eml = join(rootDir, 'reply.eml')
  await writeFile(eml, ['From: Records <records@stmary.example>', 'To: maria@home.example', 'Message-ID: <r1@stmary.example>', 'Date: Tue, 10 Nov 2026 12:00:00 +0000', 'Subject: About your request', 'Content-Type: text/plain; charset=utf-8', '', 'We are working on it.', ''].join('\r\n'))
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  await app.dropFiles(page.getByTestId('email-drop'), [eml])
  await expect(page.getByRole('list', { name: 'E-mail import' })).toContainText('reply.eml: imported as an incoming message of Tue, Nov 10, 2026, “About your request”')
  await expect(page.getByTestId('event').filter({ hasText: 'About your request' })).toBeVisible()
  await app.dropFiles(page.getByTestId('email-drop'), [eml])
  await expect(page.getByRole('list', { name: 'E-mail import' })).toContainText('reply.eml: skipped (already imported (same Message-ID <r1@stmary.example>))')

  await page.getByRole('button', { name: 'Exhibits…' }).click()
  const list = page.getByTestId('bundle-exhibits')
  await expect(list.getByRole('checkbox')).toHaveCount(3)
  await list.getByLabel(/private\.txt/).uncheck()
  const zipPath = join(rootDir, 'bundle.zip')
  app.desktop.saveNext(zipPath)
  await page.getByRole('button', { name: 'Evidence bundle' }).click()
  await expect(page.getByText(/Evidence bundle: 2 exhibit\(s\), 1 left out/)).toBeVisible({ timeout: 120_000 })
  const names = (await JSZip.loadAsync(await readFile(zipPath))).file(/.*/).map((f) => f.name)
  expect(names.some((n) => n.includes('private'))).toBe(false)
  expect(names.some((n) => n.includes('fax-receipt'))).toBe(true)
  await expect(page.getByText(/Evidence bundle: 2 exhibit\(s\), 1 left out/)).toBeVisible()
})
