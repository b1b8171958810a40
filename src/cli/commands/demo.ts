import { parseArgs } from 'node:util'
import { writeDemo } from '../../services/demo/write'
import { UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withServices } from '../services'
import { todayOf } from '../../services/context'

export const demoCommand: CommandGroup = {
  name: 'demo',
  summary: 'Write a realistic sample caseload into an empty data folder',
  help: `Usage: access-advocate demo --data-dir DIR [--cases N] [--seed S] [--json]

Writes exactly N cases (default 200) with their patients, holders across several states and
correspondence, through the same validated services as real work. Cases come in every status:
not yet sent, awaiting, overdue, fulfilled on time and late, denied, withdrawn, with extensions,
fee problems, format mismatches and escalations. The same N and seed give the same caseload.
The folder must be empty: sample data is never mixed with real cases.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cases: { type: 'string' }, seed: { type: 'string' } } })
    const cases = values.cases === undefined ? 200 : Number(values.cases)
    if (!Number.isInteger(cases) || cases < 1 || cases > 100_000) throw new UsageError('--cases takes a whole number from 1 to 100000')
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed takes a whole number')
    if (!ctx.dataDir) throw new UsageError('demo needs --data-dir DIR: sample data goes into a folder of its own')
    let seq = 0
    return withServices(
      ctx,
      async (s) => {
        const result = await writeDemo(s, {
          cases,
          today: todayOf(s.context),
          ...(seed !== undefined && { seed }),
          onProgress: (done, total) => {
            if (!ctx.json) ctx.io.stderr(`\r${done}/${total} cases`)
          }
        })
        if (ctx.json) printJson(ctx, result)
        else ctx.io.stdout(`\nWrote ${result.cases} cases, ${result.events} events, ${result.patients} patients, ${result.organizations} organizations into ${s.dataDir}\n`)
        return 0
      },
      { newId: (prefix) => `${prefix}-${String(++seq).padStart(6, '0')}` }
    )
  }
}
