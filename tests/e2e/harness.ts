// The end-to-end harness: the built renderer runs in Chromium, and `window.api.invoke` is answered
// from this test process by the real router and real services over a fresh temp data folder. The
// renderer cannot tell it from Electron's preload.
import * as fsp from 'node:fs/promises'
import { mkdtemp, rm, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { openServices, type AppServices } from '../../src/services/app-services'
import { workspaceSetup } from '../../src/services/workspace-setup'
import { createHandlers } from '../../src/services/handlers'
import { createServicesHost } from '../../src/services/host'
import { createRouter, type Router } from '../../src/services/router'
import type { EventHub } from '../../src/services/event-hub'
import { storedFileResponse } from '../../src/services/files'
import type { EventName, EventPayload } from '../../src/shared/event-contract'

export const APP_ORIGIN = 'http://access-advocate.invalid'
/** Where the harness serves stored files (aa-file:// in the app): a route of this test process. */
export const FILES_URL = `${APP_ORIGIN}/aa-file/`
const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

export type AppHarness = {
  page: Page
  dataDir: string
  /** The services the window talks to right now (the host may switch to the sample caseload). */
  readonly services: AppServices
  /** Where "Explore with sample data" keeps its caseload in this test. */
  sampleDir: string
  router: Router
  /**
   * Every call the page made, and the size of its answer as it crossed (JSON bytes); `at` is when it
   * reached the services (epoch ms, comparable with the page's timeOrigin + now()), `ms` how long they took.
   */
  calls: Array<{ channel: unknown; input: unknown; bytes?: number; at?: number; ms?: number }>
  /** Every event the services pushed, in order (whether or not the page was there to hear it). */
  pushed: Array<{ event: EventName; payload: unknown }>
  /** The hub the services push through; `events.emit` from a test reaches the page like a real event. */
  events: EventHub
  /**
   * The files the user "chooses" in the next file dialog (absolute paths), as Electron's native
   * dialog would hand them to the main process; an empty list is a cancelled dialog.
   */
  pickNext: (paths: string[]) => void
  /** How many times the window opened the file dialog. */
  dialogsOpened: () => number
  /**
   * Drops files on an element, as a user dragging them from the desktop: the page gets its drop
   * event, and the paths reach the services as the preload and main process would hand them over.
   */
  dropFiles: (target: import('@playwright/test').Locator, paths: string[]) => Promise<void>
  open: (path?: string) => Promise<void>
  /**
   * The desktop the main process would supply (Electron's dialog and shell), recording instead:
   * what the app opened with the system and showed in its folder, and what the next native
   * "Save as" dialog answers (a path, or null for a cancelled dialog).
   */
  desktop: { workingDir: string; opened: string[]; shown: string[]; saveNext: (path: string | null) => void }
}

type Fixtures = {
  app: AppHarness
  rootDir: string
  dataDir: string
  /** Set with `test.use({ encryptWith: '…' })`: the data folder is created encrypted, so the window starts locked. */
  encryptWith: string | undefined
  /**
   * Set with `test.use({ beforeOpen: { prepare } })`: prepares (or damages) the data folder before the
   * window's services open it. (Wrapped in an object: Playwright would take a bare function for a fixture.)
   */
  beforeOpen: { prepare: (dataDir: string) => Promise<void> } | undefined
  /** Set with `test.use({ slowCaseReads: 10 })`: every read of a case file takes this many ms more (a slow disk). */
  slowCaseReads: number | undefined
  /**
   * Set with `test.use({ firstRun: true })`: an empty folder opens on the first-run screen. Left
   * false, the harness answers it with "Not now" before the window opens, so other tests start where they always did.
   */
  firstRun: boolean
}

export const test = base.extend<Fixtures>({
  encryptWith: [undefined, { option: true }],
  beforeOpen: [undefined, { option: true }],
  slowCaseReads: [undefined, { option: true }],
  firstRun: [false, { option: true }],
  rootDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  dataDir: async ({ rootDir }, use) => {
    await use(join(rootDir, 'data'))
  },
  app: async ({ page, rootDir, dataDir, encryptWith, beforeOpen, slowCaseReads, firstRun }, use) => {
    await beforeOpen?.prepare(dataDir)
    if (encryptWith !== undefined) {
      const made = await openServices({ dataDir, appVersion: '9.9.9-e2e', holder: 'e2e setup', passphrase: encryptWith, dailyBackup: false })
      await made.close()
    }
    // The same host the app's main process uses: one data folder, the sample caseload beside it, unlock.
    const sampleDir = join(rootDir, 'sample-data')
    const picks: string[][] = []
    let dialogs = 0
    const saves: Array<string | null> = []
    const desktop = { workingDir: join(rootDir, 'Documents', 'Access Advocate', 'Letters'), opened: [] as string[], shown: [] as string[] }
    const host = await createServicesHost({
      dataDir,
      sampleDir,
      sampleCases: 12,
      appVersion: '9.9.9-e2e',
      holder: 'e2e harness',
      filesUrl: FILES_URL,
      ...(slowCaseReads !== undefined && { fs: slowDisk(slowCaseReads) }),
      pickFiles: async () => {
        dialogs++
        return picks.shift() ?? []
      },
      desktop: {
        workingDir: desktop.workingDir,
        chooseSavePath: async () => saves.shift() ?? null,
        openPath: async (path) => void desktop.opened.push(path),
        showInFolder: (path) => void desktop.shown.push(path)
      }
    })
    if (!firstRun && host.status().state === 'ready') {
      const setup = workspaceSetup(host.current().context)
      if (setup.needed()) await setup.skip()
    }
    const router = createRouter(createHandlers(host), { validateOutput: true })
    const calls: AppHarness['calls'] = []
    const pushed: AppHarness['pushed'] = []
    // As Electron's main process forwards the hub's events to its window, the test process pushes
    // them into the page; the page's window.api.on hears them exactly as it would the preload's.
    host.events.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
      pushed.push({ event, payload })
      page
        .evaluate(([name, value]) => (window as unknown as { __aaPush?: (n: unknown, v: unknown) => void }).__aaPush?.(name, value), [event, payload] as const)
        .catch(() => undefined) // the page is navigating or closed: like a window that is gone, it misses the event
    })
    // Electron hands the window each answer as one structured-clone value; Playwright's binding
    // would walk and re-serialise it field by field (2.5–6.7× slower for a large caseload), so the
    // answer crosses as one JSON string and is parsed once on the other side, as one value.
    await page.exposeBinding('__aaInvoke', async (_source, channel: unknown, sent: unknown) => {
      const input = typeof sent === 'string' ? (JSON.parse(sent) as { input?: unknown }).input : undefined
      const at = performance.timeOrigin + performance.now()
      const value = await router.invoke(channel, input)
      const t1 = performance.now()
      const answer = JSON.stringify(value)
      calls.push({ channel, input, bytes: Buffer.byteLength(answer), at, ms: t1 - (at - performance.timeOrigin) })
      return answer
    })
    await page.addInitScript(() => {
      const w = window as unknown as { __aaInvoke: (c: unknown, i: string) => Promise<string>; api: unknown }
      const listeners = new Set<{ event: unknown; handler: (payload: unknown) => void }>()
      // The test process's way in (the preload's ipcRenderer.on, in the app). Not part of window.api.
      Object.defineProperty(window, '__aaPush', {
        value: (event: unknown, payload: unknown) => {
          for (const l of [...listeners]) if (l.event === event) l.handler(payload)
        },
        writable: false
      })
      Object.defineProperty(window, 'api', {
        value: Object.freeze({
          invoke: async (channel: unknown, input: unknown) => JSON.parse(await w.__aaInvoke(channel, JSON.stringify({ input }))) as unknown,
          on: (event: unknown, handler: (payload: unknown) => void) => {
            const entry = { event, handler }
            listeners.add(entry)
            return () => void listeners.delete(entry)
          }
        }),
        writable: false
      })
    })
    // Like the app, the page may load its own files and nothing else.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient')
      if (route.request().url().startsWith(FILES_URL)) {
        // The same code that answers aa-file:// in the app (src/services/files.ts).
        const res = await storedFileResponse(host.current(), FILES_URL, route.request().url())
        return route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) })
      }
      const file = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)))
      if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 403 })
      try {
        const body = await readFile(file)
        return route.fulfill({ status: 200, body, contentType: MIME[extname(file)] ?? 'application/octet-stream' })
      } catch {
        return route.fulfill({ status: 404, body: 'not found' })
      }
    })
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    const harness: AppHarness = {
      page,
      dataDir,
      get services() {
        return host.current()
      },
      sampleDir,
      router,
      calls,
      pushed,
      events: host.events,
      pickNext: (paths) => void picks.push(paths),
      dropFiles: async (target, paths) => {
        await target.dispatchEvent('dragover')
        await target.dispatchEvent('drop')
        host.events.emit('files.dropped', { files: await host.files.register(paths) })
      },
      dialogsOpened: () => dialogs,
      desktop: { ...desktop, saveNext: (path) => void saves.push(path) },
      open: async (path = '/index.html') => {
        await page.goto(`${APP_ORIGIN}${path}`)
      }
    }
    await use(harness)
    await host.close()
    if (pageErrors.length) throw new Error(`The page threw: ${pageErrors.join(' | ')}`)
  }
})

export { expect } from '@playwright/test'

/** node:fs/promises, with every read of a case file delayed: long work takes long enough to watch and cancel. */
function slowDisk(ms: number): typeof fsp {
  const readFile = (async (...args: Parameters<typeof fsp.readFile>) => {
    if (/[/\\]cases[/\\][^/\\]+\.json$/.test(String(args[0]))) await new Promise((r) => setTimeout(r, ms))
    return fsp.readFile(...args)
  }) as typeof fsp.readFile
  return { ...fsp, readFile }
}

/** Today on this machine as YYYY-MM-DD (the app's clock runs on the real date). */
export function todayIso(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export type SeededCase = { patientId: string; organizationId: string; caseId: string }

/**
 * Seeds one patient, one organization and one case through the real services (so every write is
 * validated), with the given events logged on the case.
 */
export async function seedCase(
  services: AppServices,
  opts: {
    patient: string
    organization: string
    events?: Array<Parameters<AppServices['cases']['addEvent']>[1]>
    items?: Array<{ id: string; recordType: 'labs' | 'images' | 'visit-notes' | 'imaging-reports'; label: string }>
    /** Other fields of the case (state, tags, priority, profile…). */
    fields?: Omit<Parameters<AppServices['cases']['add']>[0], 'patientId' | 'organizationId' | 'requested'>
  }
): Promise<SeededCase> {
  const patient = await services.patients.add({ name: opts.patient })
  const org = await services.organizations.add({ name: opts.organization, kind: 'hospital' })
  const c = await services.cases.add({ ...opts.fields, patientId: patient.id, organizationId: org.id, requested: { items: opts.items ?? [], range: {} } })
  for (const e of opts.events ?? []) await services.cases.addEvent(c.id, e)
  return { patientId: patient.id, organizationId: org.id, caseId: c.id }
}

/** The scenario of the brief: received Wed 2 Sep 2026 by fax, nothing since → overdue, due Fri 2 Oct 2026. */
export const OVERDUE_SINCE_OCT_2026 = { type: 'request-received', date: '2026-09-02', direction: 'incoming', channel: 'fax', summary: 'Fax confirmation received' } as const
