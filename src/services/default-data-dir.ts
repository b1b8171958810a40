import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_FOLDER = 'Access Advocate'

/**
 * Where the desktop app keeps its data (`app.getPath('userData')/data`), computed without Electron so
 * the command line finds the same folder the app uses.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env, platform = process.platform): string {
  const fromEnv = env['ACCESS_ADVOCATE_DATA_DIR']
  if (fromEnv) return fromEnv
  const home = env['HOME'] || env['USERPROFILE'] || homedir()
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_FOLDER, 'data')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER, 'data')
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_FOLDER, 'data')
}
