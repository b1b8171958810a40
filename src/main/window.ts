import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { hardenWebContents, type AppUrlCheck } from './security'
import { APP_INDEX_URL } from './app-protocol'

/** @param packaged an installed build: DevTools are off */
export function createMainWindow(isAppUrl: AppUrlCheck, devServerUrl: string | undefined, packaged: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
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
  hardenWebContents(win.webContents, isAppUrl)
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadURL(APP_INDEX_URL)
  return win
}
