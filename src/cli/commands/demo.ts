// `demo`: an adapter over demo.write.
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels } from '../channels'

export const demoCommand: CommandGroup = {
  name: 'demo',
  help: `Usage: access-advocate demo --data-dir DIR [--cases N] [--seed S] [--json]

Writes exactly N cases (default 200) with their patients, holders across several states and
correspondence, through the same validated services as real work. Cases come in every status:
not yet sent, awaiting, overdue, fulfilled on time and late, denied, withdrawn, with extensions,
fee problems, format mismatches and escalations. The same N and seed give the same caseload.
The folder must be empty: sample data is never mixed with real cases.`,
  channels: ['demo.write', 'app.info'],
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cases: { type: 'string' }, seed: { type: 'string' } } })
    const cases = values.cases === undefined ? 200 : Number(values.cases)
    if (!Number.isInteger(cases) || cases < 1 || cases > 100_000) throw new UsageError('--cases takes a whole number from 1 to 100000')
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed takes a whole number')
    if (!ctx.dataDir) throw new UsageError('demo needs --data-dir DIR: sample data goes into a folder of its own')
    // Sequential ids, so the same N and seed give byte-for-byte the same caseload.
    let seq = 0
    return withChannels(
      ctx,
      async (invoke) => {
        const result = await invoke('demo.write', { cases, ...(seed !== undefined && { seed }) })
        if (ctx.json) printJson(ctx, result)
        else {
          const { dataDir } = await invoke('app.info', {})
          ctx.io.stdout(`\nWrote ${result.cases} cases, ${result.events} events, ${result.patients} patients, ${result.organizations} organizations into ${dataDir}\n`)
        }
        return 0
      },
      {
        newId: (prefix) => `${prefix}-${String(++seq).padStart(6, '0')}`,
        onProgress: (done, total) => {
          if (!ctx.json) ctx.io.stderr(`\r${done}/${total} cases`)
        }
      }
    )
  }
}
