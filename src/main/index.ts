// Electron glue: app lifecycle, one instance, the hardened window and the IPC bridge to the services.
// Everything that can run without Electron lives in src/services; this file only wires it up.
import { join } from 'node:path'
import { format } from 'date-fns'
import { app, dialog, ipcMain, protocol, session, BrowserWindow, Notification } from 'electron'
import { createServicesHost, type ServicesHost } from '../services/host'
import { createHandlers } from '../services/handlers'
import { createRouter } from '../services/router'
import { isAppError } from '#shared/errors'
import { acceptDrops, forwardEvents, registerIpc } from './ipc'
import { createMainWindow } from './window'
import { hardenSession, makeAppUrlCheck, makeOwnPageCheck } from './security'
import { installMenu } from './menu'
import { printHtmlToPdf } from './print-pdf'
import { electronDesktop } from './desktop'
import { FILE_SCHEME, DEFAULT_FILES_URL } from '#shared/files'
import { storedFileResponse } from '../services/files'
import { notifyDueToday } from './notifications'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from './app-protocol'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const rendererDir = join(__dirname, '../renderer')
const isAppUrl = makeAppUrlCheck(rendererDir, devServerUrl)
const isOwnPage = makeOwnPageCheck(rendererDir, devServerUrl)
let mainWindow: BrowserWindow | undefined
let services: ServicesHost | undefined

// The window's page comes from app://bundle/ (not file://, so the grantFileProtocolExtraPrivileges
// fuse is off); stored files reach it at aa-file://<sha256>/<name>. Both schemes must be known before ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES },
  { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }
])

/** The native "open file" dialog, over our window: the only way a path reaches the services from the window. */
async function pickFiles(options: { multiple: boolean }): Promise<string[]> {
  const properties: Array<'openFile' | 'multiSelections'> = options.multiple ? ['openFile', 'multiSelections'] : ['openFile']
  const picked = mainWindow
    ? await dialog.showOpenDialog(mainWindow, { title: 'Attach a file', properties })
    : await dialog.showOpenDialog({ title: 'Attach a file', properties })
  return picked.canceled ? [] : picked.filePaths
}

export function dataDirFromEnvironment(): string {
  return process.env['ACCESS_ADVOCATE_DATA_DIR'] || join(app.getPath('userData'), 'data')
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, isAppUrl)
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url))
  // A menu command goes to the window like every pushed event: only to our own page.
  installMenu(app.isPackaged, (command) => services?.events.emit('menu.command', { command }))
  try {
    const dataDir = dataDirFromEnvironment()
    services = await createServicesHost({
      dataDir,
      sampleDir: join(dataDir, '..', 'sample-data'),
      appVersion: app.getVersion(),
      holder: 'Access Advocate app',
      printPdf: printHtmlToPdf,
      watchFolder: true,
      pickFiles,
      desktop: electronDesktop(() => mainWindow),
      filesUrl: DEFAULT_FILES_URL
    })
  } catch (error) {
    const message = isAppError(error) ? error.message : `Access Advocate could not start: ${String(error)}`
    dialog.showErrorBox('Access Advocate cannot open its data', message)
    app.exit(1)
    return
  }
  const handlers = createHandlers(services)
  const router = createRouter(handlers, { logError: (ch, e) => console.error(`[ipc ${ch}]`, e) })
  registerIpc(ipcMain, router, isOwnPage, () => mainWindow?.webContents.id)
  const host = services
  forwardEvents(host.events, isAppUrl, () => mainWindow?.webContents)
  acceptDrops(ipcMain, () => host.files, host.events, isOwnPage, () => mainWindow?.webContents.id)
  protocol.handle(FILE_SCHEME, (request) => storedFileResponse(host.current(), DEFAULT_FILES_URL, request.url))
  mainWindow = createMainWindow(isAppUrl, devServerUrl, app.isPackaged, app.getPath('userData'))
  mainWindow.on('closed', () => (mainWindow = undefined))
  // Once a day, as the app opens: what is due today (never in the way of opening, never fatal).
  void notifyDueToday({
    Notification,
    worklist: async () => handlers['worklist.today']({}),
    enabled: async () => (await handlers['settings.get']({})).notifyDueToday !== false,
    stampFile: join(app.getPath('userData'), 'notified-day.json'),
    today: () => format(new Date(), 'yyyy-MM-dd'),
    onClick: () => {
      if (!mainWindow) return
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
      void mainWindow.webContents.executeJavaScript("location.hash = '#/today'").catch(() => undefined)
    }
  }).catch((error: unknown) => console.error('[notifications]', error))
}

if (!app.requestSingleInstanceLock()) {
  // Another window already owns the data folder; it is brought to the front instead.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!services) return
    const closing = services
    services = undefined
    event.preventDefault()
    void closing.close().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}
