import { test, expect, seedCase } from './harness'

// A screen that throws while drawing (here: the services answer with a shape the case page does not
// expect, as a mismatched build would) must show the error boundary with a way back, never a blank
// window; the rest of the app keeps working.
test('a screen that fails to render shows what happened and a way back to the caseload', async ({ app }) => {
  const { caseId } = await seedCase(app.services, { patient: 'Ada Broken', organization: 'Mismatch Clinic' })
  const invoke = app.router.invoke.bind(app.router)
  let breakCaseView = true
  app.router.invoke = async (channel, input) => {
    const result = await invoke(channel, input)
    if (channel !== 'cases.get' || !breakCaseView || !result.ok) return result
    // The case view without its case and clock: the page dereferences both while rendering.
    return { ok: true, value: { asOf: '2026-12-01', patientName: 'Ada Broken', organizationName: 'Mismatch Clinic' } }
  }
  const errors: string[] = []
  app.page.on('pageerror', (e) => errors.push(e.message))

  await app.open(`/index.html#/case/${caseId}`)
  const failure = app.page.getByTestId('render-failure')
  await expect(failure).toBeVisible()
  await expect(failure.getByRole('heading', { name: 'This screen could not be shown' })).toBeVisible()
  await expect(failure).toContainText('Your data is safe')
  // The header and navigation are still there: only the screen failed.
  await expect(app.page.getByRole('navigation').first()).toBeVisible()

  breakCaseView = false
  await failure.getByRole('button', { name: 'Try again' }).click()
  await expect(failure).toBeHidden()
  await expect(app.page.getByText('Mismatch Clinic').first()).toBeVisible()

  breakCaseView = true
  await app.page.goto(`${new URL(app.page.url()).origin}/index.html#/caseload`)
  await app.page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId)
  await expect(failure).toBeVisible()
  await failure.getByRole('button', { name: 'Back to the caseload' }).click()
  await expect(failure).toBeHidden()
  await expect(app.page).toHaveURL(/#\/caseload$/)
  await expect(app.page.getByRole('main').getByText('Ada Broken').first()).toBeVisible()
})
