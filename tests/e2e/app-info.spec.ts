import { test, expect } from './harness'

test('the window shows the data folder and version that app.info returned', async ({ app }) => {
  await app.open('/index.html#/caseload')
  await expect(app.page.getByTestId('data-dir')).toHaveText(app.dataDir)
  await expect(app.page.getByTestId('app-version')).toHaveText('Access Advocate 9.9.9-e2e')
  await expect(app.page.getByTestId('rules-version')).toContainText(app.services.rulesVersion)
  expect(app.calls.map((c) => c.channel)).toContain('app.info')
})

test('an unknown channel sent from the page gets a typed error and the page keeps working', async ({ app }) => {
  await app.open('/index.html#/caseload')
  const result = await app.page.evaluate(() =>
    (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<unknown> } }).api.invoke('files.deleteEverything', {})
  )
  expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  await expect(app.page.getByTestId('data-dir')).toHaveText(app.dataDir)
})

test('the page cannot reach the network', async ({ app }) => {
  await app.open('/index.html#/caseload')
  const outcome = await app.page.evaluate(async () => {
    try {
      await fetch('https://example.com/')
      return 'reached'
    } catch {
      return 'refused'
    }
  })
  expect(outcome).toBe('refused')
})
