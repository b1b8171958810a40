// Everything a front door (Electron main, the CLI, the e2e harness) needs, opened once over one
// data folder. Front doors differ only in how they obtain the folder and who they say they are.
import { ensureWritableDataDir } from './data-dir'
import { RULES_VERSION } from '../core/rules/version'

export type OpenServicesOptions = {
  dataDir: string
  appVersion: string
  /** Who is opening the data, e.g. "Access Advocate app" or "access-advocate CLI"; shown to a second opener. */
  holder: string
}

export type AppServices = {
  readonly dataDir: string
  readonly appVersion: string
  readonly rulesVersion: string
  close: () => Promise<void>
}

export async function openServices(options: OpenServicesOptions): Promise<AppServices> {
  await ensureWritableDataDir(options.dataDir)
  return {
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    rulesVersion: RULES_VERSION,
    close: async () => {}
  }
}
