import type { Handlers } from '../router'
import type { ServicesRef } from './index'

type DataChannels = 'data.recoveries' | 'backup.now' | 'backup.list' | 'backup.preview' | 'backup.restore'

export function dataHandlers(s: ServicesRef): Pick<Handlers, DataChannels> {
  return {
    'data.recoveries': () => [...s().recoveries()],
    'backup.now': () => s().store.backups.create('manual'),
    'backup.list': () => s().store.backups.list(),
    'backup.preview': ({ id }) => s().store.backups.preview(id),
    'backup.restore': async ({ id }) => {
      await s().store.backups.restore(id)
      return { ok: true as const }
    }
  }
}
