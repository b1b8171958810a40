// Desktop notifications, from the built main bundle under the recording stand-in for electron:
// once a day at open, one notification for what is due today; none the second time that day; none
// when the setting is off; a click brings the window forward on Today.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices } from '../../src/services/app-services'
import { loadMain, quitMain } from './load-main'

let dir: string
let running: Array<Awaited<ReturnType<typeof loadMain>>> = []

const pad = (n: number) => String(n).padStart(2, '0')
const localToday = () => {
  const d = new Date()
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-notify-'))
  process.env['ACCESS_ADVOCATE_DATA_DIR'] = join(dir, 'data')
})
afterEach(async () => {
  for (const fake of running) await quitMain(fake)
  running = []
  delete process.env['ACCESS_ADVOCATE_DATA_DIR']
  await rm(dir, { recursive: true, force: true })
})

/** A case with a reminder for today, written through the real services before the app opens. */
async function seed(settings: { notifyDueToday?: boolean } = {}): Promise<void> {
  const s = await openServices({ dataDir: join(dir, 'data'), appVersion: 'test', holder: 'test', dailyBackup: false })
  const p = await s.patients.add({ name: 'Maria Lopez' })
  const o = await s.organizations.add({ name: 'St Mary Hospital', kind: 'hospital' })
  const c = await s.cases.add({ patientId: p.id, organizationId: o.id, requested: { items: [], range: {} } })
  await s.cases.addEvent(c.id, { type: 'request-received', date: localToday(), direction: 'incoming', summary: 'Fax confirmation' })
  await s.cases.addReminder(c.id, { date: localToday(), note: 'call the records office' })
  if (settings.notifyDueToday !== undefined) await s.settings.update({ notifyDueToday: settings.notifyDueToday })
  await s.close()
}

async function open() {
  const fake = await loadMain({ userData: join(dir, 'user-data') })
  running.push(fake)
  // The notification follows the window, asynchronously: give it a moment.
  for (let i = 0; i < 100 && fake.record.notifications.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
  return fake
}

async function reopen(fake: Awaited<ReturnType<typeof loadMain>>) {
  await quitMain(fake)
  running = running.filter((f) => f !== fake)
  return open()
}

describe('desktop notifications', () => {
  it('shows one notification for what is due today, once a day, and a click opens Today', async () => {
    await seed()
    const fake = await open()
    expect(fake.record.notifications).toHaveLength(1)
    const n = fake.record.notifications[0]!
    expect(n.options.title).toBe('1 thing due today')
    expect(n.options.body).toBe('Reminder: call the records office: Maria Lopez, St Mary Hospital')
    expect(JSON.parse(await readFile(join(dir, 'user-data', 'notified-day.json'), 'utf8'))).toEqual({ day: localToday() })
    n.emit('click')
    expect(fake.record.windows[0]!.webContents.scripts).toEqual(["location.hash = '#/today'"])

    const again = await reopen(fake)
    await new Promise((r) => setTimeout(r, 300))
    expect(again.record.notifications).toHaveLength(0)
  })

  it('stays quiet when the setting is off', async () => {
    await seed({ notifyDueToday: false })
    const fake = await open()
    await new Promise((r) => setTimeout(r, 300))
    expect(fake.record.notifications).toHaveLength(0)
  })
})
