// Electron's security checklist, applied to the session and every web contents. The app is
// offline: it loads its own files and nothing else, opens no windows and grants no permissions.
import type { Session, WebContents } from 'electron'

/** Decides whether a URL is one of the app's own pages or assets. */
export type AppUrlCheck = (url: string) => boolean

export function makeAppUrlCheck(rendererDir: string, devServerUrl: string | undefined): AppUrlCheck {
  const fileRoot = `file://${rendererDir.replace(/\\/g, '/').replace(/^(?=[A-Za-z]:)/, '/')}/`
  return (url) => {
    // blob: and data: URLs are minted by the page itself (attachment previews, "Save a copy…"): nothing remote.
    if (url.startsWith('blob:') || url.startsWith('data:')) return true
    // Stored files, served by hash by the app itself (src/services/files.ts).
    if (url.startsWith('aa-file://')) return true
    if (url.startsWith(fileRoot) && !url.slice(fileRoot.length).includes('..')) return true
    if (devServerUrl && (url === devServerUrl || url.startsWith(`${devServerUrl.replace(/\/$/, '')}/`))) return true
    return url.startsWith('devtools://')
  }
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
