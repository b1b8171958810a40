// Electron's security checklist, applied to the session and every web contents. The app is
// offline: it loads its own files and nothing else, opens no windows and grants no permissions.
import type { Session, WebContents } from 'electron'
import { appFileFor } from './app-protocol'

/** Decides whether a URL is one of the app's own pages or assets. */
export type AppUrlCheck = (url: string) => boolean

/**
 * An app:// URL naming a file inside `rendererDir` (see app-protocol.ts), compared as paths, not
 * strings: the install path never appears in the URL, and an encoded "%2e%2e" must not climb out.
 */
const isInside = (rendererDir: string, url: string): boolean => appFileFor(rendererDir, url) !== null

/** The app's own page and assets (what the request filter lets load). */
export function makeAppUrlCheck(rendererDir: string, devServerUrl: string | undefined): AppUrlCheck {
  return (url) => {
    // blob: and data: URLs are minted by the page itself (attachment previews, "Save a copy…"): nothing remote.
    if (url.startsWith('blob:') || url.startsWith('data:')) return true
    if (isInside(rendererDir, url)) return true
    // Stored files, served by hash by the app itself (src/services/files.ts).
    if (url.startsWith('aa-file://')) return true
    if (devServerUrl && (url === devServerUrl || url.startsWith(`${devServerUrl.replace(/\/$/, '')}/`))) return true
    return url.startsWith('devtools://')
  }
}

/**
 * Stricter, for who may call the services: only our own page itself (its file, or the dev server),
 * never a frame with a URL the page could mint (data:, blob:) and never DevTools.
 */
export function makeOwnPageCheck(rendererDir: string, devServerUrl: string | undefined): AppUrlCheck {
  return (url) => isInside(rendererDir, url) || (devServerUrl !== undefined && (url === devServerUrl || url.startsWith(`${devServerUrl.replace(/\/$/, '')}/`)))
}

export function hardenSession(session: Session, isAppUrl: AppUrlCheck): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) })
  })
  session.on('will-download', (event, item) => {
    // The only download the app makes is "Save a copy…" of a stored file (aa-file://…?download=1).
    if (!item.getURL().startsWith('aa-file://') && !item.getURL().startsWith('blob:')) {
      event.preventDefault()
      return
    }
    item.setSaveDialogOptions({ title: 'Save a copy', defaultPath: item.getFilename() })
  })
}

export function hardenWebContents(contents: WebContents, isAppUrl: AppUrlCheck): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
}
