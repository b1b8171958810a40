// `patients`: an adapter over the patients.* channels.
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { given, printJson, printTable, readJsonInput, requirePositional } from '../output'
import { withChannels } from '../channels'

const HELP = `Usage: access-advocate patients <add|list|show> [options] [--data-dir DIR] [--json]

  patients add --name NAME [--dob YYYY-MM-DD] [--phone P] [--email E] [--language L] [--notes TEXT]
               [--input FILE|-]     full JSON (fields of a patient); flags override it
  patients list [--query TEXT]      patients whose name or identifier contains TEXT
  patients show ID                  one patient with representatives, holders to request and history

--json prints JSON (list: an array).`

const options = {
  name: { type: 'string' },
  dob: { type: 'string' },
  phone: { type: 'string' },
  email: { type: 'string' },
  language: { type: 'string' },
  notes: { type: 'string' },
  query: { type: 'string' },
  input: { type: 'string' }
} as const

export const patientsCommand: CommandGroup = {
  name: 'patients',
  help: HELP,
  channels: ['patients.add', 'patients.list', 'patients.get'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options })
    if (action !== 'add' && action !== 'list' && action !== 'show') throw new UsageError(`patients: unknown action "${action ?? ''}". Use add, list or show.`)
    const base = action === 'add' ? await readJsonInput(ctx, values.input) : {}
    return withChannels(ctx, async (invoke) => {
      switch (action) {
        case 'add': {
          const contact = given({ phone: values.phone, email: values.email })
          const patient = await invoke('patients.add', {
            patient: {
              ...base,
              ...given({ name: values.name, dateOfBirth: values.dob, preferredLanguage: values.language, notes: values.notes }),
              ...(Object.keys(contact).length ? { contact: { ...(base['contact'] as object | undefined), ...contact } } : {})
            }
          })
          if (ctx.json) printJson(ctx, patient)
          else ctx.io.stdout(`Added patient ${patient.id}: ${patient.name}\n`)
          return 0
        }
        case 'list': {
          const list = await invoke('patients.list', given({ text: values.query }))
          if (ctx.json) printJson(ctx, list)
          else printTable(ctx, list.map((p) => ({ id: p.id, name: p.name, born: p.dateOfBirth ?? '', representatives: p.representatives })), 'No patients.')
          return 0
        }
        case 'show': {
          const patient = await invoke('patients.get', { id: requirePositional(positionals, 'A patient id', 'Usage: patients show ID') })
          if (ctx.json) printJson(ctx, patient)
          else {
            ctx.io.stdout(`${patient.name} (${patient.id})${patient.dateOfBirth ? `, born ${patient.dateOfBirth}` : ''}\n`)
            for (const r of patient.representatives) ctx.io.stdout(`  representative: ${r.name} (${r.authority})\n`)
            for (const h of patient.holdersToRequest) ctx.io.stdout(`  holder to request: ${h.name} — found in ${h.foundIn}${h.caseId ? ` → case ${h.caseId}` : ''}\n`)
          }
          return 0
        }
      }
    })
  }
}
