// axe-core on the page under test, loaded once per document. @axe-core/playwright's AxeBuilder (used before)
// sends axe's 570 KB source into the page at every analyze() (twice in its legacy mode) and, by
// default, opens a blank page to merge per-frame results: about 2 s of a 2.5 s scan on a small
// screen. The scans here run the same axe.run with the same options, on pages with no
// cross-origin frames to merge (the one iframe, an attachment preview, is sandboxed without
// scripts, which neither way can scan), so the result is the same (same passes, violations and
// incomplete checks on the caseload), in a quarter of the time. Only violations are asked for
// (`resultTypes`): every test fails on violations alone, and axe then keeps one node per passed or
// incomplete check instead of every node of the page, which it would otherwise build and send back.
import axe from 'axe-core'
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core'
import type { Page } from '@playwright/test'

type Scan = {
  /** Only the rules with these tags (AxeBuilder.withTags); every rule axe runs by default otherwise. */
  tags?: string[]
  /** Only this part of the page (AxeBuilder.include), a CSS selector. */
  include?: string
}

/** What a scan answers: axe's violations for the page as it is now. */
export type AxeViolations = Pick<AxeResults, 'violations'>

/** axe's violations for the page as it is now (the document's axe is reused while it lives). */
export async function axeScan(page: Page, scan: Scan = {}): Promise<AxeViolations> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) {
    await page.evaluate(axe.source)
    await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } }))
  }
  const options: RunOptions = { resultTypes: ['violations'], ...(scan.tags && { runOnly: { type: 'tag', values: scan.tags } }) }
  return page.evaluate(
    async ({ include, options }) => {
      const results = await (window as unknown as { axe: typeof axe }).axe.run(include === undefined ? document : { include: [include], exclude: [] }, options)
      return { violations: results.violations }
    },
    { include: scan.include, options }
  )
}

const SERIOUS: ReadonlySet<ImpactValue> = new Set(['serious', 'critical'])

/** The violations that fail a test: serious or critical ones. */
export function seriousOnly(results: AxeViolations): AxeResults['violations'] {
  return results.violations.filter((v) => v.impact != null && SERIOUS.has(v.impact))
}
