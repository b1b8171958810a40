// One handler per contract channel, each a thin call into a service. Input arrives already parsed
// by the router; the services validate again, because the CLI reaches them too.
import type { Handlers } from '../router'
import type { AppServices } from '../app-services'
import { directoryHandlers } from './directory'
import { caseHandlers } from './cases'
import { dataHandlers } from './data'
import { letterHandlers } from './letters'
import { letterFileHandlers } from './letter-files'
import { syncHandlers } from './sync'
import { reportHandlers } from './reports'
import { toolHandlers } from './tools'
import { interopHandlers } from './interop'
import { bulkHandlers } from './bulk'
import { caseloadPrefsHandlers } from './caseload-prefs'
import { worklistHandlers } from './worklist'
import { orgMergeHandlers } from './org-merge'
import { workspaceHandlers } from './workspace'
import { AppError } from '#shared/errors'
import { RULES_VERSION } from '../../core/rules/version'
import type { ServicesHost } from '../host'
import { createFilePicks } from '../files'
import { DEFAULT_FILES_URL } from '#shared/files'

/** The services the handlers use right now; the app may switch folders (e.g. to the sample caseload). */
export type ServicesRef = () => AppServices

/** What a front door may learn while a long channel runs (the CLI prints it; the window may push it). */
export type HandlerHooks = {
  onProgress?: (channel: 'cases.deepSearch' | 'demo.write', done: number, total: number) => void
}

/** Handlers over a host (the app, the e2e harness) or over one fixed set of services (tests). */
export function createHandlers(source: AppServices | ServicesHost, hooks: HandlerHooks = {}): Handlers {
  const host: ServicesHost = 'current' in source ? source : fixedHost(source)
  const current: ServicesRef = () => host.current()
  return {
    'app.status': () => {
      host.windowAsked?.()
      return host.status()
    },
    'app.unlock': ({ passphrase }) => host.unlock(passphrase),
    'app.useSample': () => host.useSample(),
    'app.useOwnData': () => host.useOwnData(),
    'app.info': () => {
      const status = host.status()
      // Answers while locked too: the unlock screen shows which folder it is about to open.
      const encrypted = status.state === 'locked' || host.current().store.encrypted
      return { name: 'Access Advocate', version: host.appVersion, dataDir: status.dataDir, rulesVersion: RULES_VERSION, encrypted, filesUrl: host.filesUrl }
    },
    'tasks.cancel': ({ taskId }) => ({ cancelled: host.tasks.cancel(taskId) }),
    'files.pick': async ({ multiple }) => ({ files: await host.files.pick({ multiple: multiple ?? false }) }),
    'attachments.add': ({ caseId, eventId, token }) => {
      const { path } = host.files.take(token)
      return current().attachments.attachFile(caseId, path, eventId)
    },
    ...directoryHandlers(current),
    ...caseHandlers(current, hooks),
    ...dataHandlers(current),
    ...toolHandlers(current, hooks),
    ...letterHandlers(current),
    ...letterFileHandlers(host),
    ...reportHandlers(current),
    ...interopHandlers(current, host.files, () => host.desktop),
    ...syncHandlers(current),
    ...bulkHandlers(current),
    ...caseloadPrefsHandlers(current),
    ...worklistHandlers(current),
    ...orgMergeHandlers(current),
    ...workspaceHandlers(current)
  }
}

function fixedHost(services: AppServices): ServicesHost {
  const notHere = async (): Promise<never> => {
    throw new AppError('CONFLICT', 'This window is tied to one data folder and cannot switch to another.')
  }
  return {
    appVersion: services.appVersion,
    events: services.events,
    tasks: services.tasks,
    files: createFilePicks(undefined),
    filesUrl: DEFAULT_FILES_URL,
    status: () => ({ state: 'ready', dataDir: services.dataDir, sample: false }),
    current: () => services,
    unlock: notHere,
    useSample: notHere,
    useOwnData: notHere,
    close: () => services.close()
  }
}
