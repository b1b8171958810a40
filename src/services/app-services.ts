// Everything a front door (Electron main, the CLI, the e2e harness) needs, opened once over one
// data folder. Front doors differ only in how they obtain the folder and who they say they are.
import { RULES_VERSION } from '../core/rules/version'
import { openStore } from '../store'
import type { Recovery, StoreFs } from '../store/types'
import { attachmentService, type AttachmentService } from './attachments'
import { caseQueries, type CaseQueries } from './case-queries'
import { worklistService, type WorklistService } from './worklist/today'
import { caseService, type CaseService } from './cases'
import { clockService, type ClockService } from './clock-service'
import { randomId, type ServiceContext } from './context'
import { ensureWritableDataDir } from './data-dir'
import { organizationService, type OrganizationService } from './organizations'
import { patientService, type PatientService } from './patients'
import { settingsService, type SettingsService } from './settings'
import { lettersService, type LettersService } from './letters/service'
import { storeSchema, type AppStore } from './store-schema'
import { syncService, type SyncService } from './sync'
import { syncMergers } from './sync-mergers'
import { createEventHub, type EventHub } from './event-hub'
import { createTaskRegistry, type TaskRegistry } from './tasks'
import { bulkService, type BulkService } from './bulk/service'

export type OpenServicesOptions = {
  dataDir: string
  appVersion: string
  /** Who is opening the data, e.g. "Access Advocate app" or "access-advocate CLI"; shown to a second opener. */
  holder: string
  passphrase?: string
  /** Tests and the sample-data generator fix the clock and the ids. */
  now?: () => Date
  newId?: (prefix: string) => string
  /** Take the rolling daily backup at open (default true). */
  dailyBackup?: boolean | 'abandon-on-close'
  /**
   * A window's front door: the store's open-time check and the daily backup wait until the first
   * caseload answer (`cases.query`) has been handed back, or `fallbackMs` after open (see
   * OpenStoreOptions.deferBackground). Without it they start as the folder opens (the command line).
   */
  backgroundAfterFirstAnswer?: { fallbackMs: number }
  /** Open without the lock and without writing anything (see OpenStoreOptions.readOnly): the reason. */
  readOnly?: string
  /** Prints a letter's HTML to PDF (Letter, 1" margins): Electron's printToPDF in the app, Chromium in tests. */
  printPdf?: (html: string) => Promise<Uint8Array>
  /** Watch the data folder for files a sync tool brings from other computers (the app; default false). */
  watchFolder?: boolean
  /** Tests: how soon a change is noticed, and how often the whole folder is rescanned (ms). */
  watchDebounceMs?: number
  rescanMs?: number
  /** Where pushed events go (recovery reports, backup status, task progress); one of its own if not given. */
  events?: EventHub
  /** Long work that reports progress and can be cancelled; one of its own if not given. */
  tasks?: TaskRegistry
  /** Tests only: a stand-in for node:fs/promises under the store (a slow or failing disk). */
  fs?: StoreFs
}

export type AppServices = {
  readonly dataDir: string
  readonly appVersion: string
  readonly rulesVersion: string
  readonly store: AppStore
  readonly context: ServiceContext
  readonly patients: PatientService
  readonly organizations: OrganizationService
  readonly cases: CaseService
  readonly queries: CaseQueries
  readonly clocks: ClockService
  /** Today: what needs doing across the caseload. */
  readonly worklist: WorklistService
  readonly attachments: AttachmentService
  readonly settings: SettingsService
  readonly letters: LettersService
  /** Bulk actions on a selection, and undo of the last change. */
  readonly bulk: BulkService
  /** A synced caseload: conflicts, merges, files other computers wrote. */
  readonly sync: SyncService
  readonly events: EventHub
  readonly tasks: TaskRegistry
  /** What the store found wrong at open and repaired or set aside: shown to the user. */
  recoveries: () => ReadonlyArray<Recovery>
  close: () => Promise<void>
}

export async function openServices(options: OpenServicesOptions): Promise<AppServices> {
  if (options.readOnly === undefined) await ensureWritableDataDir(options.dataDir)
  const now = options.now ?? (() => new Date())
  const store = await openStore(storeSchema, {
    dataDir: options.dataDir,
    holder: options.holder,
    codeVersion: `${options.appVersion} rules ${RULES_VERSION}`,
    now,
    ...(options.passphrase !== undefined && { passphrase: options.passphrase }),
    ...(options.dailyBackup !== undefined && { dailyBackup: options.dailyBackup }),
    ...(options.backgroundAfterFirstAnswer !== undefined && { deferBackground: options.backgroundAfterFirstAnswer }),
    sync: {
      ...syncMergers,
      watch: options.watchFolder === true,
      ...(options.watchDebounceMs !== undefined && { debounceMs: options.watchDebounceMs }),
      ...(options.rescanMs !== undefined && { rescanMs: options.rescanMs })
    },
    ...(options.readOnly !== undefined && { readOnly: options.readOnly }),
    ...(options.fs !== undefined && { fs: options.fs })
  })
  const events = options.events ?? createEventHub()
  const tasks = options.tasks ?? createTaskRegistry(events)
  // The window hears what the store finds and how the backup fares as it happens: no polling.
  const unsubscribe = [
    store.onRecovery((r) => events.emit('recovery.reported', r)),
    store.backups.onStatus((st) => events.emit('backup.status', st)),
    // Another computer's files, merges and conflicts: the window refreshes what they touch.
    store.sync.subscribe((e) => events.emit('sync.changed', { changes: e.type === 'changed' ? e.changes.slice(0, 1000) : [], conflicts: store.sync.conflicts().length }))
  ]
  // The daily backup may already have changed its status during open, before anyone could listen.
  events.emit('backup.status', store.backups.status())
  const context: ServiceContext = { store, now, newId: options.newId ?? randomId }
  const clocks = clockService(context)
  const cases = caseService(context, clocks)
  const queries = caseQueries(context, clocks, cases, tasks, events)
  const letters = lettersService(context, { cases, clocks, queries, tasks, ...(options.printPdf ? { printPdf: options.printPdf } : {}) })
  const worklist = worklistService(context, clocks)
  // The window's first caseload answer would be slowed by the check of every case file and the
  // daily backup (same event loop, same thread pool): they start once it is on its way (setImmediate:
  // after the reply, a continuation of the answer's promise, is sent). Today's page and the due-today
  // notification compute their clocks at once and do not wait on this; the fallback timer starts it.
  let firstAnswered = options.backgroundAfterFirstAnswer === undefined
  const answered = (): void => {
    if (firstAnswered) return
    firstAnswered = true
    setImmediate(() => store.startBackground())
  }
  const services: AppServices = {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    rulesVersion: RULES_VERSION,
    store,
    context,
    patients: patientService(context),
    organizations: organizationService(context),
    cases,
    queries: {
      ...queries,
      query: async (request) => {
        try {
          return await queries.query(request)
        } finally {
          answered()
        }
      }
    },
    clocks,
    worklist,
    attachments: attachmentService(context, cases),
    settings: settingsService(context),
    letters,
    bulk: bulkService(context, { cases, clocks, letters }),
    sync: syncService(context, clocks),
    events,
    tasks,
    recoveries: () => store.recoveries,
    close: async () => {
      await store.close()
      for (const stop of unsubscribe) stop()
    }
  }
  if (options.readOnly === undefined) await cases.purgeExpiredTrash()
  return services
}
