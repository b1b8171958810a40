import { parseArgs } from 'node:util'
import { BUILT_IN_PROFILES } from '../../core/rules'
import { UsageError, type CommandGroup } from '../io'
import { printJson, printTable, readJsonInput, requirePositional } from '../output'
import { withServices } from '../services'

export const profilesCommand: CommandGroup = {
  name: 'profiles',
  summary: 'List rule profiles; save or remove your own',
  help: `Usage: access-advocate profiles <list|add|remove> [options] [--data-dir DIR] [--json]

  profiles list                 built-in profiles and the ones you saved
  profiles add --input FILE|-   save a profile (or a new version of one):
      { "id": "org-policy", "label": "Our 10-day policy", "version": "2",
        "days": 10, "dayKind": "business", "holidays": ["2026-12-24"], "extensionDays": 0,
        "rollForward": false, "citation": "Policy HIM-7", "inForce": { "from": "2026-01-01", "to": null } }
      A saved profile stands alone (it is the whole rule, not combined with HIPAA). Versions
      accumulate; each case is judged by the version in force on the day its request was received.
  profiles remove ID            remove every version (refused while a case uses it)`,
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { input: { type: 'string' } } })
    return withServices(ctx, async (s) => {
      switch (action) {
        case 'list': {
          const builtIn = BUILT_IN_PROFILES.map((p) => ({ id: p.id, label: p.label, source: 'built-in' }))
          const saved = s.settings.get().savedProfiles.map((p) => ({ id: p.id, label: `${p.label} (version ${p.version})`, source: 'saved' }))
          if (ctx.json) printJson(ctx, [...builtIn, ...saved])
          else printTable(ctx, [...builtIn, ...saved], 'No profiles.')
          return 0
        }
        case 'add': {
          if (!values.input) throw new UsageError('profiles add: --input FILE (or -) with the profile as JSON is missing')
          const profile = await s.settings.saveProfile(await readJsonInput(ctx, values.input))
          if (ctx.json) printJson(ctx, profile)
          else ctx.io.stdout(`Saved profile ${profile.id}, version ${profile.version}\n`)
          return 0
        }
        case 'remove': {
          const id = requirePositional(positionals, 'A profile id', 'Usage: profiles remove ID')
          await s.settings.removeProfile(id)
          ctx.io.stdout(ctx.json ? `${JSON.stringify({ removed: id })}\n` : `Removed profile ${id}\n`)
          return 0
        }
        default:
          throw new UsageError(`profiles: unknown action "${action ?? ''}". Use list, add or remove.`)
      }
    })
  }
}
