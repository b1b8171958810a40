// The bridge: exposes exactly two functions to the page, typed from the contract: `invoke` (a call
// to the services) and `on` (events the main process pushes). No ipcRenderer, no Node, nothing else
// crosses into the renderer's world. Payloads are checked by the window against the contract's
// schemas (the sandboxed preload imports types only).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api } from '../shared/contract'

const IPC_INVOKE = 'aa:invoke' // mirrors shared/contract IPC_INVOKE
const IPC_EVENT = 'aa:event' // mirrors shared/event-contract IPC_EVENT

const api = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  on: (event, handler) => {
    // Only the event asked for, and only its payload: the page never sees the IpcRendererEvent.
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) handler(payload as Parameters<typeof handler>[0])
    }
    ipcRenderer.on(IPC_EVENT, listener)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, listener)
    }
  }
} satisfies Api

contextBridge.exposeInMainWorld('api', api)
