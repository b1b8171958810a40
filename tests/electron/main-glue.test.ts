// The Electron glue, tested without Electron: the built main bundle runs under Node against a
// recording stand-in, and we assert what it asked Electron to do.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { cp, mkdir, symlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IPC_EVENT, IPC_INVOKE } from '../../src/shared/contract'
import { COMMANDS } from '../../src/shared/commands'
import { loadMain, quitMain } from './load-main'

const RENDERER_INDEX = resolve(__dirname, '../../out/renderer/index.html')
/** The window's page: served by main on its own scheme, never from file:// (so the file-privileges fuse is off). */
const APP_PAGE = 'app://bundle/index.html'
let dir: string
let running: Array<Awaited<ReturnType<typeof loadMain>>> = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-glue-'))
  process.env['ACCESS_ADVOCATE_DATA_DIR'] = join(dir, 'data')
})
afterEach(async () => {
  for (const fake of running) await quitMain(fake)
  running = []
  delete process.env['ACCESS_ADVOCATE_DATA_DIR']
  await rm(dir, { recursive: true, force: true })
})

async function started() {
  const fake = await loadMain({ userData: join(dir, 'user-data') })
  running.push(fake)
  const win = fake.record.windows[0]
  if (!win) throw new Error(`no window was created; error boxes: ${JSON.stringify(fake.record.errorBoxes)}`)
  return { ...fake, win }
}

type Event = { defaultPrevented: boolean; preventDefault: () => void; url?: string }
const event = (url?: string): Event => {
  const e: Event = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true), url }
  return e
}

describe('main window', () => {
  it('is sandboxed, context-isolated, without Node, and loads the built renderer through the preload', async () => {
    const { win } = await started()
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: true // not packaged: a developer build keeps them
    })
    expect(String(win.options.webPreferences?.['preload'])).toMatch(/out[/\\]preload[/\\]index\.js$/)
    expect(win.loaded.file).toBeUndefined()
    expect(win.loaded.url).toBe(APP_PAGE)
  })

  it('serves the built renderer on app://bundle/, only files inside it, and registers the scheme as a secure standard one', async () => {
    const { record } = await started()
    expect(record.privilegedSchemes).toContainEqual(
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) })
    )
    const serve = record.protocolHandlers.get('app')
    if (!serve) throw new Error('app:// is not handled')
    const page = await serve(new Request(APP_PAGE))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await page.text()
    expect(html).toBe(await readFile(RENDERER_INDEX, 'utf8'))
    // The CSP is strict: no inline scripts or styles, nothing remote.
    expect(html).toMatch(/script-src 'self';/)
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/)
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    if (!script) throw new Error('no script in the built page')
    const js = await serve(new Request(`app://bundle/${script}`))
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    for (const outside of [
      'app://bundle/../main/index.js',
      'app://bundle/%2e%2e/main/index.js',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://bundle/..%5cmain%5cindex.js',
      'app://other/index.html',
      'app://bundle/index.html?x=1',
      'app://bundle/',
      'app://bundle/no-such-file.js'
    ]) {
      expect((await serve(new Request(outside))).status, outside).toBe(404)
    }
  })

  it('ships with the file-protocol privileges fuse off (the page no longer comes from file://)', async () => {
    const config = await readFile(resolve(__dirname, '../../electron-builder.yml'), 'utf8')
    const fuse = (name: string) => new RegExp(`^\\s+${name}:\\s*(\\w+)`, 'm').exec(config)?.[1]
    expect(fuse('grantFileProtocolExtraPrivileges')).toBe('false')
    expect(fuse('runAsNode')).toBe('false')
  })

  it('denies window.open and refuses navigation away from the app', async () => {
    const { win } = await started()
    expect(win.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' })
    const nav = event()
    win.webContents.emit('will-navigate', nav, 'https://evil.example/')
    expect(nav.defaultPrevented).toBe(true)
    const webview = event()
    win.webContents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)
    const frame = event('https://evil.example/frame')
    win.webContents.emit('will-frame-navigate', frame)
    expect(frame.defaultPrevented).toBe(true)
  })

  it('denies every permission request and check', async () => {
    const { record } = await started()
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      ;(record.permissionRequestHandler as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, (ok) => answers.push(ok))
    }
    expect(answers).toEqual([false, false, false, false])
    expect((record.permissionCheckHandler as () => boolean)()).toBe(false)
  })

  it('refuses every network request that is not one of the app’s own files', async () => {
    const { record } = await started()
    const decide = (url: string) => {
      let cancel: boolean | undefined
      ;(record.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('https://example.com/tracker.js')).toBe(true)
    expect(decide('http://127.0.0.1:8080/')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
    // The built page itself is no longer loaded from file://: only from app://bundle/.
    expect(decide(pathToFileURL(RENDERER_INDEX).href)).toBe(true)
    expect(decide(APP_PAGE)).toBe(false)
    expect(decide(`${APP_PAGE}#/caseload`)).toBe(false)
    expect(decide('app://bundle/..%2fmain%2findex.js')).toBe(true)
    expect(decide('app://elsewhere/index.html')).toBe(true)
    expect(decide('blob:app://bundle/0b8f-4c1e')).toBe(false)
  })

  it('cancels downloads, except a "Save a copy…" the page made from its own blob:, which asks where to save', async () => {
    const { record } = await started()
    const item = (url: string) => {
      const options: unknown[] = []
      return { options, getURL: () => url, getFilename: () => 'denial.pdf', setSaveDialogOptions: (o: unknown) => options.push(o) }
    }
    const remote = event()
    const remoteItem = item('https://example.com/malware.exe')
    record.sessionEvents.emit('will-download', remote, remoteItem)
    expect(remote.defaultPrevented).toBe(true)
    expect(remoteItem.options).toEqual([])
    const own = event()
    const ownItem = item('blob:app://bundle/0b8f-4c1e')
    record.sessionEvents.emit('will-download', own, ownItem)
    expect(own.defaultPrevented).toBe(false)
    expect(ownItem.options).toEqual([{ title: 'Save a copy', defaultPath: 'denial.pdf' }])
  })
})

describe('installed under a path with a space (e.g. /opt/Access Advocate)', () => {
  it('accepts its own page: the request filter lets it load and the sender check answers it', async () => {
    const install = join(dir, 'Access Advocate', 'resources', 'app')
    await mkdir(install, { recursive: true })
    await cp(resolve(__dirname, '../../out'), join(install, 'out'), { recursive: true })
    await cp(resolve(__dirname, '../../package.json'), join(install, 'package.json'))
    // The bundle's dependencies, as the installer's asar would hold them.
    await symlink(resolve(__dirname, '../../node_modules'), join(install, 'node_modules'))
    const fake = await loadMain({ userData: join(dir, 'user-data'), bundle: join(install, 'out', 'main', 'index.js') })
    running.push(fake)
    const win = fake.record.windows[0]
    if (!win) throw new Error(`no window: ${JSON.stringify(fake.record.errorBoxes)}`)
    const page = win.webContents.getURL()
    expect(page).toBe(APP_PAGE)
    // The page is read from the install folder, space and all.
    const served = await fake.record.protocolHandlers.get('app')?.(new Request(page))
    expect(served?.status).toBe(200)
    expect(await served?.text()).toBe(await readFile(join(install, 'out', 'renderer', 'index.html'), 'utf8'))
    let cancel: boolean | undefined
    ;(fake.record.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url: page }, (r) => (cancel = r.cancel))
    expect(cancel).toBe(false)
    const handler = fake.record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<unknown>
    await expect(handler({ sender: { id: win.webContents.id }, senderFrame: { url: page, parent: null } }, 'app.info', {})).resolves.toMatchObject({ ok: true })
  })
})

describe('packaged', () => {
  it('turns DevTools off, and spellcheck (which may fetch dictionaries) is off always', async () => {
    const fake = await loadMain({ userData: join(dir, 'user-data'), packaged: true })
    running.push(fake)
    const win = fake.record.windows[0]
    expect(win?.options.webPreferences).toMatchObject({ devTools: false, spellcheck: false })
  })
})

describe('single instance', () => {
  it('asks for the lock and, when another instance holds it, quits without opening a window', async () => {
    const fake = await loadMain({ userData: join(dir, 'user-data'), singleInstance: false })
    expect(fake.record.singleInstanceRequested).toBe(true)
    expect(fake.record.quitCalled).toBe(true)
    expect(fake.record.windows).toHaveLength(0)
    expect(fake.record.ipcHandlers.size).toBe(0)
  })
})

describe('IPC', () => {
  it('registers one invoke channel that answers our window through the real router', async () => {
    const { record, win } = await started()
    expect([...record.ipcHandlers.keys()]).toEqual([IPC_INVOKE])
    const handler = record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<unknown>
    const ours = { sender: { id: win.webContents.id }, senderFrame: { url: APP_PAGE, parent: null } }
    await expect(handler(ours, 'app.info', {})).resolves.toMatchObject({
      ok: true,
      value: { version: '1.2.3-fake', dataDir: join(dir, 'data') }
    })
    await expect(handler(ours, 'app.info', { extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses calls from another web contents or from a foreign page', async () => {
    const { record, win } = await started()
    const handler = record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<unknown>
    const own = APP_PAGE
    const otherContents = { sender: { id: win.webContents.id + 100 }, senderFrame: { url: own, parent: null } }
    const foreignFrame = { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } }
    // Our own page, but a sub-frame; or a frame whose URL the page minted (data:, blob:) or DevTools.
    const subFrame = { sender: { id: win.webContents.id }, senderFrame: { url: own, parent: { url: own } } }
    const minted = ['data:text/html,<script>1</script>', 'blob:app://bundle/0b8f-4c1e', 'devtools://devtools/bundled/inspector.html']
    for (const e of [otherContents, foreignFrame, subFrame, ...minted.map((url) => ({ sender: { id: win.webContents.id }, senderFrame: { url, parent: null } }))]) {
      await expect(handler(e, 'app.info', {}), JSON.stringify(e.senderFrame)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
  })

  it('pushes events to our own window only while it shows one of the app’s pages', async () => {
    const { record, win } = await started()
    const handler = record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<unknown>
    const ours = { sender: { id: win.webContents.id }, senderFrame: { url: APP_PAGE, parent: null } }
    await expect(handler(ours, 'app.useSample', {})).resolves.toMatchObject({ ok: true, value: { sample: true } })
    const switched = win.webContents.sent.filter(([channel, name]) => channel === IPC_EVENT && name === 'data.switched')
    expect(switched).toEqual([[IPC_EVENT, 'data.switched', { dataDir: expect.stringMatching(/sample-data$/), sample: true }]])
    // A page that is not ours (it should never get there; navigation is refused) hears nothing.
    win.webContents.url = 'https://evil.example/'
    const before = win.webContents.sent.length
    await expect(handler(ours, 'app.useOwnData', {})).resolves.toMatchObject({ ok: true })
    expect(win.webContents.sent.length).toBe(before)
    // Nor does a window that is gone.
    win.webContents.url = APP_PAGE
    win.webContents.destroyed = true
    await expect(handler(ours, 'app.useSample', {})).resolves.toMatchObject({ ok: true })
    expect(win.webContents.sent.length).toBe(before)
  })
})

describe('files', () => {
  it('picks files with the native dialog, attaches by token, and serves the stored file by hash on aa-file://', async () => {
    const { record, win } = await started()
    const handler = record.ipcHandlers.get(IPC_INVOKE) as (e: unknown, c: unknown, i: unknown) => Promise<{ ok: boolean; value?: never; error?: unknown }>
    const ours = { sender: { id: win.webContents.id }, senderFrame: { url: APP_PAGE, parent: null } }
    expect(record.privilegedSchemes).toContainEqual(expect.objectContaining({ scheme: 'aa-file', privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) }))
    const letter = join(dir, 'denial letter.txt')
    await writeFile(letter, 'We deny your request.')
    record.nextPick = { canceled: false, filePaths: [letter] }
    const picked = (await handler(ours, 'files.pick', {})) as unknown as { ok: true; value: { files: Array<{ token: string; name: string; size: number }> } }
    expect(record.openDialogs).toHaveLength(1)
    expect(picked.value.files).toEqual([{ token: expect.stringMatching(/^pick-/), name: 'denial letter.txt', size: 21 }])
    const patient = (await handler(ours, 'patients.add', { patient: { name: 'Ana Ruiz' } })) as unknown as { value: { id: string } }
    const org = (await handler(ours, 'orgs.add', { organization: { name: 'Mercy General', kind: 'hospital' } })) as unknown as { value: { id: string } }
    const c = (await handler(ours, 'cases.add', { case: { patientId: patient.value.id, organizationId: org.value.id } })) as unknown as { value: { id: string } }
    const added = (await handler(ours, 'attachments.add', { caseId: c.value.id, token: picked.value.files[0]?.token })) as unknown as {
      value: { attachment: { sha256: string; type: string } }
    }
    expect(added.value.attachment.type).toBe('text/plain')
    // A token is spent once: the window cannot replay it, and cannot name a path of its own.
    expect(await handler(ours, 'attachments.add', { caseId: c.value.id, token: picked.value.files[0]?.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await handler(ours, 'attachments.add', { caseId: c.value.id, token: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const serve = record.protocolHandlers.get('aa-file')
    if (!serve) throw new Error('aa-file:// is not handled')
    const res = await serve(new Request(`aa-file://${added.value.attachment.sha256}/denial%20letter.txt?download=1`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain')
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''denial%20letter.txt")
    expect(await res.text()).toBe('We deny your request.')
    expect((await serve(new Request(`aa-file://${'0'.repeat(64)}/x.pdf`))).status).toBe(404)
    // A stored file is content for the window, never a page that may call the services.
    const fromPreview = { sender: { id: win.webContents.id }, senderFrame: { url: `aa-file://${added.value.attachment.sha256}/x.txt`, parent: null } }
    expect(await handler(fromPreview, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })

    // Files dropped on the window: the preload sends their paths; our window hears tokens back.
    const dropped = record.ipcListeners.get('aa:dropped') as ((e: unknown, paths: unknown) => void) | undefined
    if (!dropped) throw new Error('drops are not accepted')
    const foreign = { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } }
    dropped(foreign, [letter])
    dropped(ours, 'not a list')
    dropped(ours, [letter])
    await expect
      .poll(() => win.webContents.sent.filter(([channel, name]) => channel === IPC_EVENT && name === 'files.dropped'))
      .toEqual([[IPC_EVENT, 'files.dropped', { files: [{ token: expect.stringMatching(/^pick-/), name: 'denial letter.txt', size: 21 }] }]])
  })
})

describe('start-up failure', () => {
  it('shows a friendly message and exits when the data folder cannot be written', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, 'not a folder')
    process.env['ACCESS_ADVOCATE_DATA_DIR'] = join(blocker, 'data') // a folder under a file: ENOTDIR
    const fake = await loadMain({ userData: join(dir, 'user-data') })
    expect(fake.record.windows).toHaveLength(0)
    expect(fake.record.exitCode).toBe(1)
    expect(fake.record.errorBoxes[0]?.content).toMatch(/cannot write to its data folder .*a-file/)
    expect(fake.record.errorBoxes[0]?.content).not.toMatch(/\n\s+at /) // no stack trace
  })
})

describe('quit', () => {
  it('closes the data folder before quitting, releasing its lock', async () => {
    const fake = await loadMain({ userData: join(dir, 'user-data') })
    expect(fake.record.windows).toHaveLength(1)
    await quitMain(fake)
    expect(fake.record.quitCalled).toBe(true)
    // The folder can be opened again at once: the lock was released.
    const again = await loadMain({ userData: join(dir, 'user-data') })
    running.push(again)
    expect(again.record.windows).toHaveLength(1)
  })
})

describe('app menu', () => {
  type Item = { id?: string; label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void; submenu?: Item[]; role?: string }
  const items = (template: unknown): Item[] => (template as Item[]).flatMap((m) => [m, ...(m.submenu ?? [])])

  it('holds every window command with its key, and a click reaches our window as a menu.command push event', async () => {
    const { record, win } = await started()
    const commands = items(record.menuTemplate).filter((i) => i.id?.startsWith('command:'))
    expect(commands.map((i) => i.id)).toEqual(COMMANDS.map((c) => `command:${c.id}`))
    for (const c of COMMANDS) {
      const item = commands.find((i) => i.id === `command:${c.id}`)
      expect(item).toMatchObject({ label: c.label, registerAccelerator: false })
      // Shown in the menu, never registered: typing "n" in a field must not open a new case.
      expect(item?.accelerator).toBe(c.shown === '?' ? 'Shift+/' : c.shown)
    }
    win.webContents.url = APP_PAGE
    commands.find((i) => i.id === 'command:add-event')?.click?.()
    expect(win.webContents.sent.filter(([channel, name]) => channel === IPC_EVENT && name === 'menu.command')).toEqual([[IPC_EVENT, 'menu.command', { command: 'add-event' }]])
    // No developer menu outside a developer build.
    expect(items(record.menuTemplate).some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('has no DevTools item when packaged', async () => {
    const fake = await loadMain({ userData: join(dir, 'user-data'), packaged: true })
    running.push(fake)
    expect(items(fake.record.menuTemplate).some((i) => i.role === 'toggleDevTools')).toBe(false)
  })
})

describe('window size and position', () => {
  const stateFile = () => join(dir, 'user-data', 'window-state.json')
  const close = (win: { emit: (e: string, ...a: unknown[]) => boolean }) => win.emit('close', event())

  it('are remembered when the window closes and used at the next start', async () => {
    const first = await started()
    expect(first.win.options).toMatchObject({ width: 1280, height: 820, minWidth: 900, minHeight: 600 })
    expect(first.win.options['x']).toBeUndefined()
    first.win.normalBounds = { x: 120, y: 80, width: 1440, height: 900 }
    close(first.win)
    expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toEqual({ x: 120, y: 80, width: 1440, height: 900, maximized: false })
    await quitMain(first)
    running = running.filter((r) => r !== first)
    const again = await started()
    expect(again.win.options).toMatchObject({ x: 120, y: 80, width: 1440, height: 900 })
  })

  it('a position no display shows any more (a monitor unplugged) is dropped; a size too large is cut to the display', async () => {
    await mkdir(join(dir, 'user-data'), { recursive: true })
    await writeFile(stateFile(), JSON.stringify({ x: 2600, y: 200, width: 2400, height: 1400, maximized: true }))
    const fake = await loadMain({ userData: join(dir, 'user-data'), displays: [{ workArea: { x: 0, y: 0, width: 1600, height: 860 } }] })
    running.push(fake)
    const win = fake.record.windows[0]
    expect(win?.options['x']).toBeUndefined()
    expect(win?.options['y']).toBeUndefined()
    expect(win?.options).toMatchObject({ width: 1600, height: 860 })
    expect((win as unknown as { maximized: boolean }).maximized).toBe(true)
  })

  it('a damaged or tampered file is ignored (zod), and the window opens at its defaults', async () => {
    await mkdir(join(dir, 'user-data'), { recursive: true })
    for (const bad of ['{not json', JSON.stringify({ width: 10, height: 10 }), JSON.stringify({ width: 1200, height: 800, x: 'left', extra: 1 })]) {
      await writeFile(stateFile(), bad)
      const fake = await loadMain({ userData: join(dir, 'user-data') })
      expect(fake.record.windows[0]?.options, bad).toMatchObject({ width: 1280, height: 820 })
      await quitMain(fake)
    }
  })
})
