// Exports from the window go through the front door's "Save as" dialog: the main process asks where,
// then writes there, so no bytes cross to the window. Closing the dialog makes nothing.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/services/handlers'
import { createServicesHost, type ServicesHost } from '../../../src/services/host'
import type { Desktop } from '../../../src/services/letters/desktop'
import { createRouter, type Router } from '../../../src/services/router'

let dir: string
let host: ServicesHost
let router: Router
const asked: Array<{ title: string; defaultName: string }> = []
let answer: string | null = null

async function open(withDesktop: boolean) {
  const desktop: Desktop = {
    workingDir: join(dir, 'work'),
    chooseSavePath: async (options) => (asked.push(options), answer),
    openPath: async () => undefined,
    showInFolder: () => undefined
  }
  host = await createServicesHost({ dataDir: join(dir, 'data'), sampleDir: join(dir, 'sample'), appVersion: 't', holder: 'test', dailyBackup: false, ...(withDesktop && { desktop }) })
  router = createRouter(createHandlers(host), { validateOutput: true })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-save-as-'))
  asked.length = 0
  answer = null
})
afterEach(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

describe('exports saved through the "Save as" dialog', () => {
  it('asks with a sensible name, writes the file where the user chose, and sends back the path, not the bytes', async () => {
    await open(true)
    await router.invoke('patients.add', { patient: { name: 'Ana Ruiz' } })
    answer = join(dir, 'chosen', '..', 'everything.zip')
    const r = await router.invoke('interop.exportAll', { saveAs: true })
    expect(r).toMatchObject({ ok: true, value: { path: answer, base64: null } })
    expect(asked).toEqual([{ title: 'Save the full export', defaultName: 'access-advocate-export.zip' }])
    const zip = await JSZip.loadAsync(await readFile(answer))
    expect(Object.keys(zip.files).length).toBeGreaterThan(1)
  })

  it('names each export by what it holds', async () => {
    await open(true)
    answer = join(dir, 'out.file')
    for (const [channel, input] of [
      ['interop.csvExport', { what: 'requests', saveAs: true }],
      ['interop.csvExport', { what: 'cases', saveAs: true }],
      ['interop.calendar', { saveAs: true }]
    ] as const) {
      expect(await router.invoke(channel, input)).toMatchObject({ ok: true, value: { path: answer, base64: null } })
    }
    expect(asked.map((a) => a.defaultName)).toEqual(['request-log.csv', 'cases.csv', 'access-advocate.ics'])
  })

  it('a closed dialog is CANCELLED and writes nothing', async () => {
    await open(true)
    answer = null
    const r = await router.invoke('interop.calendar', { saveAs: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/Nothing was saved.*access-advocate\.ics/) } })
    expect((await readdir(dir)).sort()).toEqual(['data'])
  })

  it('without a desktop (the command line) saveAs is refused with what to do instead', async () => {
    await open(false)
    const r = await router.invoke('interop.exportAll', { saveAs: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('--out FILE') } })
  })
})
