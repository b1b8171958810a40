// `info`: an adapter over app.info.
import { parseArgs } from 'node:util'
import type { CommandGroup } from '../io'
import { withChannels } from '../channels'

export const infoCommand: CommandGroup = {
  name: 'info',
  help: `Usage: access-advocate info [--data-dir DIR] [--json]

Prints the app version, the data folder in use and the version of the built-in rule profiles.
It only reads: it takes no lock and writes nothing, so it answers while the app has the folder open.`,
  channels: ['app.info'],
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false })
    return withChannels(ctx, async (invoke) => {
      const { encrypted: _encrypted, filesUrl: _filesUrl, ...info } = await invoke('app.info', {})
      if (ctx.json) ctx.io.stdout(JSON.stringify(info) + '\n')
      else ctx.io.stdout(`${info.name} ${info.version}\nData folder: ${info.dataDir}\nRules: ${info.rulesVersion}\n`)
      return 0
    }, { readOnly: true }) // reads without the lock and writes nothing
  }
}
