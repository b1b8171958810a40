// Opening the app's services for one command: whatever the store repaired, restored or lost is
// told on stderr (a JSON line each with --json), as it happens; a folder that cannot be written is
// opened read-only with a note, so reading still works; the daily backup never holds a command up;
// and every open folder is known here, so a signal or a closed pipe can still release its lock.
import { openServices, type AppServices, type OpenServicesOptions } from '#services/app-services'
import { readAppVersion } from '#services/app-version'
import { defaultDataDir } from '#services/default-data-dir'
import { isAppError } from '#shared/errors'
import type { Recovery } from '#store/types'
import type { CliContext } from './io'
import { tracked, untrack } from './open-folders'

export type WithServicesOptions = Pick<OpenServicesOptions, 'newId'> & {
  /** The command only reads: open without the lock and write nothing (e.g. `info`). */
  readOnly?: boolean
}

/** Opens the same services the app uses over the chosen data folder, and always closes them. */
export async function withServices<T>(ctx: CliContext, work: (services: AppServices) => Promise<T>, extra: WithServicesOptions = {}): Promise<T> {
  const dataDir = ctx.dataDir ?? defaultDataDir(ctx.io.env)
  const base: OpenServicesOptions = {
    ...(extra.newId !== undefined && { newId: extra.newId }),
    dataDir,
    appVersion: readAppVersion(),
    holder: 'access-advocate command line',
    dailyBackup: 'abandon-on-close',
    ...(ctx.passphrase !== undefined && { passphrase: ctx.passphrase })
  }
  let services: AppServices
  if (extra.readOnly === true) {
    services = await tracked(openServices({ ...base, readOnly: 'this command only reads' }))
  } else {
    try {
      services = await tracked(openServices(base))
    } catch (error) {
      const why = unwritable(error)
      if (why === null) throw error
      // Reading may still work; if it does not either, the first error is the one to show.
      services = await tracked(openServices({ ...base, readOnly: `it cannot be written: ${why}` })).catch(() => {
        throw error
      })
      note(ctx, `the data folder ${dataDir} cannot be written (${why}): opened read-only; nothing can be saved`)
    }
  }
  const told = new Set<Recovery>()
  const tell = (r: Recovery): void => {
    if (told.has(r)) return
    told.add(r)
    tellRecovery(ctx, r)
  }
  // Whatever the store repaired or set aside, the user hears about, whichever door they used.
  for (const r of services.recoveries()) tell(r)
  const stop = services.store.onRecovery(tell)
  // Versions a sync tool left that could not be merged: both are kept until someone chooses.
  for (const c of services.sync.conflicts()) {
    ctx.io.stderr(`warning: ${c.file} was changed on two computers at once and could not be merged (${c.reason}); both versions are kept (${c.id}). Choose one on the app's Sharing page.\n`)
  }
  try {
    return await work(services)
  } finally {
    try {
      await services.close()
    } finally {
      await untrack(services)
      stop()
    }
    for (const r of services.recoveries()) tell(r)
    // A daily backup that already ran and failed is told; one still under way was given up.
    const failure = services.store.backups.status().lastFailure
    if (failure !== null) ctx.io.stderr(`warning: today's automatic backup failed: ${failure.message}\n`)
  }
}

function unwritable(error: unknown): string | null {
  if (!isAppError(error) || (error.code !== 'DATA_DIR_UNWRITABLE' && error.code !== 'DISK_FULL')) return null
  const details = error.details as { errno?: unknown; code?: unknown } | undefined
  const errno = typeof details?.errno === 'string' ? details.errno : typeof details?.code === 'string' ? details.code : null
  return errno ?? (error.code === 'DISK_FULL' ? 'the disk is full' : 'no permission')
}

function note(ctx: CliContext, message: string): void {
  ctx.io.stderr(ctx.json ? `${JSON.stringify({ type: 'note', message })}\n` : `note: ${message}\n`)
}

function tellRecovery(ctx: CliContext, r: Recovery): void {
  const type = r.kind === 'notice' ? 'notice' : 'recovery'
  if (ctx.json) ctx.io.stderr(`${JSON.stringify({ type, ...r })}\n`)
  else ctx.io.stderr(`${type === 'notice' ? 'note' : 'warning'}: ${r.file}: ${r.problem}. ${r.action}\n`)
}
