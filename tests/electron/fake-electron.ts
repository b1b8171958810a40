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
  /** Scripts the main process ran in the page (only a hash change, for a notification's click). */
  readonly scripts: string[] = []
  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code)
    return undefined
  }
  destroyed = false
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** What printToPDF was asked, in order; the test sets what it answers (bytes, or an error to throw). */
  readonly printed: unknown[] = []
  printAnswer: Uint8Array | Error = new TextEncoder().encode('%PDF-1.7\n% fake\n')
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options)
    if (this.printAnswer instanceof Error) throw this.printAnswer
    return Buffer.from(this.printAnswer)
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

/** `version`: what app.getVersion() answers (real Electron reads package.json; tests default to a marker). */
export function createFakeElectron(options: { singleInstance?: boolean; userData: string; version?: string; packaged?: boolean; documents?: string }) {
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
    /** Desktop notifications shown, with a way to click them. */
    notifications: [] as FakeNotification[],
    /** What Notification.isSupported() answers. */
    notificationsSupported: true,
    /** What the next showOpenDialog answers (a test sets it, like a user choosing files). */
    nextPick: { canceled: true, filePaths: [] as string[] },
    saveDialogs: [] as unknown[],
    /** What the next showSaveDialog answers. */
    nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
    /** Files the app asked the system to open (shell.openPath), and what the system answers ("" is success). */
    openedPaths: [] as string[],
    openPathAnswer: '',
    shownInFolder: [] as string[],
    /** What printToPDF answers in windows made from now on (bytes, or an error it throws). */
    printAnswer: undefined as Uint8Array | Error | undefined,
    /** Sessions of their own (session.fromPartition), by partition name, with what was set on them. */
    partitions: new Map<string, { permissionRequestHandler?: Handler; permissionCheckHandler?: Handler; beforeRequest?: Handler; events: EventEmitter }>()
  }

  class FakeNotification extends EventEmitter {
    static isSupported(): boolean {
      return record.notificationsSupported
    }
    shown = false
    constructor(readonly options: { title: string; body: string }) {
      super()
    }
    show(): void {
      this.shown = true
      record.notifications.push(this)
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    loaded: { file?: string; url?: string } = {}
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super()
      if (record.printAnswer !== undefined) this.webContents.printAnswer = record.printAnswer
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
    restore(): void {}
    focus(): void {}
    show(): void {}
    destroyed = false
    destroy(): void {
      this.destroyed = true
      this.webContents.destroyed = true
    }
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
    getPath: (name: string) => (name === 'userData' ? options.userData : name === 'documents' && options.documents ? options.documents : `/nonexistent/${name}`),
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
    }),
    fromPartition: (partition: string) => {
      const recorded = record.partitions.get(partition) ?? { events: new EventEmitter() }
      record.partitions.set(partition, recorded)
      return Object.assign(recorded.events, {
        setPermissionRequestHandler: (h: Handler) => (recorded.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Handler) => (recorded.permissionCheckHandler = h),
        webRequest: { onBeforeRequest: (h: Handler) => (recorded.beforeRequest = h) }
      })
    }
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
      },
      showSaveDialog: async (...args: unknown[]) => {
        record.saveDialogs.push(args)
        return record.nextSave
      }
    },
    shell: {
      openPath: async (path: string) => {
        record.openedPaths.push(path)
        return record.openPathAnswer
      },
      showItemInFolder: (path: string) => void record.shownInFolder.push(path)
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => record.protocolHandlers.set(scheme, handler)
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => (record.menuSet = true) },
    Notification: FakeNotification
  }
  return { electron, record, becomeReady: () => readyResolve() }
}
