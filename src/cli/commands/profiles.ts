// `profiles`: an adapter over profiles.list, profiles.save and profiles.remove.
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson, printTable, readJsonInput, requirePositional } from '../output'
import { withChannels } from '../channels'

export const profilesCommand: CommandGroup = {
  name: 'profiles',
  help: `Usage: access-advocate profiles <list|add|remove> [options] [--data-dir DIR] [--json]

  profiles list                 built-in profiles and the ones you saved
  profiles add --input FILE|-   save a profile (or a new version of one):
      { "id": "org-policy", "label": "Our 10-day policy", "version": "2",
        "days": 10, "dayKind": "business", "holidays": ["2026-12-24"], "extensionDays": 0,
        "rollForward": false, "citation": "Policy HIM-7", "inForce": { "from": "2026-01-01", "to": null } }
      A saved profile stands alone (it is the whole rule, not combined with HIPAA). Versions
      accumulate; each case is judged by the version in force on the day its request was received.
  profiles remove ID            remove every version (refused while a case uses it)`,
  channels: ['profiles.list', 'profiles.save', 'profiles.remove'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { input: { type: 'string' } } })
    if (action !== 'list' && action !== 'add' && action !== 'remove') throw new UsageError(`profiles: unknown action "${action ?? ''}". Use list, add or remove.`)
    if (action === 'add' && !values.input) throw new UsageError('profiles add: --input FILE (or -) with the profile as JSON is missing')
    const profile = action === 'add' ? await readJsonInput(ctx, values.input) : undefined
    const id = action === 'remove' ? requirePositional(positionals, 'A profile id', 'Usage: profiles remove ID') : ''
    return withChannels(ctx, async (invoke) => {
      if (action === 'list') {
        const rows = (await invoke('profiles.list', {})).map((p) => ({ id: p.id, label: p.source === 'saved' ? `${p.label} (version ${p.version})` : p.label, source: p.source }))
        if (ctx.json) printJson(ctx, rows)
        else printTable(ctx, rows, 'No profiles.')
      } else if (action === 'add') {
        const saved = await invoke('profiles.save', { profile })
        if (ctx.json) printJson(ctx, saved)
        else ctx.io.stdout(`Saved profile ${saved.id}, version ${saved.version}\n`)
      } else {
        await invoke('profiles.remove', { id })
        ctx.io.stdout(ctx.json ? `${JSON.stringify({ removed: id })}\n` : `Removed profile ${id}\n`)
      }
      return 0
    })
  }
}
