import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type AppServices } from '../../../src/services/app-services'

export type TestServices = AppServices & { cleanup: () => Promise<void> }

/** Real services over a fresh temp folder, with a fixed "now" so clocks are reproducible. */
export async function testServices(now = '2026-11-25T15:00:00.000Z', dir?: string): Promise<TestServices> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'aa-svc-')))
  let clock = new Date(now)
  let seq = 0
  const services = await openServices({
    dataDir,
    appVersion: 'test',
    holder: 'vitest',
    now: () => clock,
    newId: (prefix) => `${prefix}-${String(++seq).padStart(4, '0')}`,
    dailyBackup: false
  })
  return Object.assign(services, {
    cleanup: async () => {
      await services.close().catch(() => {})
      if (!dir) await rm(dataDir, { recursive: true, force: true })
    },
    setNow: (iso: string) => void (clock = new Date(iso))
  })
}

export async function seedBasics(s: AppServices) {
  const patient = await s.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-29' })
  const org = await s.organizations.add({ name: 'Mercy General Hospital', kind: 'hospital', state: 'CA' })
  const org2 = await s.organizations.add({ name: 'Valley Imaging Lab', kind: 'lab', state: 'CA' })
  return { patient, org, org2 }
}
