// The bridge: exposes exactly one function to the page, typed from the contract. No ipcRenderer,
// no Node, nothing else crosses into the renderer's world.
import { contextBridge, ipcRenderer } from 'electron'
import type { Api } from '../shared/contract'

const IPC_INVOKE = 'aa:invoke' // mirrors shared/contract IPC_INVOKE; the sandboxed preload imports types only

const api = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input)
} satisfies Api

contextBridge.exposeInMainWorld('api', api)
