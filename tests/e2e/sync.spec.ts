import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../src/services/app-services'
import { seedCase, test, expect } from './harness'

let caseId = ''
const conflictOf = (id: string, stamp: string): string => `cases/${id}.sync-conflict-${stamp}-BBBBBBB.json`

test.describe('a caseload shared with another computer', () => {
  test.use({
    beforeOpen: {
      prepare: async (dataDir: string) => {
        const s = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', dailyBackup: false })
        caseId = (await seedCase(s, { patient: 'Maria Lopez', organization: 'St Mary Hospital', events: [{ type: 'request-sent', date: '2026-11-02', summary: 'Request faxed' }] })).caseId
        await s.close()
        // A conflict copy a sync tool left that cannot be read: shown with both versions, never lost.
        await writeFile(join(dataDir, conflictOf(caseId, '20261125-150000')), '{"schemaVersion": 1, "rev": 9, "deviceId": "other", "updat')
      }
    }
  })

  test('shows an unreadable conflict copy beside the case, keeps the case open, and lets the user choose', async ({ app }) => {
    await app.open('/index.html#/caseload')
    const banner = app.page.getByTestId('sync-banner')
    await expect(banner).toContainText('cannot be merged safely')
    await expect(app.page.getByTestId('case-row')).toContainText('Maria Lopez')
    await banner.getByRole('link', { name: 'Review conflicts' }).click()
    const card = app.page.getByTestId('sync-conflict')
    await expect(card).toContainText(`cases/${caseId}.json`)
    await expect(card).toContainText('truncated JSON')
    await expect(card.getByLabel(`The version in use of cases/${caseId}.json`)).toContainText('Request faxed')
    await expect(card.getByRole('button', { name: 'Keep the other version' })).toBeDisabled()
    await card.getByRole('button', { name: 'Keep the version in use' }).click()
    await expect(app.page.getByText('the other one is set aside in quarantine/')).toBeVisible()
    await expect(card).toBeHidden()
    await expect(app.page.getByTestId('sync-merges')).toContainText('you kept the version in use')
    expect((await readdir(join(app.dataDir, 'cases'))).filter((n) => n.includes('sync-conflict'))).toEqual([])
  })

  test('a conflict copy merged while the window is open refreshes the case, which says who saved it', async ({ app }) => {
    await app.open(`/index.html#/case/${caseId}`)
    await expect(app.page.getByTestId('case-origin')).toContainText('Updated on this computer')
    // The other computer's version: the same case with an event of its own, written by another device.
    const file = join(app.dataDir, 'cases', `${caseId}.json`)
    const mine = JSON.parse(await readFile(file, 'utf8')) as { deviceId: string; data: { events: unknown[]; history: unknown[]; updatedAt: string } }
    const at = '2026-11-26T09:00:00.000Z'
    const theirs = {
      ...mine,
      deviceId: 'device-of-the-front-desk',
      data: {
        ...mine.data,
        updatedAt: at,
        events: [...mine.data.events, { id: 'ev-from-front-desk', type: 'note', date: '2026-11-03', direction: 'internal', summary: 'Noted at the front desk', attachments: [], createdAt: at, updatedAt: at }]
      }
    }
    await app.services.sync.resolve(conflictOf(caseId, '20261125-150000'), 'current')
    await writeFile(join(app.dataDir, conflictOf(caseId, '20261126-090000')), JSON.stringify(theirs))
    await app.services.sync.rescan()
    await expect(app.page.getByText('Noted at the front desk')).toBeVisible()
    await expect(app.page.getByText('Request faxed')).toBeVisible()
  })
})
