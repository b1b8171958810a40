import type { Handlers } from '../router'
import type { ServicesRef } from './index'

type DataChannels =
  | 'data.recoveries'
  | 'data.journal'
  | 'data.check'
  | 'backup.now'
  | 'backup.list'
  | 'backup.status'
  | 'backup.preview'
  | 'backup.restore'
  | 'settings.get'
  | 'settings.update'
  | 'profiles.save'
  | 'profiles.remove'

export function dataHandlers(s: ServicesRef): Pick<Handlers, DataChannels> {
  return {
    'data.recoveries': () => [...s().recoveries()],
    'data.journal': () => s().store.journal(),
    'data.check': () => s().store.check(),
    'backup.now': () => s().store.backups.create('manual'),
    'backup.list': () => s().store.backups.list(),
    'backup.status': () => s().store.backups.status(),
    'backup.preview': ({ id }) => s().store.backups.preview(id),
    'backup.restore': async ({ id }) => {
      await s().store.backups.restore(id)
      return { ok: true as const }
    },
    'settings.get': () => s().settings.get(),
    'settings.update': (patch) => s().settings.update(patch),
    'profiles.save': ({ profile }) => s().settings.saveProfile(profile),
    'profiles.remove': async ({ id }) => {
      await s().settings.removeProfile(id)
      return { ok: true as const }
    }
  }
}
