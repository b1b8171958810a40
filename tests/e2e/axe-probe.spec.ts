// The accessibility scans can fail: a control with no name, put on a real screen of the app, is
// reported as a serious violation with its element, so a clean scan elsewhere means something.
import { axeScan, seriousOnly } from './axe'
import { test, expect } from './harness'

test('axe reports a button without a name on the caseload, naming the element', async ({ app }) => {
  await app.open('/index.html#/caseload')
  const page = app.page
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(seriousOnly(await axeScan(page))).toEqual([])
  await page.evaluate(() => {
    const b = document.createElement('button')
    b.id = 'nameless-probe'
    document.querySelector('main')?.append(b)
  })
  const serious = seriousOnly(await axeScan(page))
  expect(serious.map((v) => v.id)).toContain('button-name')
  expect(serious.find((v) => v.id === 'button-name')?.nodes.map((n) => n.target.join(' '))).toEqual(['#nameless-probe'])
})
