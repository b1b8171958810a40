import type { Handlers } from './router'
import type { AppServices } from './app-services'

export function createHandlers(services: AppServices): Handlers {
  return {
    'app.info': () => ({
      name: 'Access Advocate',
      version: services.appVersion,
      dataDir: services.dataDir,
      rulesVersion: services.rulesVersion,
      encrypted: false
    })
  }
}
