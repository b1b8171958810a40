import type { Handlers } from '../router'
import type { ServicesRef } from './index'

type SyncChannels = 'sync.status' | 'sync.conflicts' | 'sync.resolve' | 'sync.changes' | 'sync.origin' | 'sync.rename'

export function syncHandlers(s: ServicesRef): Pick<Handlers, SyncChannels> {
  return {
    'sync.status': () => s().sync.status(),
    'sync.conflicts': () => s().sync.conflicts(),
    'sync.resolve': async ({ id, keep }) => {
      await s().sync.resolve(id, keep)
      return { ok: true as const }
    },
    'sync.changes': ({ since }) => s().sync.changes(since),
    'sync.origin': ({ caseId }) => s().sync.origin(caseId),
    'sync.rename': async ({ name }) => ({ deviceName: await s().sync.rename(name) })
  }
}
