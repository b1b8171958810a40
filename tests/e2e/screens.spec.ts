// Every main screen, light and dark, at 1440×900 and 1024×700: screenshots for a reviewer in
// test-results/screens/, axe on each screen and dialog (no serious or critical violation), the dark
// theme really dark (pixels differ from light), and the shortcuts and menu commands at work.
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { axeScan, seriousOnly } from './axe'
import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026, type AppHarness } from './harness'

const SCREENS_DIR = resolve(__dirname, '../../test-results/screens')
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
] as const
type Theme = 'light' | 'dark'

async function seed(app: AppHarness): Promise<{ caseId: string; patientId: string }> {
  const first = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026], fields: { state: 'CA', tags: ['batch-a'] } })
  await seedCase(app.services, { patient: 'John Smith', organization: 'Valley Imaging Lab', events: [{ type: 'request-sent', date: '2026-11-10', summary: 'Request mailed' }] })
  await seedCase(app.services, { patient: 'Ana Ruiz', organization: 'Mercy General' })
  return first
}

/** The main screens, by name and hash route, with what shows that each one has loaded. */
const screens = (ids: { caseId: string; patientId: string }) => [
  { name: 'caseload', hash: '#/caseload', ready: (p: Page) => p.getByTestId('case-row').first() },
  { name: 'case', hash: `#/case/${ids.caseId}`, ready: (p: Page) => p.getByTestId('case-holder') },
  { name: 'patients', hash: '#/patients', ready: (p: Page) => p.getByRole('heading', { name: 'Patients', exact: true }).first() },
  { name: 'patient', hash: `#/patient/${ids.patientId}`, ready: (p: Page) => p.getByRole('heading', { name: 'Maria Lopez' }).first() },
  { name: 'organizations', hash: '#/organizations', ready: (p: Page) => p.getByRole('heading', { name: 'Organizations', exact: true }).first() },
  { name: 'reports', hash: '#/reports', ready: (p: Page) => p.getByRole('heading', { level: 1 }).first() },
  { name: 'import', hash: '#/import', ready: (p: Page) => p.getByRole('heading', { level: 1 }).first() },
  { name: 'backups', hash: '#/backups', ready: (p: Page) => p.getByRole('heading', { name: 'Backups', exact: true }).first() },
  { name: 'recovery', hash: '#/recovery', ready: (p: Page) => p.getByRole('heading', { level: 1 }).first() },
  { name: 'sync', hash: '#/sync', ready: (p: Page) => p.getByRole('heading', { level: 1 }).first() },
  { name: 'settings', hash: '#/settings', ready: (p: Page) => p.getByRole('heading', { name: 'Settings', exact: true }).first() }
]

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  return seriousOnly(await axeScan(page, { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }))
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

async function showTheme(page: Page, theme: Theme): Promise<void> {
  // The setting is "follow the system" (the default): the system's choice decides.
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

/** Seeds the caseload and opens the window in the theme, at the larger size. */
async function openInTheme(app: AppHarness, theme: Theme): Promise<{ caseId: string; patientId: string }> {
  const ids = await seed(app)
  await mkdir(SCREENS_DIR, { recursive: true })
  await app.page.emulateMedia({ colorScheme: theme })
  await app.page.setViewportSize(SIZES[0])
  await app.open('/index.html#/caseload')
  await showTheme(app.page, theme)
  return ids
}

// The screens and the dialogs of a theme are separate tests, so four shorter tests share the
// workers instead of two long ones ending the run.
for (const theme of ['light', 'dark'] as const) {
  test(`every main screen in the ${theme} theme: screenshots at both sizes, and axe finds nothing serious`, async ({ app }) => {
    test.setTimeout(300_000)
    const ids = await openInTheme(app, theme)
    const page = app.page
    const problems: string[] = []
    for (const screen of screens(ids)) {
      await page.setViewportSize(SIZES[0])
      await page.evaluate((hash) => (window.location.hash = hash), screen.hash)
      await expect(screen.ready(page)).toBeVisible()
      problems.push(...(await seriousViolations(page, `${screen.name} (${theme})`)))
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await page.screenshot({ path: join(SCREENS_DIR, `${screen.name}-${theme}-${size.width}x${size.height}.png`) })
      }
    }
    expect(problems).toEqual([])
  })

  test(`every dialog in the ${theme} theme: a screenshot, and axe finds nothing serious`, async ({ app }) => {
    test.setTimeout(120_000)
    const ids = await openInTheme(app, theme)
    const page = app.page
    const problems: string[] = []
    // The dialogs: the shortcut list, adding a patient, a new request, editing an organization.
    const dialogs: Array<{ name: string; open: () => Promise<void>; title: string | RegExp }> = [
      {
        name: 'shortcuts',
        title: 'Keyboard shortcuts',
        open: async () => {
          await page.evaluate(() => (window.location.hash = '#/caseload'))
          await expect(page.getByTestId('case-row').first()).toBeVisible()
          await page.locator('body').press('?')
        }
      },
      {
        name: 'add-patient',
        title: 'Add a patient',
        open: async () => {
          await page.evaluate(() => (window.location.hash = '#/patients'))
          await page.getByRole('button', { name: 'Add patient' }).first().click()
        }
      },
      {
        name: 'new-request',
        title: /New request for Maria Lopez/,
        open: async () => {
          await page.evaluate((hash) => (window.location.hash = hash), `#/patient/${ids.patientId}`)
          await page.getByRole('button', { name: 'New request…' }).click()
        }
      },
      {
        name: 'organization',
        title: /St Mary Hospital|organization/i,
        open: async () => {
          await page.evaluate(() => (window.location.hash = '#/organizations'))
          // A click opens the organization's page; its Edit button opens the dialog.
          await page.getByText('St Mary Hospital').first().click()
          await page.getByRole('button', { name: /^Edit/ }).first().click()
        }
      }
    ]
    for (const d of dialogs) {
      await d.open()
      const dialog = page.getByRole('dialog', { name: d.title })
      await expect(dialog).toBeVisible()
      problems.push(...(await seriousViolations(page, `${d.name} dialog (${theme})`)))
      await page.screenshot({ path: join(SCREENS_DIR, `dialog-${d.name}-${theme}-1440x900.png`) })
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
    }
    expect(problems).toEqual([])
  })
}

/** The share of sampled pixels whose lightness is under half: a dark theme is mostly dark. */
async function darkShare(page: Page): Promise<number> {
  const png = await page.screenshot()
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.drawImage(img, 0, 0)
    const data = ctx.getImageData(0, 0, img.width, img.height).data
    let dark = 0
    let n = 0
    for (let i = 0; i < data.length; i += 4 * 97) {
      const lightness = (0.2126 * (data[i] ?? 0) + 0.7152 * (data[i + 1] ?? 0) + 0.0722 * (data[i + 2] ?? 0)) / 255
      if (lightness < 0.5) dark++
      n++
    }
    return dark / n
  }, png.toString('base64'))
}

test('the dark theme renders dark: the setting overrides the system, and its pixels differ from light', async ({ app }) => {
  test.setTimeout(120_000)
  await seed(app)
  const page = app.page
  await page.setViewportSize(SIZES[0])
  await page.emulateMedia({ colorScheme: 'light' })
  await app.open('/index.html#/settings')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  const lightShot = await page.screenshot()
  const lightDark = await darkShare(page)

  await page.getByTestId('theme-choice').getByRole('radio', { name: 'Dark', exact: true }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(async () => (await app.services.settings.get()).theme).toBe('dark')
  const darkShot = await page.screenshot()
  const darkDark = await darkShare(page)
  expect(darkShot.equals(lightShot)).toBe(false)
  expect(lightDark).toBeLessThan(0.2)
  expect(darkDark).toBeGreaterThan(0.8)
  expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme || getComputedStyle(document.documentElement).colorScheme)).toBe('dark')

  // Remembered: after a reload, and against a light system.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  // "Follow the system" follows it live.
  await expect(page.getByTestId('theme-choice').getByRole('radio', { name: 'Dark', exact: true })).toBeChecked()
  await page.getByTestId('theme-choice').getByRole('radio', { name: /Follow the system/ }).click()
  await expect(page.getByTestId('theme-choice').getByRole('radio', { name: /Follow the system/ })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('shortcuts: ? lists them, J/K move between cases, / searches, N starts a new request, E reaches the case page; a menu command runs the same', async ({ app }) => {
  await seed(app)
  const page = app.page
  await app.open('/index.html#/caseload')
  await expect(page.getByTestId('case-row')).toHaveCount(3)
  // The first list of a day answers before its clocks; rows sorted by due date settle once they arrive.
  await expect(page.getByTestId('case-row').filter({ hasText: 'Computing…' })).toHaveCount(0)
  const order = await page.getByTestId('case-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''))

  await page.locator('body').press('?')
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(list).toBeVisible()
  for (const text of ['New case', 'Search cases', 'Next case', 'Previous case', 'Add an event to this case']) await expect(list).toContainText(text)
  // Keys do nothing while a dialog is open.
  await page.keyboard.press('j')
  await expect(page).toHaveURL(/#\/caseload$/)
  await page.keyboard.press('Escape')

  await page.locator('body').press('j')
  await expect(page).toHaveURL(/#\/case\//)
  const firstHolder = await page.getByTestId('case-holder').textContent()
  expect(order[0]).toContain(firstHolder ?? '—')
  await page.locator('body').press('j')
  await expect(page.getByTestId('case-holder')).not.toHaveText(firstHolder ?? '')
  await page.locator('body').press('k')
  await expect(page.getByTestId('case-holder')).toHaveText(firstHolder ?? '')

  // The case page hears add-event (its own listener; here we prove the command is dispatched).
  const heard = page.evaluate(
    () => new Promise<string>((done) => window.addEventListener('aa:command', (e) => done(String((e as CustomEvent<{ command: string }>).detail.command)), { once: true }))
  )
  await page.locator('body').press('e')
  expect(await heard).toBe('add-event')

  // "e" opened the add-event form with its first field focused; out of the field, "/" is a command again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.locator('body').press('/')
  await expect(page.getByLabel('Search cases')).toBeFocused()
  // Typed into a field, the same keys are text.
  await page.keyboard.type('nj')
  await expect(page.getByLabel('Search cases')).toHaveValue('nj')
  await expect(page).toHaveURL(/#\/caseload$/)

  await page.getByLabel('Search cases').fill('')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.locator('body').press('n')
  await expect(page).toHaveURL(/#\/patients$/)

  // A click in the app menu arrives as the menu.command push event and runs the same command.
  app.events.emit('menu.command', { command: 'shortcuts' })
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
})
