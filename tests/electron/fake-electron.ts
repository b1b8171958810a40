// A recording stand-in for the `electron` module: enough of app, BrowserWindow, ipcMain, session,
// Menu and dialog for the built main bundle to run under plain Node, recording everything it asks for.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

type Handler = (...args: never[]) => unknown

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  windowOpenHandler: Handler | undefined
  url = ''
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.url
  }
  /** What the main process pushed to this page with send(), in order. */
  readonly sent: unknown[][] = []
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  destroyed = false
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

/** `version`: what app.getVersion() answers (real Electron reads package.json; tests default to a marker). */
export type FakeDisplay = { workArea: { x: number; y: number; width: number; height: number } }

export function createFakeElectron(options: { singleInstance?: boolean; userData: string; version?: string; packaged?: boolean; displays?: FakeDisplay[] }) {
  const record = {
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Handler>(),
    ipcListeners: new Map<string, Handler>(),
    errorBoxes: [] as Array<{ title: string; content: string }>,
    exitCode: undefined as number | undefined,
    quitCalled: false,
    singleInstanceRequested: false,
    menuSet: false,
    permissionRequestHandler: undefined as Handler | undefined,
    permissionCheckHandler: undefined as Handler | undefined,
    beforeRequest: undefined as Handler | undefined,
    sessionEvents: new EventEmitter(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    openDialogs: [] as unknown[],
    /** What the next showOpenDialog answers (a test sets it, like a user choosing files). */
    nextPick: { canceled: true, filePaths: [] as string[] },
    /** The application menu's template, as given to Menu.buildFromTemplate. */
    menuTemplate: undefined as unknown,
    /** What screen.getAllDisplays() answers: one 1920×1080 display unless a test says otherwise. */
    displays: options.displays ?? [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }]
  }

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    loaded: { file?: string; url?: string } = {}
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super()
      record.windows.push(this)
    }
    async loadFile(file: string): Promise<void> {
      this.loaded.file = file
      // As Chromium does: percent-encoded (a space in the install path becomes %20).
      this.webContents.url = pathToFileURL(file).href
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.url = url
      this.webContents.url = url
    }
    isMinimized(): boolean {
      return false
    }
    maximized = false
    maximize(): void {
      this.maximized = true
    }
    isMaximized(): boolean {
      return this.maximized
    }
    /** Where the user left the window (a test moves it, as a user would). */
    normalBounds = { x: 0, y: 0, width: 0, height: 0 }
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return this.normalBounds
    }
    restore(): void {}
    focus(): void {}
    show(): void {}
  }

  let readyResolve: () => void = () => {}
  const ready = new Promise<void>((r) => (readyResolve = r))
  const appEvents = new EventEmitter()
  const app = Object.assign(appEvents, {
    isPackaged: options.packaged ?? false,
    requestSingleInstanceLock: () => {
      record.singleInstanceRequested = true
      return options.singleInstance ?? true
    },
    whenReady: () => ready,
    getPath: (name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`),
    getVersion: () => options.version ?? '1.2.3-fake',
    quit: () => {
      record.quitCalled = true
    },
    exit: (code: number) => {
      record.exitCode = code
    }
  })

  const session = {
    defaultSession: Object.assign(record.sessionEvents, {
      setPermissionRequestHandler: (h: Handler) => (record.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: Handler) => (record.permissionCheckHandler = h),
      webRequest: { onBeforeRequest: (h: Handler) => (record.beforeRequest = h) }
    })
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, h: Handler) => record.ipcHandlers.set(channel, h),
      on: (channel: string, h: Handler) => record.ipcListeners.set(channel, h)
    },
    session,
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push({ title, content }),
      showOpenDialog: async (...args: unknown[]) => {
        record.openDialogs.push(args)
        return record.nextPick
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => record.protocolHandlers.set(scheme, handler)
    },
    Menu: {
      buildFromTemplate: (t: unknown) => (record.menuTemplate = t),
      setApplicationMenu: () => (record.menuSet = true)
    },
    screen: { getAllDisplays: () => record.displays }
  }
  return { electron, record, becomeReady: () => readyResolve() }
}
