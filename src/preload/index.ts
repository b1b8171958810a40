// The bridge: exposes exactly two functions to the page, typed from the contract: `invoke` (a call
// to the services) and `on` (events the main process pushes). No ipcRenderer, no Node, nothing else
// crosses into the renderer's world. Payloads are checked by the window against the contract's
// schemas (the sandboxed preload imports types only).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { Api } from '#shared/contract'

const IPC_INVOKE = 'aa:invoke' // mirrors shared/contract IPC_INVOKE
const IPC_EVENT = 'aa:event' // mirrors shared/event-contract IPC_EVENT
const IPC_DROPPED = 'aa:dropped' // mirrors shared/event-contract IPC_DROPPED

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

// Files dropped on the window. The page sees File objects without paths, and nothing more is
// exposed to it: here, in the preload's own world, the paths of the dropped files go to the main
// process, which answers the page with a files.dropped event carrying a token per file. A page
// cannot forge this: a File it made itself has no path.
type DroppedFile = Parameters<typeof webUtils.getPathForFile>[0]
// The preload is compiled without the DOM's types: only what this listener touches is named.
type DropWindow = {
  addEventListener: (type: 'drop', listener: (e: { dataTransfer: { files: ArrayLike<DroppedFile> } | null }) => void, capture: boolean) => void
}
;(globalThis as unknown as DropWindow).addEventListener(
  'drop',
  (e) => {
    const paths = Array.from(e.dataTransfer?.files ?? [], (f) => webUtils.getPathForFile(f)).filter((p) => p !== '')
    if (paths.length > 0) ipcRenderer.send(IPC_DROPPED, paths)
  },
  true
)
