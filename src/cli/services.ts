import { openServices, type AppServices, type OpenServicesOptions } from '#services/app-services'
import { readAppVersion } from '#services/app-version'
import { defaultDataDir } from '#services/default-data-dir'
import type { CliContext } from './io'

/** Opens the same services the app uses over the chosen data folder, and always closes them. */
export async function withServices<T>(
  ctx: CliContext,
  work: (services: AppServices) => Promise<T>,
  extra: Pick<OpenServicesOptions, 'newId'> = {}
): Promise<T> {
  const services = await openServices({
    ...extra,
    dataDir: ctx.dataDir ?? defaultDataDir(ctx.io.env),
    appVersion: readAppVersion(),
    holder: 'access-advocate command line',
    ...(ctx.passphrase !== undefined && { passphrase: ctx.passphrase })
  })
  // Whatever the store repaired or set aside at open, the user hears about, whichever door they used.
  for (const r of services.recoveries()) {
    ctx.io.stderr(`warning: ${r.file}: ${r.problem}. ${r.action}\n`)
  }
  // Versions a sync tool left that could not be merged: both are kept until someone chooses.
  for (const c of services.sync.conflicts()) {
    ctx.io.stderr(`warning: ${c.file} was changed on two computers at once and could not be merged (${c.reason}); both versions are kept (${c.id}). Choose one on the app's Sharing page.\n`)
  }
  try {
    return await work(services)
  } finally {
    await services.close()
    // close() waited for the daily backup that open started in the background: only now is its
    // outcome known. A warning, not a failure: the command itself did what it was asked.
    const failure = services.store.backups.status().lastFailure
    if (failure !== null) ctx.io.stderr(`warning: today's automatic backup failed: ${failure.message}\n`)
  }
}
