import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices } from '../../src/services/app-services'
import { createHandlers } from '../../src/services/handlers'
import { createServicesHost, type ServicesHost } from '../../src/services/host'
import { createRouter } from '../../src/services/router'
import { storedFileResponse } from '../../src/services/files'
import { DEFAULT_FILES_URL } from '../../src/shared/files'

let dir: string
let host: ServicesHost | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-host-'))
})
afterEach(async () => {
  await host?.close()
  host = undefined
  await rm(dir, { recursive: true, force: true })
})

const options = (extra = {}) => ({ dataDir: join(dir, 'data'), sampleDir: join(dir, 'sample'), appVersion: 't', holder: 'test', dailyBackup: false, sampleCases: 12, ...extra })

describe('services host', () => {
  it('switches to the sample caseload in a folder of its own and back, never mixing them', async () => {
    host = await createServicesHost(options())
    await host.current().patients.add({ name: 'Real Person' })
    expect(await host.useSample()).toEqual({ state: 'ready', dataDir: join(dir, 'sample'), sample: true })
    expect(host.current().queries.list()).toHaveLength(12)
    expect(host.current().patients.list().map((p) => p.name)).not.toContain('Real Person')
    expect(await host.useOwnData()).toMatchObject({ state: 'ready', sample: false })
    expect(host.current().patients.list().map((p) => p.name)).toEqual(['Real Person'])
    expect(host.current().queries.list()).toHaveLength(0)
    // Coming back to the sample does not write it twice.
    await host.useSample()
    expect(host.current().queries.list()).toHaveLength(12)
  })

  it('waits, locked, for the passphrase of an encrypted folder; a wrong one changes nothing', async () => {
    const made = await openServices({ dataDir: join(dir, 'data'), appVersion: 't', holder: 'setup', passphrase: 'correct horse', dailyBackup: false })
    await made.patients.add({ name: 'Secret Patient' })
    await made.close()
    const before = (await readdir(join(dir, 'data'), { recursive: true })).sort()

    host = await createServicesHost(options())
    const router = createRouter(createHandlers(host), { validateOutput: true })
    expect(await router.invoke('app.status', {})).toMatchObject({ ok: true, value: { state: 'locked', message: expect.stringMatching(/encrypted/) } })
    expect(await router.invoke('app.info', {})).toMatchObject({ ok: true, value: { encrypted: true, dataDir: join(dir, 'data') } })
    expect(await router.invoke('patients.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await router.invoke('app.unlock', { passphrase: 'wrong' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect((await readdir(join(dir, 'data'), { recursive: true })).sort()).toEqual(before)
    expect(await router.invoke('app.unlock', { passphrase: 'correct horse' })).toMatchObject({ ok: true, value: { state: 'ready' } })
    expect(await router.invoke('patients.list', {})).toMatchObject({ ok: true, value: [{ name: 'Secret Patient' }] })
  })
})

describe('attachments over IPC', () => {
  it('attaches a file the front door picked, by token (never a path from the window), and serves it by hash', async () => {
    const letter = join(dir, 'denial.pdf')
    await writeFile(letter, '%PDF-1.4 denial letter')
    let asked = 0
    host = await createServicesHost(options({ pickFiles: async () => (asked++, [letter]) }))
    const s = host.current()
    const p = await s.patients.add({ name: 'Ana Ruiz' })
    const o = await s.organizations.add({ name: 'Mercy', kind: 'hospital' })
    const c = await s.cases.add({ patientId: p.id, organizationId: o.id })
    const router = createRouter(createHandlers(host), { validateOutput: true })
    const picked = await router.invoke('files.pick', {})
    expect(picked).toEqual({ ok: true, value: { files: [{ token: expect.stringMatching(/^pick-/), name: 'denial.pdf', size: 22 }] } })
    expect(asked).toBe(1)
    const token = (picked as { value: { files: Array<{ token: string }> } }).value.files[0]?.token
    const added = await router.invoke('attachments.add', { caseId: c.id, token })
    expect(added).toMatchObject({ ok: true, value: { attachment: { name: 'denial.pdf', type: 'application/pdf', size: 22 } } })
    const sha256 = (added as { value: { attachment: { sha256: string } } }).value.attachment.sha256
    const res = await storedFileResponse(host.current(), DEFAULT_FILES_URL, `aa-file://${sha256}/denial.pdf`)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(await res.text()).toBe('%PDF-1.4 denial letter')
    // The window cannot name a path, nor reuse a token.
    expect(await router.invoke('attachments.add', { caseId: c.id, token: letter })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await router.invoke('attachments.add', { caseId: c.id, token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await s.cases.load(c.id)).events.map((e) => e.summary)).toEqual(['Attached denial.pdf'])
  })

  it('without a file dialog (the command line), files.pick says what to do instead', async () => {
    host = await createServicesHost(options())
    const router = createRouter(createHandlers(host), { validateOutput: true })
    expect(await router.invoke('files.pick', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/give the file’s path/) } })
  })
})
