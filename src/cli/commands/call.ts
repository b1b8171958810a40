// `call CHANNEL`: any contract channel from a script, with its input as JSON. The named commands
// cover everyday work; this makes sure nothing the window can do is out of the command line's
// reach, and it is the same router, validation and errors.
import { parseArgs } from 'node:util'
import { CHANNELS, isChannel, type Channel } from '#shared/contract'
import { UsageError, type CommandGroup } from '../io'
import { printJson, readJsonInput } from '../output'
import { withChannels } from '../channels'

/**
 * Channels that only make sense inside the window, and why. Everything else is reachable here.
 * (tests/integration/cli-contract.test.ts checks this list against the contract.)
 */
export const WINDOW_ONLY: Readonly<Partial<Record<Channel, string>>> = {
  'app.status': 'tells the window which folder is open and whether it waits for a passphrase; the command line names its folder with --data-dir',
  'app.unlock': 'unlocks an encrypted folder for the open window; the command line unlocks with --passphrase-file or ACCESS_ADVOCATE_PASSPHRASE',
  'app.useSample': "switches the window to the sample caseload; on the command line, demo --data-dir DIR writes one and --data-dir DIR opens it",
  'app.useOwnData': "switches the window back from the sample caseload; the command line opens whichever folder --data-dir names",
  'attachments.add': 'attaches a file the window picked or was given by a drop, named by a one-time token; the command line attaches by path (attachments.addFile)',
  'files.pick': "opens the window's native file dialog; the command line names files by their path",
  'tasks.cancel': 'cancels long work the window started, by its task id; on the command line, Ctrl-C stops a command',
  'letters.open': "opens a letter's file with the system's program for it; the command line writes it where --out says (letters render)",
  'letters.showInFolder': "shows a letter's file in the system's file manager; the command line prints where it wrote the file",
  'letters.saveAs': "asks where to save a letter's file in the native save dialog; the command line names the file with --out",
  'letters.email': 'files an unsent .eml draft and opens it in the system\u2019s mail program; the command line makes the draft with call letters.eml and writes it out with call attachments.saveTo'
}

const HELP = `Usage: access-advocate call CHANNEL [--input FILE|-] [--data-dir DIR]
       access-advocate call            lists every channel

Calls one channel of the app's contract, the same operation the window performs, and prints its
result as JSON. The input is a JSON object (default {}), checked against the channel's schema.
Example: echo '{"text":"mercy"}' | access-advocate call orgs.list --input -`

export const callCommand: CommandGroup = {
  name: 'call',
  help: HELP,
  channels: CHANNELS.filter((c) => WINDOW_ONLY[c] === undefined),
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { input: { type: 'string' } } })
    const [name] = positionals
    if (name === undefined) {
      for (const c of CHANNELS) ctx.io.stdout(`${c}${WINDOW_ONLY[c] ? '  (window only)' : ''}\n`)
      return 0
    }
    if (!isChannel(name)) throw new UsageError(`call: there is no channel named "${name}". Run call without a channel to list them.`)
    const reason = WINDOW_ONLY[name]
    if (reason !== undefined) throw new UsageError(`call: ${name} is for the window only: it ${reason}.`)
    const input = await readJsonInput(ctx, values.input)
    return withChannels(ctx, async (invoke) => {
      printJson(ctx, await invoke(name, input))
      return 0
    })
  }
}
