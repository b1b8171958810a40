// `backup.status` through the real router and handlers: the app's window learns that the daily
// backup run in the background after open could not be made, and that a later backup fixed it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'
import { createHandlers } from '../../src/services/handlers'
import { createRouter } from '../../src/services/router'
import { folderWithBackupsAsFile } from './helpers/backups-as-file'

let dir: string
let services: AppServices | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-backup-status-'))
})
afterEach(async () => {
  await services?.close()
  services = undefined
  await rm(dir, { recursive: true, force: true })
})

describe('backup.status', () => {
  it('reports a failed daily backup, then nothing once "back up now" succeeds', async () => {
    await folderWithBackupsAsFile(dir)
    services = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest' }) // daily backup on, as in the app
    const router = createRouter(createHandlers(services), { validateOutput: true })
    await services.store.flush()

    const failed = await router.invoke('backup.status', {})
    expect(failed).toEqual({
      ok: true,
      value: { lastFailure: { reason: 'daily', at: expect.any(String), message: expect.stringContaining('ENOTDIR') }, dailyInProgress: false }
    })
    expect(await router.invoke('backup.status', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // The data opened and still takes writes through the same router.
    expect(await router.invoke('patients.add', { patient: { name: 'Bea Chan' } })).toMatchObject({ ok: true })

    await rm(join(dir, 'backups'))
    expect(await router.invoke('backup.now', {})).toMatchObject({ ok: true, value: { reason: 'manual' } })
    expect(await router.invoke('backup.status', {})).toEqual({ ok: true, value: { lastFailure: null, dailyInProgress: false } })
  })
})
