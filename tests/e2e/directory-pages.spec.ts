// Directory pages and the perspective, as a user meets them: the first run of a new folder, an
// organization's page (contacts, requests, scorecard), merging a duplicate, sorting the lists,
// and the request log of a practice-side case. Each screen is checked with axe.
import type { Page } from '@playwright/test'
import { workspaceSetup } from '../../src/services/workspace-setup'
import { axeScan, seriousOnly } from './axe'
import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

// axe reads every node of a screen: on a loaded 2-core machine one pass can take several seconds.
test.describe.configure({ timeout: 180_000 })

async function noSeriousViolations(page: Page, where: string) {
  const bad = seriousOnly(await axeScan(page))
  expect(bad.map((v) => `${where}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test.describe('first run', () => {
  test.use({ firstRun: true })

  test('a new folder asks the perspective; choosing a practice changes the words', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const page = app.page
    const screen = page.getByTestId('first-run')
    await expect(screen).toBeVisible()
    await noSeriousViolations(page, 'first run')
    // Nothing chosen yet: the screen says what is missing and stays.
    await screen.getByRole('button', { name: 'Start' }).click()
    await expect(screen.getByRole('alert')).toContainText('Choose one')
    await screen.getByLabel(/Our office answers records requests/).check()
    await screen.getByLabel(/Your name/).fill('Dana Cole')
    await screen.getByLabel('The practice’s name').fill('Harbor Family Practice')
    await screen.getByLabel('Signature block').fill('Records Manager\nHarbor Family Practice')
    await screen.getByRole('button', { name: 'Start' }).click()
    await expect(screen).toBeHidden()
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link', { name: 'Request log' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Caseload' })).toHaveCount(0)
    expect(app.services.settings.get()).toMatchObject({ perspective: 'practice', advocateName: 'Dana Cole', officeName: 'Harbor Family Practice', signatureBlock: 'Records Manager\nHarbor Family Practice' })
    // Set up once: a reload opens the app, not the screen.
    await page.reload()
    await expect(nav.getByRole('link', { name: 'Request log' })).toBeVisible()
    await expect(page.getByTestId('first-run')).toHaveCount(0)
  })

  test('"Not now" keeps the advocate’s words and never asks again', async ({ app }) => {
    await app.open('/index.html#/caseload')
    await app.page.getByRole('button', { name: 'Not now' }).click()
    await expect(app.page.getByTestId('first-run')).toBeHidden()
    await expect(app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' })).toBeVisible()
    expect(app.services.settings.get().setupAt).toBeTruthy()
  })
})

test('an organization page shows its contacts, requests and scorecard; merging a duplicate moves its requests', async ({ app }) => {
  const s = app.services
  const patient = await s.patients.add({ name: 'Maria Lopez' })
  const other = await s.patients.add({ name: 'Ahmed Khan' })
  const mercy = await s.organizations.add({ name: 'Mercy General Hospital', kind: 'hospital', state: 'CA', records: { phone: '555-0100', fax: '555-0199' }, privacyOfficer: { name: 'J. Doe', phone: '555-0111' } })
  const dup = await s.organizations.add({ name: 'Mercy General (duplicate)', kind: 'hospital', privacyOfficer: { fax: '555-0122' } })
  const kept = await s.cases.add({ patientId: patient.id, organizationId: mercy.id })
  await s.cases.addEvent(kept.id, { ...OVERDUE_SINCE_OCT_2026 })
  const moved = await s.cases.add({ patientId: other.id, organizationId: dup.id })
  await s.cases.addEvent(moved.id, { type: 'request-received', date: '2026-10-01', direction: 'incoming', summary: 'Received by fax' })
  await app.open('/index.html#/caseload')
  const page = app.page

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
  const rows = page.getByTestId('org-row')
  await expect(rows.filter({ hasText: 'Mercy General Hospital' })).toContainText('1')
  await rows.filter({ hasText: 'Mercy General Hospital' }).click()
  await expect(page.getByRole('heading', { name: 'Mercy General Hospital' })).toBeVisible()
  const records = page.getByTestId('contact-records-him-office')
  await expect(records).toContainText('555-0100')
  await expect(records).toContainText('555-0199')
  await expect(page.getByTestId('contact-privacy-officer')).toContainText('J. Doe')
  await expect(page.getByTestId('org-case-row')).toHaveCount(1)
  await expect(page.getByTestId('org-case-row').getByRole('link', { name: 'Maria Lopez' })).toHaveAttribute('href', `#/case/${kept.id}`)
  await expect(page.getByTestId('holder-scorecard')).toContainText('Requests')
  await expect(page.getByTestId('holder-scorecard')).toContainText('Grade')
  await noSeriousViolations(page, 'organization page')

  await page.getByRole('button', { name: 'Merge a duplicate…' }).click()
  const dialog = page.getByTestId('merge-dialog')
  await noSeriousViolations(page, 'merge dialog')
  await dialog.getByLabel('The duplicate to merge in').selectOption(dup.id)
  await expect(dialog.getByTestId('merge-preview')).toContainText('1 request will move')
  await dialog.getByRole('button', { name: 'Continue…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Merge Mercy General (duplicate) into Mercy General Hospital?' })
  await noSeriousViolations(page, 'merge confirmation')
  await confirm.getByRole('button', { name: 'Merge organizations' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByText('Merged Mercy General (duplicate) into Mercy General Hospital: 1 request moved.')).toBeVisible()
  await expect(page.getByTestId('org-case-row')).toHaveCount(2)
  await expect(page.getByTestId('org-case-row').getByRole('link', { name: 'Ahmed Khan' })).toBeVisible()
  // The survivor took the duplicate's privacy-officer fax, which it lacked.
  await expect(page.getByTestId('contact-privacy-officer')).toContainText('555-0122')
  // The audit trail says so, on the organization and on the moved case.
  await page.getByTestId('history').locator('summary').click()
  await expect(page.getByTestId('history')).toContainText('Merge')
  expect((await s.cases.load(moved.id)).history.at(-1)).toMatchObject({ action: 'merge' })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
  await expect(page.getByTestId('org-row')).toHaveCount(1)
})

test('patient and organization lists sort by any column, with open and overdue counts', async ({ app }) => {
  const s = app.services
  const names = ['Carla Diaz', 'Ana Ruiz', 'Ben Ode']
  const orgs = await Promise.all(['Zeta Clinic', 'Alpha Labs'].map((name) => s.organizations.add({ name, kind: 'provider', state: 'TX' })))
  const people = []
  for (const name of names) people.push(await s.patients.add({ name }))
  // Ben: two overdue requests; Carla: one awaiting (sent today).
  for (const org of orgs) {
    const c = await s.cases.add({ patientId: people[2]!.id, organizationId: org.id })
    await s.cases.addEvent(c.id, { ...OVERDUE_SINCE_OCT_2026 })
  }
  await s.cases.add({ patientId: people[0]!.id, organizationId: orgs[0]!.id })
  await app.open('/index.html#/patients')
  const page = app.page
  const firstCells = () => page.getByTestId('patient-row').locator('td:first-child').allTextContents()
  await expect.poll(firstCells).toEqual(['Ana Ruiz', 'Ben Ode', 'Carla Diaz'])
  await page.getByTestId('sort-name').click()
  await expect.poll(firstCells).toEqual(['Carla Diaz', 'Ben Ode', 'Ana Ruiz'])
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
  await page.getByTestId('sort-overdue').click()
  await expect.poll(firstCells).toEqual(['Ben Ode', 'Ana Ruiz', 'Carla Diaz'])
  const ben = page.getByTestId('patient-row').filter({ hasText: 'Ben Ode' })
  await expect(ben.locator('td').nth(4)).toHaveText('2')
  await expect(ben.locator('td').nth(5)).toHaveText('2')
  await expect(page.getByTestId('patient-row').filter({ hasText: 'Carla Diaz' }).locator('td').nth(4)).toHaveText('1')
  await noSeriousViolations(page, 'patients list')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
  const orgCells = () => page.getByTestId('org-row').locator('td:first-child').allTextContents()
  await expect.poll(orgCells).toEqual(['Alpha Labs', 'Zeta Clinic'])
  await page.getByTestId('sort-open').click()
  await expect.poll(orgCells).toEqual(['Zeta Clinic', 'Alpha Labs'])
  await noSeriousViolations(page, 'organizations list')
})

test('a practice-side case has a request-log form; what it saves is stored on the case', async ({ app }) => {
  const s = app.services
  await workspaceSetup(s.context).complete({ perspective: 'practice' })
  const patient = await s.patients.add({ name: 'Jordan Patel' })
  const org = await s.organizations.add({ name: 'Harbor Family Practice', kind: 'provider' })
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
  await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-11-02', direction: 'incoming', summary: 'Received at the front desk' })
  await app.open(`/index.html#/case/${c.id}`)
  const page = app.page
  // Practice words on the case page.
  await expect(page.getByTestId('event').first()).toContainText('Request received')
  const form = page.getByTestId('request-log')
  await form.getByLabel('Received by').selectOption('in-person')
  await form.getByLabel('Time received').fill('9.30')
  await form.getByLabel('Requester type').selectOption('personal-representative')
  await form.getByLabel('Authority document').fill('Health-care power of attorney')
  await form.getByLabel('Staff member').fill('Dana Cole')
  await form.getByRole('button', { name: 'Save request log' }).click()
  // A bad time is refused beside its field, and nothing is lost.
  await expect(form.locator('.field__error', { hasText: 'must be a time such as 09:30' })).toBeVisible()
  await expect(form.getByLabel('Authority document')).toHaveValue('Health-care power of attorney')
  await form.getByLabel('Time received').fill('09:30')
  await form.getByRole('button', { name: 'Save request log' }).click()
  await expect(form.getByText('Request log saved.')).toBeVisible()
  expect((await s.cases.load(c.id)).requestLog).toEqual({ receivedChannel: 'in-person', receivedTime: '09:30', requesterType: 'personal-representative', authorityDocument: 'Health-care power of attorney', staff: 'Dana Cole' })
  await noSeriousViolations(page, 'case page with request log')
})

test('deleting an organization that cases name lists them as links and offers only merging or another holder', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital' })
  await app.open(`/index.html#/organization/${seeded.organizationId}`)
  const page = app.page
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: 'St Mary Hospital cannot be deleted yet' })
  await expect(dialog.getByRole('alert')).toContainText('One case names St Mary Hospital')
  await expect(dialog).not.toContainText('reassign')
  await expect(dialog).not.toContainText(seeded.caseId)
  await expect(dialog).toContainText('Merge a duplicate…')
  await expect(dialog).toContainText('Change the records holder')
  await expect(dialog.getByRole('button', { name: 'Delete organization' })).toHaveCount(0)
  await dialog.getByRole('link', { name: /Maria Lopez/ }).click()
  await expect(page.getByTestId('case-holder')).toHaveText('St Mary Hospital')
  expect(app.services.organizations.list()).toHaveLength(1)
})

test('an organization no case names is deleted after a confirmation', async ({ app }) => {
  const org = await app.services.organizations.add({ name: 'Unused Clinic', kind: 'provider' })
  await app.open(`/index.html#/organization/${org.id}`)
  const page = app.page
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByRole('button', { name: 'Delete…' }).click()
  await page.getByRole('dialog', { name: 'Delete Unused Clinic?' }).getByRole('button', { name: 'Delete organization' }).click()
  await expect.poll(() => app.services.organizations.list().length).toBe(0)
})
