import { test, expect, seedCase, OVERDUE_SINCE_OCT_2026 } from './harness'

test('a rule profile saved in Settings counts a case: the clock names saved:<id>@<version> and gives its due date', async ({ app }) => {
  const seeded = await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/settings')
  const page = app.page
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page')

  // The built-in profiles are listed read-only, the 2021 proposal marked as one.
  const builtIn = page.getByTestId('builtin-profiles')
  await expect(builtIn.getByTestId('builtin-profile')).toHaveCount(6)
  await expect(builtIn.locator('[data-profile-id="hipaa-proposed-2021"]')).toContainText('proposal, not in force')
  await expect(builtIn.locator('[data-profile-id="hipaa"]')).toContainText('45 CFR 164.524(b)(2)')
  // Each state counts on its own statute's calendar, and no note points at an internal document.
  await expect(builtIn.locator('[data-profile-id="washington"]')).toContainText('Washington legal holidays (RCW 1.16.050)')
  await expect(builtIn.locator('[data-profile-id="washington"]')).toContainText('one delay notice to at most 21 business days after receipt')
  await expect(builtIn.locator('[data-profile-id="california"]')).toContainText('Code Civ. Proc. §§12, 12a')
  await expect(builtIn.locator('[data-profile-id="texas-ehr"]')).toContainText('from')
  await expect(builtIn).not.toContainText('DOMAIN')

  const form = page.getByTestId('profile-form')
  // Checked in the window first: a built-in id and a missing number of days.
  await form.getByLabel('Profile id').fill('hipaa')
  await form.getByLabel('Name').fill('Valley Clinic policy')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(form.getByRole('alert')).toContainText('is a built-in profile id')
  await expect(form.getByRole('alert')).toContainText('Days: enter the number of days')
  expect(app.calls.filter((c) => c.channel === 'profiles.save')).toHaveLength(0)

  await form.getByLabel('Profile id').fill('valley-policy')
  await form.getByLabel('Days', { exact: true }).fill('10')
  await form.getByLabel('Citation').fill('Valley Clinic HIM policy 12')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(form.getByRole('status')).toContainText('Saved Valley Clinic policy (valley-policy), version 1.')
  const saved = page.getByTestId('saved-profile').filter({ hasText: 'valley-policy' })
  await expect(saved.getByTestId('profile-version')).toHaveCount(1)
  await expect(saved).toContainText('10 calendar days, no extension')

  // The server refuses a version that already exists; the form keeps what was typed.
  await saved.getByRole('button', { name: 'New version of valley-policy' }).click()
  await expect(form.getByLabel('Version')).toHaveValue('2')
  await form.getByLabel('Version').fill('1')
  await form.getByRole('button', { name: 'Save new version' }).click()
  await expect(form.getByRole('alert')).toContainText('already has a version "1"')
  await expect(form.getByLabel('Profile id')).toHaveValue('valley-policy')
  await form.getByRole('button', { name: 'Clear' }).click()

  // The case is switched to the saved profile in "Edit request".
  await page.getByRole('link', { name: 'Caseload' }).first().click()
  await page.getByTestId('case-row').filter({ hasText: 'Maria Lopez' }).click()
  await page.getByRole('button', { name: 'Edit request…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit request' })
  await dialog.getByLabel('Rule profile').selectOption({ label: 'Valley Clinic policy (saved)' })
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  const clock = page.getByTestId('clock-panel')
  await expect(clock).toContainText('saved:valley-policy@1')
  // Received Wed 2 Sep 2026 + 10 calendar days.
  await expect(clock.getByTestId('clock-due')).toHaveText('Sat, Sep 12, 2026')
  await expect(page.getByTestId('case-profile')).toContainText('Valley Clinic policy (saved)')
  expect((await app.services.cases.load(seeded.caseId)).profile).toBe('valley-policy')

  // A profile a case uses cannot be removed: the refusal names the case.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Remove valley-policy' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove the profile valley-policy?' })
  await confirm.getByRole('button', { name: 'Remove every version' }).click()
  await expect(confirm.getByRole('alert')).toContainText('cannot be removed: case')
  await expect(confirm.getByRole('alert')).toContainText('(Maria Lopez → St Mary Hospital) refers to it')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('saved-profile')).toHaveCount(1)
})

test('the escalation ladder editor moves the next step of a case, and "Reset to default" moves it back', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/caseload')
  const page = app.page
  await page.getByTestId('case-row').first().click()
  const clock = page.getByTestId('clock-panel')
  // Default: follow up 7 days before the due date of Fri 2 Oct 2026.
  await expect(clock.getByTestId('clock-next-step')).toContainText('Follow-up letter by Fri, Sep 25, 2026')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const ladder = page.getByTestId('ladder')
  await expect(ladder.getByTestId('ladder-step')).toHaveCount(5)
  await expect(ladder.getByRole('button', { name: 'Save ladder' })).toBeDisabled()
  // Four days later with the + button: 3 days before the due date.
  for (let i = 0; i < 4; i++) await ladder.getByRole('button', { name: 'Step 1: one day later' }).click()
  await expect(ladder.getByLabel('Step 1: days')).toHaveValue('-3')
  await expect(ladder.getByTestId('ladder-step').first()).toContainText('Follow-up letter: 3 days before the due date')

  // A step may only count from an earlier one: the schema's message is shown and nothing is saved.
  await ladder.getByRole('button', { name: 'Move step 3 up' }).click()
  await ladder.getByRole('button', { name: 'Save ladder' }).click()
  await expect(ladder.getByRole('alert')).toContainText('must be an earlier step of the ladder')
  await ladder.getByRole('button', { name: 'Move step 2 down' }).click()

  // What was typed survives leaving the screen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(ladder.getByLabel('Step 1: days')).toHaveValue('-3')
  await ladder.getByRole('button', { name: 'Save ladder' }).click()
  await expect(ladder.getByRole('status')).toContainText('Saved the escalation ladder')
  await expect(ladder).toContainText('your own')
  expect((await app.services.settings.get()).ladder?.steps[0]).toEqual({ step: 'follow-up', letter: 'follow-up', after: 'due', days: -3 })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
  await page.getByTestId('case-row').first().click()
  await expect(clock.getByTestId('clock-next-step')).toContainText('Follow-up letter by Tue, Sep 29, 2026')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await ladder.getByRole('button', { name: 'Reset to default…' }).click()
  await page.getByRole('dialog', { name: 'Reset the escalation ladder to the default?' }).getByRole('button', { name: 'Reset to default' }).click()
  await expect(ladder.getByRole('status')).toContainText('The default ladder applies again.')
  await expect(ladder.getByLabel('Step 1: days')).toHaveValue('-7')
  expect((await app.services.settings.get()).ladder).toBeUndefined()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
  await page.getByTestId('case-row').first().click()
  await expect(clock.getByTestId('clock-next-step')).toContainText('Follow-up letter by Fri, Sep 25, 2026')
})

test('the advocate name is saved and written into the audit trail', async ({ app }) => {
  await seedCase(app.services, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [OVERDUE_SINCE_OCT_2026] })
  await app.open('/index.html#/settings')
  const page = app.page
  const form = page.getByTestId('advocate-form')
  await form.getByLabel('Name for the audit trail').fill('Dana Reyes')
  await form.getByRole('button', { name: 'Save name' }).click()
  await expect(form.getByRole('status')).toContainText('recorded as made by Dana Reyes')
  expect((await app.services.settings.get()).advocateName).toBe('Dana Reyes')
  await page.reload()
  await expect(page.getByTestId('advocate-form').getByLabel('Name for the audit trail')).toHaveValue('Dana Reyes')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click()
  await page.getByTestId('case-row').first().click()
  const reminders = page.getByTestId('reminders')
  await reminders.getByLabel('Remind me on').fill('2026-10-05')
  await reminders.getByRole('button', { name: 'Add reminder' }).click()
  await expect(reminders.getByTestId('reminder')).toHaveCount(1)
  await page.getByTestId('history').getByText('History').click()
  await expect(page.getByTestId('history').locator('.history__entry').first()).toContainText('by Dana Reyes')
})
