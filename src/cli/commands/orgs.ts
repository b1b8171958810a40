// `orgs`: an adapter over the orgs.* channels.
import { parseArgs } from 'node:util'
import { ORGANIZATION_KINDS } from '#core/schemas'
import { UsageError, type CommandGroup } from '../io'
import { given, printJson, printTable, readJsonInput, requirePositional } from '../output'
import { withChannels } from '../channels'

const HELP = `Usage: access-advocate orgs <add|list|show|merge> [options] [--data-dir DIR] [--json]

  orgs add --name NAME --kind KIND [--state ST] [--city C] [--phone P] [--fax F] [--email E] [--portal URL]
           [--covered-entity yes|no] [--input FILE|-]
           KIND: ${ORGANIZATION_KINDS.join(', ')}
           phone/fax/email/portal are the records (HIM) office's; use --input for the privacy officer
  orgs list [--query TEXT] [--kind KIND] [--state ST]
  orgs show ID
  orgs merge DUPLICATE_ID --into KEEP_ID
           moves the duplicate's cases (and patients' holders naming it) to KEEP_ID, notes it in
           every audit trail concerned, fills KEEP_ID's blank fields from the duplicate, removes the duplicate`

const options = {
  name: { type: 'string' },
  kind: { type: 'string' },
  state: { type: 'string' },
  city: { type: 'string' },
  phone: { type: 'string' },
  fax: { type: 'string' },
  email: { type: 'string' },
  portal: { type: 'string' },
  'covered-entity': { type: 'string' },
  query: { type: 'string' },
  input: { type: 'string' },
  into: { type: 'string' }
} as const

export const orgsCommand: CommandGroup = {
  name: 'orgs',
  help: HELP,
  channels: ['orgs.add', 'orgs.list', 'orgs.get', 'orgs.merge'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options })
    if (action !== 'add' && action !== 'list' && action !== 'show' && action !== 'merge') throw new UsageError(`orgs: unknown action "${action ?? ''}". Use add, list, show or merge.`)
    const covered = values['covered-entity']
    if (covered !== undefined && covered !== 'yes' && covered !== 'no') throw new UsageError('--covered-entity takes yes or no')
    const base = action === 'add' ? await readJsonInput(ctx, values.input) : {}
    return withChannels(ctx, async (invoke) => {
      switch (action) {
        case 'add': {
          const records = given({ phone: values.phone, fax: values.fax, email: values.email, portalUrl: values.portal })
          const org = await invoke('orgs.add', {
            organization: {
              ...base,
              ...given({ name: values.name, kind: values.kind, state: values.state }),
              ...(values.city ? { address: { ...(base['address'] as object | undefined), city: values.city } } : {}),
              ...(Object.keys(records).length ? { records: { ...(base['records'] as object | undefined), ...records } } : {}),
              ...(covered ? { coveredEntity: covered === 'yes' } : {})
            }
          })
          if (ctx.json) printJson(ctx, org)
          else ctx.io.stdout(`Added organization ${org.id}: ${org.name}\n`)
          return 0
        }
        case 'list': {
          if (values.kind && !(ORGANIZATION_KINDS as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${ORGANIZATION_KINDS.join(', ')}`)
          const list = await invoke('orgs.list', given({ text: values.query, kind: values.kind, state: values.state }))
          if (ctx.json) printJson(ctx, list)
          else printTable(ctx, list.map((o) => ({ id: o.id, name: o.name, kind: o.kind, state: o.state ?? '', city: o.city ?? '' })), 'No organizations.')
          return 0
        }
        case 'merge': {
          const duplicate = requirePositional(positionals, 'The duplicate organization id', 'Usage: orgs merge DUPLICATE_ID --into KEEP_ID')
          if (!values.into) throw new UsageError('orgs merge: --into KEEP_ID names the organization to keep')
          const merged = await invoke('orgs.merge', { keep: values.into, duplicate })
          if (ctx.json) printJson(ctx, merged)
          else {
            ctx.io.stdout(`Merged ${merged.removed.name} (${merged.removed.id}) into ${merged.organization.name} (${merged.organization.id}): `)
            ctx.io.stdout(`${merged.movedCases.length} case(s) and ${merged.movedHolders} patient(s) moved; the duplicate is removed.\n`)
          }
          return 0
        }
        case 'show': {
          const org = await invoke('orgs.get', { id: requirePositional(positionals, 'An organization id', 'Usage: orgs show ID') })
          if (ctx.json) printJson(ctx, org)
          else {
            ctx.io.stdout(`${org.name} (${org.id}), ${org.kind}${org.state ? `, ${org.state}` : ''}\n`)
            const r = org.records
            for (const [label, value] of [['phone', r.phone], ['fax', r.fax], ['email', r.email], ['portal', r.portalUrl]] as const) {
              if (value) ctx.io.stdout(`  records ${label}: ${value}\n`)
            }
          }
          return 0
        }
      }
    })
  }
}
