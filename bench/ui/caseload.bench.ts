// The caseload in the built window (Chromium, the e2e harness over the real services, answers
// crossing as one value as Electron's IPC does): keystroke → filtered rows, first rows after the
// window opens, back from a case, bytes per refresh. Each figure beside a baseline of the same run:
// the whole caseload as the window used to fetch it (cases.list), through the same bridge.
import { cp } from 'node:fs/promises'
import { stats, ms } from '../stats'
import { test } from '../../tests/e2e/harness'

const source = process.env['BENCH_UI_DIR']
const cases = Number(process.env['BENCH_UI_CASES'] ?? 0)
test.use({ beforeOpen: { prepare: async (dataDir: string) => void (source && (await cp(source, dataDir, { recursive: true }))) } })

test('caseload in the window', async ({ app, page }) => {
  // Every time is taken by the page itself, at the animation frame that shows the rows: the harness
  // answers the page from this process, so Playwright's own polling (waitFor, waitForFunction) waits
  // behind the services' work on this event loop and noticed rows 0.5–1.1 s after they were shown.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRowFrame?: number }
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="case-row"]')) return
      seen.disconnect()
      requestAnimationFrame(() => (w.__firstRowFrame = performance.now()))
    })
    seen.observe(document, { subtree: true, childList: true })
  })
  const opened = performance.timeOrigin + performance.now()
  // The caseload page itself (the default page is Today).
  await app.open('/index.html#/caseload')
  await page.waitForFunction(() => (window as unknown as { __firstRowFrame?: number }).__firstRowFrame !== undefined, undefined, { timeout: 300_000 })
  const firstRows = (await page.evaluate(() => performance.timeOrigin + (window as unknown as { __firstRowFrame: number }).__firstRowFrame)) - opened
  await settled(page)

  // Baseline: the whole caseload through the same bridge, as the page fetched it before cases.query.
  const wholeList = await page.evaluate(async () => {
    const t0 = performance.now()
    const r = (await (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value: unknown[] }> } }).api.invoke('cases.list', {}))
    return { ms: performance.now() - t0, rows: r.value.length }
  })
  const wholeBytes = app.calls.filter((c) => c.channel === 'cases.list').at(-1)?.bytes ?? 0

  // Keystroke → filtered rows: each keystroke changes the search box as typing does, then waits
  // until the table shows that text's rows (the page is no longer busy) on the next frame.
  const search = page.getByPlaceholder(/Search names/)
  await search.click()
  const typed: number[] = []
  // Typing forward asks for text not asked before; deleting back may find answers still good in
  // the window's cache (use-caseload-query.ts): both are reported, and the target is on all of them.
  const forward: number[] = []
  for (const word of ['voicemail', 'mercy']) {
    for (let i = 1; i <= word.length; i++) {
      const t = await keystroke(page, word.slice(0, i))
      typed.push(t)
      forward.push(t)
    }
    for (let i = word.length - 1; i >= 0; i--) typed.push(await keystroke(page, word.slice(0, i)))
  }
  const keys = stats(typed)
  const ahead = stats(forward)

  // Back from a case.
  await page.getByTestId('case-row').first().click()
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.waitForTimeout(300)
  // The click and the wait, in the page: from the click until a frame shows the caseload's rows, settled.
  const backMs = await page.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('nav[aria-label="Main"] a[href="#/caseload"]')!
    const t0 = performance.now()
    link.click()
    await new Promise<void>((resolve) => {
      const check = () => {
        const section = document.querySelector('section[aria-labelledby="caseload-title"]')
        if (section?.getAttribute('aria-busy') === 'false' && section.querySelector('[data-testid="case-row"]')) resolve()
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
    return performance.now() - t0
  })

  const refreshBytes = app.calls.filter((c) => c.channel === 'cases.query').at(-1)?.bytes ?? 0
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED')
  const big = cases >= 20_000
  const line = (a: string, b: string, c: string, d: string) => console.log(`  ${a.padEnd(36)} ${b.padEnd(30)} ${c.padEnd(70)} ${d}`)
  console.log(`\nwindow: ${wholeList.rows.toLocaleString('en-US')} cases (Chromium, e2e harness; answers cross as one value)`)
  line('keystroke → filtered rows', `median ${ms(keys.median)}, p95 ${ms(keys.p95)}`, `${keys.runs} keystrokes; the whole list once took ${ms(wholeList.ms)}`, `≤ 100 / ≤ 200 ms: ${check(keys.median <= 100 && keys.p95 <= 200)}`)
  line('… typing forward only (new text)', `median ${ms(ahead.median)}, p95 ${ms(ahead.p95)}`, `${ahead.runs} keystrokes`, `≤ 100 / ≤ 200 ms: ${check(ahead.median <= 100 && ahead.p95 <= 200)}`)
  line('first rows after the window opens', ms(firstRows), `the whole list through the same bridge ${ms(wholeList.ms)}`, `≤ ${big ? '1.5' : '1.0'} s: ${check(firstRows <= (big ? 1500 : 1000))}`)
  line('back from a case to the caseload', ms(backMs), `the whole list through the same bridge ${ms(wholeList.ms)}`, `≤ 150 ms: ${check(backMs <= 150)}`)
  line('bytes per caseload refresh', `${(refreshBytes / 1024).toFixed(0)} KB`, `the whole list: ${(wholeBytes / 1024).toFixed(0)} KB`, `≤ 200 KB: ${check(refreshBytes <= 200 * 1024)}`)
})

type Page = import('@playwright/test').Page

/** Waits until the caseload shows the answer for what is in the search box now. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('section[aria-labelledby="caseload-title"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000 })
}

/** Sets the search box to `text` as one keystroke would, and times it until the rows for it are on screen. */
async function keystroke(page: Page, text: string): Promise<number> {
  return page.evaluate(async (value) => {
    const input = document.querySelector<HTMLInputElement>('#caseload-search')!
    const section = document.querySelector('section[aria-labelledby="caseload-title"]')!
    const t0 = performance.now()
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise<void>((resolve) => {
      const check = () => (section.getAttribute('aria-busy') === 'false' ? resolve() : requestAnimationFrame(check))
      requestAnimationFrame(check)
    })
    return performance.now() - t0
  }, text)
}
