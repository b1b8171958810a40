import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type InvokeResult } from '#shared/contract'
import { IPC_DROPPED } from '#shared/event-contract'
import type { FilePicks } from '../services/files'
import type { EventHub } from '../services/event-hub'
import type { Router } from '../services/router'
import { namesALocalPath } from '#shared/channels/tools'
import type { AppUrlCheck } from './security'

/** Registers the single invoke channel; calls from any frame that is not our own page's main frame are refused. */
export function registerIpc(ipcMain: IpcMain, router: Router, isOwnPage: AppUrlCheck, ownWebContentsId: () => number | undefined): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<InvokeResult<unknown>> => {
    if (!isTrustedSender(event, isOwnPage, ownWebContentsId())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Access Advocate window and was refused.' } }
    }
    if (namesALocalPath(channel, input)) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'The window names files through the file dialog or a drop; this request named a path and was refused.' } }
    }
    return router.invoke(channel, input)
  })
}

/**
 * Forwards every pushed event (already checked against the contract by the hub) to our own window,
 * and only while it shows one of the app's own pages: never to another web contents, never to a
 * page that somehow navigated away. Returns the way to stop.
 */
export function forwardEvents(hub: EventHub, isAppUrl: AppUrlCheck, ownWebContents: () => WebContents | undefined): () => void {
  return hub.subscribe((event, payload) => {
    const contents = ownWebContents()
    if (!contents || contents.isDestroyed() || !isAppPage(contents.getURL(), isAppUrl)) return
    contents.send(IPC_EVENT, event, payload)
  })
}

/**
 * Files dropped on our window: the preload sends their paths; they become tokens, as if picked in
 * the file dialog, and the window hears of them as a files.dropped event. Anything else is ignored.
 */
export function acceptDrops(ipcMain: IpcMain, files: () => FilePicks, hub: EventHub, isOwnPage: AppUrlCheck, ownWebContentsId: () => number | undefined): void {
  ipcMain.on(IPC_DROPPED, (event, paths: unknown) => {
    if (!isTrustedSender(event, isOwnPage, ownWebContentsId())) return
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > 100) return
    if (!paths.every((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096)) return
    void files()
      .register(paths)
      .then((picked) => picked.length > 0 && hub.emit('files.dropped', { files: picked }))
  })
}

/** Our window, its main frame (not an iframe), on our own page. */
function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent, isOwnPage: AppUrlCheck, ownId: number | undefined): boolean {
  const frame = event.senderFrame
  if (ownId === undefined || event.sender.id !== ownId || frame === null || frame === undefined) return false
  if (frame.parent !== null) return false
  return typeof frame.url === 'string' && isAppPage(frame.url, isOwnPage)
}

/** One of the app's own pages: a stored file (aa-file://, shown in a preview frame) is content, never a page that may call. */
const isAppPage = (url: string, isAppUrl: AppUrlCheck): boolean => isAppUrl(url) && !url.startsWith('aa-file:')
