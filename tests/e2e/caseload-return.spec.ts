// Opening the caseload and coming back to it (issue 15): the first reads are asked side by side,
// and coming back from a case shows the rows left on screen at once, unless something changed
// meanwhile, which is then shown (never the stale rows alone).
import { test, expect, seedCase, todayIso, OVERDUE_SINCE_OCT_2026 } from './harness'

type Page = import('@playwright/test').Page

/** Clicks the Caseload link in the page and reports the first frame that shows the caseload: busy or not, and its rows' text. */
async function backToCaseload(page: Page): Promise<{ busy: string | null; rows: string[] }> {
  return page.evaluate(async () => {
    document.querySelector<HTMLAnchorElement>('nav[aria-label="Main"] a[href="#/caseload"]')!.click()
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const section = document.querySelector('section[aria-labelledby="caseload-title"]')
      if (section) return { busy: section.getAttribute('aria-busy'), rows: [...section.querySelectorAll('[data-testid="case-row"]')].map((r) => r.textContent ?? '') }
    }
  })
}

test('the window asks for the host state, the caseload layout and its rows side by side, and the rows once', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  // Noted in the page: when each call was sent and when its answer came back. (The services' side
  // cannot tell: they share this test's event loop, so a busy moment there delays every arrival.)
  await app.page.addInitScript(() => {
    const w = window as unknown as { __aaInvoke: (c: unknown, i: string) => Promise<string>; __asks: Array<{ channel: unknown; sent: number; answered?: number }> }
    const invoke = w.__aaInvoke
    w.__asks = []
    Object.defineProperty(window, '__aaInvoke', {
      value: async (channel: unknown, input: string) => {
        const ask: { channel: unknown; sent: number; answered?: number } = { channel, sent: performance.now() }
        w.__asks.push(ask)
        const answer = await invoke(channel, input)
        ask.answered = performance.now()
        return answer
      }
    })
  })
  await app.open('/index.html#/caseload')
  await expect(app.page.getByTestId('case-row')).toHaveCount(1)
  const asks = await app.page.evaluate(() => (window as unknown as { __asks: Array<{ channel: string; sent: number; answered?: number }> }).__asks)
  const first = (channel: string) => asks.find((c) => c.channel === channel)
  const status = first('app.status')
  const prefs = first('caseload.prefs')
  expect(status?.answered).toBeDefined()
  // Sent before the host's state was answered: not one after the other.
  expect(prefs!.sent).toBeLessThan(status!.answered!)
  // The page found the rows asked for before it was drawn on their way: it did not ask a second time
  // beside them. (It asks again afterwards only as the day's clocks come in.)
  const [one, two] = asks.filter((c) => c.channel === 'cases.query')
  if (two) expect(two.sent).toBeGreaterThanOrEqual(one!.answered!)
})

test('back from a case shows the rows left on screen at once, and a change made on the case is shown', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await seedCase(app.services, { patient: 'Ana Ruiz', organization: 'North Clinic' })
  await app.open('/index.html#/caseload')
  const page = app.page
  const rows = page.getByTestId('case-row')
  await expect(rows).toHaveCount(2)
  await page.getByLabel('Search cases').fill('ruiz')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Not sent')

  // Nothing changed on the case: the same rows, shown on the first frame, not busy, and not asked for again.
  await rows.first().click()
  await expect(page.getByTestId('clock-panel')).toBeVisible()
  const asked = app.calls.filter((c) => c.channel === 'cases.query').length
  const unchanged = await backToCaseload(page)
  expect(unchanged.busy).toBe('false')
  expect(unchanged.rows).toHaveLength(1)
  expect(unchanged.rows[0]).toContain('Ana Ruiz')
  await page.waitForTimeout(300)
  expect(app.calls.filter((c) => c.channel === 'cases.query')).toHaveLength(asked)

  // The request is sent from the case page: back on the caseload, the row says so.
  await rows.first().click()
  await page.getByTestId('open-add-event').click()
  const form = page.getByTestId('add-event-form')
  await form.getByLabel('Type').selectOption('request-sent')
  await form.getByLabel('Date').fill(todayIso())
  await form.getByLabel('Summary').fill('Sent by e-mail')
  await form.getByRole('button', { name: 'Add event' }).click()
  await expect(page.getByTestId('clock-panel').getByText('Awaiting', { exact: true })).toBeVisible()
  const changed = await backToCaseload(page)
  // The rows on screen may be the earlier ones only while marked busy; then the new answer shows.
  if (changed.busy === 'false') expect(changed.rows[0]).toContain('Awaiting')
  await expect(page.locator('section[aria-labelledby="caseload-title"]')).toHaveAttribute('aria-busy', 'false')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Awaiting')
  expect(app.calls.filter((c) => c.channel === 'cases.query').length).toBeGreaterThan(asked)
})
