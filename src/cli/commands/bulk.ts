// `bulk`: an adapter over cases.bulk, cases.lastChange and cases.undo. The same actions the
// caseload's selection bar offers, on the case ids given; each prints its summary and the change
// set to undo it with.
import { parseArgs } from 'node:util'
import { CASE_EVENT_TYPES, PRIORITIES } from '#core/schemas'
import type { BulkAction } from '#shared/channels/bulk'
import { UsageError, type CommandGroup } from '../io'
import { given, printJson, requirePositional } from '../output'
import { withChannels } from '../channels'

const ACTIONS = ['assign', 'tag', 'priority', 'event', 'letters', 'trash', 'restore', 'last', 'undo'] as const

const HELP = `Usage: access-advocate bulk <action> --case ID [--case ID …] [options] [--data-dir DIR] [--json]

  bulk assign   --case ID … (--to NAME | --clear)        set (or clear) the advocate
  bulk tag      --case ID … [--add TAG …] [--remove TAG …]
  bulk priority --case ID … --set ${PRIORITIES.join('|')}
  bulk event    --case ID … --type TYPE --date YYYY-MM-DD [--summary TEXT] [--channel C] [--direction D]
                the same event on every case, e.g. --type request-sent for a batch faxed together
  bulk letters  --case ID … --template ID [--date YYYY-MM-DD]   one draft letter per case
  bulk trash    --case ID …                              move to the trash
  bulk restore  --case ID …                              bring back from the trash
  bulk last                                              the last change, and whether it can be undone
  bulk undo CHANGE_ID                                    undo the last change (refused if a case changed since)

  Cases can also be given comma-separated: --case a,b,c. Event types: ${CASE_EVENT_TYPES.join(', ')}`

const options = {
  case: { type: 'string', multiple: true },
  to: { type: 'string' },
  clear: { type: 'boolean' },
  add: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  set: { type: 'string' },
  type: { type: 'string' },
  date: { type: 'string' },
  summary: { type: 'string' },
  channel: { type: 'string' },
  direction: { type: 'string' },
  template: { type: 'string' }
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values']

function actionOf(name: string, v: Values): BulkAction {
  switch (name) {
    case 'assign':
      if (v.clear) return { kind: 'assign', assignee: null }
      if (!v.to) throw new UsageError('bulk assign: give --to NAME, or --clear')
      return { kind: 'assign', assignee: v.to }
    case 'tag':
      if (!v.add && !v.remove) throw new UsageError('bulk tag: give --add TAG or --remove TAG')
      return { kind: 'tag', add: v.add ?? [], remove: v.remove ?? [] }
    case 'priority':
      if (!v.set) throw new UsageError(`bulk priority: --set is missing (one of ${PRIORITIES.join(', ')})`)
      return { kind: 'priority', priority: v.set as (typeof PRIORITIES)[number] }
    case 'event':
      if (!v.type) throw new UsageError(`bulk event: --type is missing (one of ${CASE_EVENT_TYPES.join(', ')})`)
      if (!v.date) throw new UsageError('bulk event: --date YYYY-MM-DD is missing')
      // The router checks the event against its type's schema and names any field that is wrong.
      return { kind: 'event', event: { type: v.type, date: v.date, ...given({ summary: v.summary, channel: v.channel, direction: v.direction }) } as Extract<BulkAction, { kind: 'event' }>['event'] }
    case 'letters':
      if (!v.template) throw new UsageError('bulk letters: --template ID is missing (see letters templates)')
      return { kind: 'letters', templateId: v.template, ...given({ date: v.date }) }
    default:
      return { kind: name as 'trash' | 'restore' }
  }
}

export const bulkCommand: CommandGroup = {
  name: 'bulk',
  help: HELP,
  channels: ['cases.bulk', 'cases.lastChange', 'cases.undo'],
  async run(args, ctx) {
    const [name, ...rest] = args
    if (!(ACTIONS as readonly string[]).includes(name ?? '')) throw new UsageError(`bulk: unknown action "${name ?? ''}". Use ${ACTIONS.join(', ')}.`)
    const { values: v, positionals } = parseArgs({ args: rest, allowPositionals: true, options })
    if (name === 'last') {
      return withChannels(ctx, async (invoke) => {
        const last = await invoke('cases.lastChange', {})
        if (ctx.json) printJson(ctx, last)
        else if (!last) ctx.io.stdout('No change to undo.\n')
        else ctx.io.stdout(`${last.summary} (${last.at})${last.undoneAt ? `; undone ${last.undoneAt}` : `; undo with: bulk undo ${last.id}`}\n`)
        return 0
      })
    }
    if (name === 'undo') {
      const changeSetId = requirePositional(positionals, 'A change id', 'Usage: bulk undo CHANGE_ID (see bulk last)')
      return withChannels(ctx, async (invoke) => {
        const r = await invoke('cases.undo', { changeSetId })
        if (ctx.json) printJson(ctx, r)
        else ctx.io.stdout(`${r.summary}.\n`)
        return 0
      })
    }
    const ids = (v.case ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean)
    if (ids.length === 0) throw new UsageError(`bulk ${name}: give the cases with --case ID (repeat it, or separate ids with commas)`)
    const action = actionOf(name as string, v)
    return withChannels(ctx, async (invoke) => {
      const r = await invoke('cases.bulk', { ids, action })
      if (ctx.json) printJson(ctx, r)
      else {
        ctx.io.stdout(`${r.summary}.\n`)
        for (const u of r.unchanged) ctx.io.stdout(`  ${u.caseId}: ${u.reason}\n`)
        if (r.changeSetId) ctx.io.stdout(`Undo with: bulk undo ${r.changeSetId}\n`)
      }
      return 0
    })
  }
}
