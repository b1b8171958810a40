// Where "first rows after the window opens" goes (not a benchmark: a timeline to read). Run as the
// window bench is, with BENCH_UI_SPEC=first-rows.probe.ts (bench/ui.mts passes the folder). Prints,
// from the moment the window is asked to open: the page's own milestones (navigation, the bundle
// run, the first row frame) and every call the page made (when it reached the services, how long
// they took), then the same for the first keystrokes typed forward.
import { cp } from 'node:fs/promises'
import { test } from '../../tests/e2e/harness'

const source = process.env['BENCH_UI_DIR']
test.use({ beforeOpen: { prepare: async (dataDir: string) => void (source && (await cp(source, dataDir, { recursive: true }))) } })

test('first rows timeline', async ({ app, page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRowFrame?: number; __firstRowDom?: number }
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="case-row"]')) return
      seen.disconnect()
      w.__firstRowDom = performance.now()
      requestAnimationFrame(() => (w.__firstRowFrame = performance.now()))
    })
    seen.observe(document, { subtree: true, childList: true })
  })
  const opened = performance.timeOrigin + performance.now()
  await app.open('/index.html#/caseload')
  await page.waitForFunction(() => (window as unknown as { __firstRowFrame?: number }).__firstRowFrame !== undefined, undefined, { timeout: 300_000 })
  const marks = await page.evaluate(() => {
    const w = window as unknown as { __firstRowFrame: number; __firstRowDom: number }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js')).map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd }))
    return {
      origin: performance.timeOrigin,
      responseEnd: nav?.responseEnd ?? 0,
      domInteractive: nav?.domInteractive ?? 0,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      scripts,
      firstRowDom: w.__firstRowDom,
      firstRowFrame: w.__firstRowFrame
    }
  })
  const rel = (pageMs: number) => (marks.origin + pageMs - opened).toFixed(0)
  console.log(`\nfirst rows timeline (ms since the window was asked to open; page origin at ${(marks.origin - opened).toFixed(0)})`)
  console.log(`  html received ${rel(marks.responseEnd)}, DOM interactive ${rel(marks.domInteractive)}, DOMContentLoaded ${rel(marks.domContentLoaded)}`)
  for (const s of marks.scripts) console.log(`  script ${s.name}: ${rel(s.start)} → ${rel(s.end)}`)
  for (const c of app.calls) console.log(`  call ${String(c.channel).padEnd(24)} at ${((c.at ?? 0) - opened).toFixed(0).padStart(6)}  took ${(c.ms ?? 0).toFixed(1).padStart(7)} ms  ${c.bytes ?? 0} B`)
  console.log(`  first row in the DOM ${rel(marks.firstRowDom)}, on screen ${rel(marks.firstRowFrame)}`)
  const pushedClocks = app.pushed.filter((p) => p.event === 'caseload.clocks').length
  console.log(`  caseload.clocks events so far: ${pushedClocks}`)
})
