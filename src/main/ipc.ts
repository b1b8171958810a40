import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE, type InvokeResult } from '../shared/contract'
import type { Router } from '../services/router'
import type { AppUrlCheck } from './security'

/** Registers the single invoke channel; calls from any frame that is not our own page are refused. */
export function registerIpc(ipcMain: IpcMain, router: Router, isAppUrl: AppUrlCheck, ownWebContentsId: () => number | undefined): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<InvokeResult<unknown>> => {
    if (!isTrustedSender(event, isAppUrl, ownWebContentsId())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Access Advocate window and was refused.' } }
    }
    return router.invoke(channel, input)
  })
}

function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: AppUrlCheck, ownId: number | undefined): boolean {
  const frameUrl = event.senderFrame?.url
  return ownId !== undefined && event.sender.id === ownId && typeof frameUrl === 'string' && isAppUrl(frameUrl)
}
