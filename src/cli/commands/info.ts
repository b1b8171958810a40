import { parseArgs } from 'node:util'
import type { CommandGroup } from '../io'
import { withServices } from '../services'

export const infoCommand: CommandGroup = {
  name: 'info',
  summary: 'Show the version, the data folder and the rules version',
  help: `Usage: access-advocate info [--data-dir DIR] [--json]

Prints the app version, the data folder in use and the version of the built-in rule profiles.`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false })
    return withServices(ctx, async (services) => {
      const info = { name: 'Access Advocate', version: services.appVersion, dataDir: services.dataDir, rulesVersion: services.rulesVersion }
      if (ctx.json) ctx.io.stdout(JSON.stringify(info) + '\n')
      else ctx.io.stdout(`${info.name} ${info.version}\nData folder: ${info.dataDir}\nRules: ${info.rulesVersion}\n`)
      return 0
    }, { readOnly: true }) // reads without the lock and writes nothing
  }
}
