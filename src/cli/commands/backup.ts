import { parseArgs } from 'node:util'
import type { BackupInfo } from '../../store/types'
import { UsageError, type CliContext, type CommandGroup } from '../io'
import { printJson, printTable, requirePositional } from '../output'
import { withServices } from '../services'

const describe = (b: BackupInfo) => Object.entries(b.counts).map(([k, n]) => `${n} ${k}`).join(', ')

function printBackup(ctx: CliContext, b: BackupInfo): void {
  ctx.io.stdout(`Backup ${b.id} (${b.reason}, ${b.createdAt}, ${(b.bytes / 1024).toFixed(0)} KB${b.encrypted ? ', encrypted' : ''}): ${describe(b)}\n`)
}

export const backupCommand: CommandGroup = {
  name: 'backup',
  summary: 'Back up now, list backups, preview or restore one',
  help: `Usage: access-advocate backup <now|list|preview|restore|verify> [ID] [--yes] [--data-dir DIR] [--json]

  backup now            a backup of the whole data folder
  backup list           newest first: date, reason, size and what each holds
  backup preview ID     what the backup holds
  backup restore ID --yes
                        replace the current data with the backup's (the current data is
                        itself backed up first, so a restore can be undone)
  backup verify         check every case file, attachment (against its SHA-256) and backup
                        (against its manifest); repair what a backup can; exit 1 if damage remains`,
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { yes: { type: 'boolean' } } })
    return withServices(ctx, async (s) => {
      switch (action) {
        case 'now': {
          const b = await s.store.backups.create('manual')
          if (ctx.json) printJson(ctx, b)
          else printBackup(ctx, b)
          return 0
        }
        case 'list': {
          const list = await s.store.backups.list()
          if (ctx.json) printJson(ctx, list)
          else printTable(ctx, list.map((b) => ({ id: b.id, reason: b.reason, created: b.createdAt, holds: b.damaged === undefined ? describe(b) : `DAMAGED: ${b.damaged}` })), 'No backups yet.')
          return 0
        }
        case 'preview': {
          const b = await s.store.backups.preview(requirePositional(positionals, 'A backup id', 'Usage: backup preview ID'))
          if (ctx.json) printJson(ctx, b)
          else printBackup(ctx, b)
          return 0
        }
        case 'restore': {
          const id = requirePositional(positionals, 'A backup id', 'Usage: backup restore ID --yes')
          const b = await s.store.backups.preview(id)
          if (!values.yes) throw new UsageError(`backup restore replaces the current data with ${id} (${describe(b)}). Add --yes to go ahead.`)
          await s.store.backups.restore(id)
          ctx.io.stdout(ctx.json ? `${JSON.stringify({ restored: id })}\n` : `Restored ${id}. The data as it was before is in a pre-restore backup.\n`)
          return 0
        }
        case 'verify': {
          const c = await s.store.check()
          const records = Object.entries(c.damagedRecords).flatMap(([k, ids]) => ids.map((id) => `${k} ${id}`))
          if (ctx.json) printJson(ctx, c)
          else {
            ctx.io.stdout(`Checked ${c.attachments.checked} attachments and ${c.backups.checked} backups; ${c.recoveries.length} repaired or reported now.\n`)
            for (const r of records) ctx.io.stdout(`damaged, no good copy in any backup: ${r}\n`)
            for (const sha of c.attachments.damaged) ctx.io.stdout(`damaged attachment, no good copy in any backup: ${sha}\n`)
            for (const b of c.backups.damaged) ctx.io.stdout(`damaged backup ${b.id}: ${b.damaged}\n`)
          }
          return records.length + c.attachments.damaged.length + c.backups.damaged.length === 0 ? 0 : 1
        }
        default:
          throw new UsageError(`backup: unknown action "${action ?? ''}". Use now, list, preview, restore or verify.`)
      }
    })
  }
}
