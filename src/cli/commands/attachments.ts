// `attachments add`: an adapter over attachments.addFile (the file travels by path, not by bytes).
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson, requirePositional } from '../output'
import { withChannels } from '../channels'

export const attachmentsCommand: CommandGroup = {
  name: 'attachments',
  help: `Usage: access-advocate attachments add FILE --case ID [--event EVENT_ID] [--data-dir DIR] [--json]

Copies FILE into the data folder (stored once by its sha-256) and attaches it to the event, or,
without --event, to a new note on the case dated today.`,
  channels: ['attachments.addFile'],
  async run(args, ctx) {
    const [action, ...rest] = args
    if (action !== 'add') throw new UsageError(`attachments: unknown action "${action ?? ''}". Use add.`)
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { case: { type: 'string' }, event: { type: 'string' } } })
    const path = resolve(ctx.io.cwd, requirePositional(positionals, 'The file to attach', 'Usage: attachments add FILE --case ID'))
    if (!values.case) throw new UsageError('attachments add: --case ID is missing')
    const input = { caseId: values.case, path, ...(values.event !== undefined && { eventId: values.event }) }
    return withChannels(ctx, async (invoke) => {
      const result = await invoke('attachments.addFile', input)
      if (ctx.json) printJson(ctx, result)
      else ctx.io.stdout(`Attached ${result.attachment.name} (${result.attachment.size} bytes, sha-256 ${result.attachment.sha256.slice(0, 12)}…) to event ${result.eventId}\n`)
      return 0
    })
  }
}
