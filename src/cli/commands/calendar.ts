// `calendar`: deadlines, escalation steps, complaint-window closes and reminders as .ics.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels } from '../channels'

export const calendarCommand: CommandGroup = {
  name: 'calendar',
  channels: ['interop.calendar'],
  help: `Usage: access-advocate calendar --out FILE.ics [--case ID]... [--phi initials|names|none]

  All-day events for each open case's due date and pending escalation steps, the day its OCR
  complaint window closes, and its reminders. UIDs are stable: importing a newer file into your
  calendar updates the events instead of duplicating them. --phi says how the patient is named in
  the events: initials (the default), names, or none.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, case: { type: 'string', multiple: true }, phi: { type: 'string' } } })
    if (!values.out) throw new UsageError('calendar: --out FILE.ics is required')
    if (values.phi && !['initials', 'names', 'none'].includes(values.phi)) throw new UsageError('calendar: --phi must be initials, names or none')
    const out = resolve(ctx.io.cwd, values.out)
    return withChannels(ctx, async (invoke) => {
      const r = await invoke('interop.calendar', { out, ...(values.case && { caseIds: values.case }), ...(values.phi && { phi: values.phi }) })
      if (ctx.json) printJson(ctx, { path: r.path, events: r.events })
      else ctx.io.stdout(`Wrote ${r.events} event(s) to ${out}.\n`)
      return 0
    })
  }
}
