// Holds the services a window talks to, and lets the user move between their own data folder and
// the sample caseload, or unlock an encrypted folder, without restarting the app.
import { join } from 'node:path'
import { AppError, isAppError } from '#shared/errors'
import { openServices, type AppServices, type OpenServicesOptions } from './app-services'
import { todayOf } from './context'
import { writeDemo } from './demo/write'
import { createEventHub, type EventHub } from './event-hub'
import { createTaskRegistry, type TaskRegistry } from './tasks'
import { createFilePicks, type FilePicks, type PickFiles } from './files'
import { DEFAULT_FILES_URL } from '#shared/files'
import type { Desktop } from './letters/desktop'

export type HostState =
  | { state: 'ready'; dataDir: string; sample: boolean }
  | { state: 'locked'; dataDir: string; sample: boolean; message: string }

export type HostOptions = Omit<OpenServicesOptions, 'dataDir' | 'passphrase'> & {
  dataDir: string
  /** Where "Explore with sample data" keeps its caseload: a folder of its own, never the user's. */
  sampleDir?: string
  /** Cases in the sample caseload. */
  sampleCases?: number
  /** How this front door asks the user for files (Electron: the native dialog). Without it, files.pick is refused. */
  pickFiles?: PickFiles
  /** Where this front door serves stored files (default aa-file://). */
  filesUrl?: string
  /** The front door's desktop: open with the system, show in folder, native save dialog. Without it, those are refused. */
  desktop?: Desktop
}

export type ServicesHost = {
  appVersion: string
  /** Every pushed event of whichever folder is open: the front door forwards them to its window. */
  events: EventHub
  tasks: TaskRegistry
  /** Files the user picked, each behind a token the window passes back. */
  files: FilePicks
  filesUrl: string
  desktop?: Desktop
  status: () => HostState
  /**
   * The window's first call (app.status) has come: its page is loaded, so the services may now make
   * what its first answers need (see warm) without slowing the page's own files, which the same
   * event loop serves (Electron's app:// handler, the harness's route). Once per opened folder.
   */
  windowAsked?: () => void
  /** The open services; LOCKED while an encrypted folder waits for its passphrase. */
  current: () => AppServices
  unlock: (passphrase: string) => Promise<HostState>
  useSample: () => Promise<HostState>
  useOwnData: () => Promise<HostState>
  close: () => Promise<void>
}

/**
 * A window's first caseload answer comes before the store's open-time check and daily backup; if the
 * window does not ask for it (it opened on another page), they start this long after open.
 */
export const BACKGROUND_FALLBACK_MS = 5000

export async function createServicesHost(options: HostOptions): Promise<ServicesHost> {
  const sampleDir = options.sampleDir ?? join(options.dataDir, '..', 'sample-data')
  let services: AppServices | undefined
  /** The services whose warm-up the window's first call started. */
  let warmed: AppServices | undefined
  const events = options.events ?? createEventHub()
  const tasks = options.tasks ?? createTaskRegistry(events)
  let state: HostState = { state: 'locked', dataDir: options.dataDir, sample: false, message: 'The data folder is not open yet.' }

  async function openAt(dataDir: string, sample: boolean, passphrase?: string): Promise<HostState> {
    if (services && state.dataDir === dataDir) return state
    const { sampleDir: _s, sampleCases: _c, pickFiles: _p, filesUrl: _f, desktop: _d, ...rest } = options
    try {
      // Open the new folder before closing the old one, so a failure leaves the user where they were.
      const opened = await openServices({
        backgroundAfterFirstAnswer: { fallbackMs: BACKGROUND_FALLBACK_MS },
        ...rest,
        events,
        tasks,
        dataDir,
        ...(passphrase !== undefined && { passphrase })
      })
      const switched = services !== undefined || state.dataDir !== dataDir
      await services?.close()
      services = opened
      state = { state: 'ready', dataDir, sample }
      if (switched) events.emit('data.switched', { dataDir, sample })
      return state
    } catch (error) {
      if (!isAppError(error) || error.code !== 'WRONG_PASSPHRASE' || passphrase !== undefined) throw error
      // An encrypted folder waits, locked, for its passphrase.
      await services?.close()
      services = undefined
      state = { state: 'locked', dataDir, sample, message: error.message }
      return state
    }
  }

  state = await openAt(options.dataDir, false)

  return {
    appVersion: options.appVersion,
    events,
    tasks,
    files: createFilePicks(options.pickFiles),
    filesUrl: options.filesUrl ?? DEFAULT_FILES_URL,
    ...(options.desktop && { desktop: options.desktop }),
    status: () => state,
    windowAsked: () => {
      if (services === undefined || warmed === services) return
      warmed = services
      // The index, today's clocks (a sweep that gives way to answers), the search words: made while
      // the page renders and asks. Never fatal: an answer makes whatever is still missing itself.
      void services.queries.warm().catch(() => undefined)
    },
    current: () => {
      if (!services) throw new AppError('LOCKED', state.state === 'locked' ? state.message : 'The data folder is not open.')
      return services
    },
    unlock: (passphrase) => openAt(state.dataDir, state.sample, passphrase),
    async useSample() {
      const result = await openAt(sampleDir, true)
      if (services && services.store.records.cases.summaries().length === 0) {
        await writeDemo(services, { cases: options.sampleCases ?? 200, today: todayOf(services.context) })
      }
      return result
    },
    useOwnData: () => openAt(options.dataDir, false),
    close: async () => {
      await services?.close()
      services = undefined
    }
  }
}
