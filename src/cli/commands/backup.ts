// `backup`: an adapter over the backup.* channels.
import { parseArgs } from 'node:util'
import type { BackupInfoValue } from '#shared/channels/data'
import { UsageError, type CliContext, type CommandGroup } from '../io'
import { printJson, printTable, requirePositional } from '../output'
import { withChannels } from '../channels'

const describe = (b: BackupInfoValue) => Object.entries(b.counts).map(([k, n]) => `${n} ${k}`).join(', ')

function printBackup(ctx: CliContext, b: BackupInfoValue): void {
  ctx.io.stdout(`Backup ${b.id} (${b.reason}, ${b.createdAt}, ${(b.bytes / 1024).toFixed(0)} KB${b.encrypted ? ', encrypted' : ''}): ${describe(b)}\n`)
}

export const backupCommand: CommandGroup = {
  name: 'backup',
  help: `Usage: access-advocate backup <now|list|preview|restore|verify> [ID] [--yes] [--data-dir DIR] [--json]

  backup now            a backup of the whole data folder
  backup list           newest first: date, reason, size and what each holds
  backup preview ID     what the backup holds
  backup restore ID --yes
                        replace the current data with the backup's (the current data is
                        itself backed up first, so a restore can be undone)
  backup verify         check every case file, attachment (against its SHA-256) and backup
                        (against its manifest); repair what a backup can; exit 1 if damage remains`,
  channels: ['backup.now', 'backup.list', 'backup.preview', 'backup.restore', 'data.check'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { yes: { type: 'boolean' } } })
    if (!['now', 'list', 'preview', 'restore', 'verify'].includes(action ?? '')) throw new UsageError(`backup: unknown action "${action ?? ''}". Use now, list, preview, restore or verify.`)
    const id = () => requirePositional(positionals, 'A backup id', `Usage: backup ${action} ID${action === 'restore' ? ' --yes' : ''}`)
    return withChannels(ctx, async (invoke) => {
      if (action === 'now') {
        const b = await invoke('backup.now', {})
        if (ctx.json) printJson(ctx, b)
        else printBackup(ctx, b)
      } else if (action === 'list') {
        const list = await invoke('backup.list', {})
        if (ctx.json) printJson(ctx, list)
        else printTable(ctx, list.map((b) => ({ id: b.id, reason: b.reason, created: b.createdAt, holds: b.damaged === undefined ? describe(b) : `DAMAGED: ${b.damaged}` })), 'No backups yet.')
      } else if (action === 'preview') {
        const b = await invoke('backup.preview', { id: id() })
        if (ctx.json) printJson(ctx, b)
        else printBackup(ctx, b)
      } else if (action === 'verify') {
        const c = await invoke('data.check', {})
        const records = Object.entries(c.damagedRecords).flatMap(([k, ids]) => ids.map((rid) => `${k} ${rid}`))
        if (ctx.json) printJson(ctx, c)
        else {
          ctx.io.stdout(`Checked ${c.attachments.checked} attachments and ${c.backups.checked} backups; ${c.recoveries.length} repaired or reported now.\n`)
          for (const r of records) ctx.io.stdout(`damaged, no good copy in any backup: ${r}\n`)
          for (const sha of c.attachments.damaged) ctx.io.stdout(`damaged attachment, no good copy in any backup: ${sha}\n`)
          for (const b of c.backups.damaged) ctx.io.stdout(`damaged backup ${b.id}: ${b.damaged}\n`)
        }
        return records.length + c.attachments.damaged.length + c.backups.damaged.length === 0 ? 0 : 1
      } else {
        const backupId = id()
        const b = await invoke('backup.preview', { id: backupId })
        if (!values.yes) throw new UsageError(`backup restore replaces the current data with ${backupId} (${describe(b)}). Add --yes to go ahead.`)
        await invoke('backup.restore', { id: backupId })
        ctx.io.stdout(ctx.json ? `${JSON.stringify({ restored: backupId })}\n` : `Restored ${backupId}. The data as it was before is in a pre-restore backup.\n`)
      }
      return 0
    })
  }
}
