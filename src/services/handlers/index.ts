// One handler per contract channel, each a thin call into a service. Input arrives already parsed
// by the router; the services validate again, because the CLI reaches them too.
import type { Handlers } from '../router'
import type { AppServices } from '../app-services'
import { directoryHandlers } from './directory'
import { caseHandlers } from './cases'
import { dataHandlers } from './data'

/** The services the handlers use right now; the app may switch folders (e.g. to the sample caseload). */
export type ServicesRef = () => AppServices

export function createHandlers(services: AppServices | ServicesRef): Handlers {
  const current: ServicesRef = typeof services === 'function' ? services : () => services
  return {
    'app.info': () => {
      const s = current()
      return { name: 'Access Advocate', version: s.appVersion, dataDir: s.dataDir, rulesVersion: s.rulesVersion, encrypted: s.store.encrypted }
    },
    ...directoryHandlers(current),
    ...caseHandlers(current),
    ...dataHandlers(current)
  }
}
