import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE, type InvokeResult } from '../shared/contract'
import type { Router } from '../services/router'
import type { AppUrlCheck } from './security'

/** Registers the single invoke channel; calls from any frame that is not our own page's main frame are refused. */
export function registerIpc(ipcMain: IpcMain, router: Router, isOwnPage: AppUrlCheck, ownWebContentsId: () => number | undefined): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<InvokeResult<unknown>> => {
    if (!isTrustedSender(event, isOwnPage, ownWebContentsId())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Access Advocate window and was refused.' } }
    }
    return router.invoke(channel, input)
  })
}

/** Our window, its main frame (not an iframe), on our own page. */
function isTrustedSender(event: IpcMainInvokeEvent, isOwnPage: AppUrlCheck, ownId: number | undefined): boolean {
  const frame = event.senderFrame
  if (ownId === undefined || event.sender.id !== ownId || frame === null || frame === undefined) return false
  if (frame.parent !== null) return false
  return typeof frame.url === 'string' && isOwnPage(frame.url)
}
