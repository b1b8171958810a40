// `today`: an adapter over worklist.today: what needs doing today and this week, with counts.
import { parseArgs } from 'node:util'
import type { CommandGroup } from '../io'
import { withChannels } from '../channels'

const WHEN_WORDS = { overdue: 'overdue', today: 'today', 'this-week': 'this week', later: 'later' } as const
const WAITING_WORDS = { me: 'my action', holder: 'waiting on the holder', agency: 'waiting on an agency', none: 'closed' } as const

export const todayCommand: CommandGroup = {
  name: 'today',
  help: `Usage: access-advocate today [--as-of YYYY-MM-DD] [--data-dir DIR] [--json]

Lists next steps due or overdue, agency acknowledgements to check, reminders, OCR complaint
windows closing within 30 days and letters drafted but not marked sent, earliest first, then
the number of cases by status and by who they wait on (my action, the holder, an agency).
--as-of shows the list as it stood, or will stand, on another day.`,
  channels: ['worklist.today'],
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { 'as-of': { type: 'string' } }, allowPositionals: false })
    return withChannels(ctx, async (invoke) => {
      const w = await invoke('worklist.today', values['as-of'] === undefined ? {} : { asOf: values['as-of'] })
      if (ctx.json) {
        ctx.io.stdout(JSON.stringify(w) + '\n')
        return 0
      }
      ctx.io.stdout(`Today ${w.today} (this week: to ${w.weekEnd})\n`)
      if (w.items.length === 0) ctx.io.stdout('Nothing is due this week.\n')
      for (const i of w.items) {
        ctx.io.stdout(`${i.date}  ${WHEN_WORDS[i.when].padEnd(9)}  ${i.title} — ${i.patientName}, ${i.organizationName}  (case ${i.caseId})\n`)
      }
      const status = Object.entries(w.counts.byStatus).map(([k, n]) => `${k} ${n}`).join(', ')
      const waiting = Object.entries(w.counts.byWaitingOn).map(([k, n]) => `${WAITING_WORDS[k as keyof typeof WAITING_WORDS]} ${n}`).join(', ')
      ctx.io.stdout(`\n${w.counts.total} cases. By status: ${status || 'none'}.\nBy who they wait on: ${waiting}.\n`)
      return 0
    })
  }
}
