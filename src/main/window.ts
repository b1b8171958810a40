import { join } from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { hardenWebContents, type AppUrlCheck } from './security'
import { APP_INDEX_URL } from './app-protocol'
import { fitToDisplays, MIN_HEIGHT, MIN_WIDTH, readWindowState, saveWindowState, windowStateFile, type WindowState } from './window-state'

/**
 * @param packaged an installed build: DevTools are off
 * @param userData Electron's folder for this computer's own state (the window's size and position)
 */
export function createMainWindow(isAppUrl: AppUrlCheck, devServerUrl: string | undefined, packaged: boolean, userData: string): BrowserWindow {
  const stateFile = windowStateFile(userData)
  const state = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea)
  )
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined && { x: state.x, y: state.y }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Access Advocate',
    backgroundColor: '#f7f7f5',
    // Written out in full (not spread from a constant) so static checkers such as electronegativity see every flag.
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      // Off: Chromium's spellchecker may download dictionaries, and the app is offline.
      spellcheck: false,
      devTools: !packaged
    }
  })
  if (state.maximized) win.maximize()
  hardenWebContents(win.webContents, isAppUrl)
  win.once('ready-to-show', () => win.show())
  // Remembered on close: the normal (not maximized) bounds, and whether it was maximized.
  win.on('close', () => {
    const bounds = win.getNormalBounds()
    const next: WindowState = { ...bounds, maximized: win.isMaximized() }
    try {
      saveWindowState(stateFile, next)
    } catch {
      // A window that cannot remember its place still closes.
    }
  })
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadURL(APP_INDEX_URL)
  return win
}
