import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/** Set by the command line's bundle (scripts/build-cli.mjs): an installed copy has no package.json beside it. */
declare const __ACCESS_ADVOCATE_VERSION__: string | undefined

/** The app's version from package.json, for front doors that have no Electron `app.getVersion()`. */
export function readAppVersion(startDir: string = __dirname): string {
  if (typeof __ACCESS_ADVOCATE_VERSION__ === 'string') return __ACCESS_ADVOCATE_VERSION__
  let dir = startDir
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = z.object({ name: z.string(), version: z.string() }).parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')))
      if (pkg.name === 'access-advocate') return pkg.version
    } catch {
      // not this folder: keep walking up
    }
    dir = join(dir, '..')
  }
  return '0.0.0-unknown'
}
