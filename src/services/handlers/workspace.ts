import type { Handlers } from '../router'
import { workspaceSetup } from '../workspace-setup'
import type { ServicesRef } from './index'

type WorkspaceChannels = 'workspace.setupState' | 'workspace.setup' | 'workspace.skipSetup'

export function workspaceHandlers(s: ServicesRef): Pick<Handlers, WorkspaceChannels> {
  const setup = () => workspaceSetup(s().context)
  return {
    'workspace.setupState': () => ({ needed: setup().needed() }),
    'workspace.setup': (input) => setup().complete(input),
    'workspace.skipSetup': () => setup().skip()
  }
}
