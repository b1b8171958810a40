// `report compliance`: an adapter over the reports.compliance and reports.export channels. The
// channel's schema checks the dates and the filter (exit code 2 naming the field); this file only
// turns arguments into that input, and the answer into a file or a printout.
import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EXIT_OK, UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels } from '../channels'

const FILTER_KEYS = { org: 'organizationId', site: 'site', staff: 'staff', requester: 'requesterType', kind: 'requestKind', perspective: 'perspective' } as const
const FORMATS = { '.docx': 'docx', '.csv': 'csv', '.pdf': 'pdf' } as const

const HELP = `Usage: access-advocate report compliance --from YYYY-MM-DD --to YYYY-MM-DD [--filter KEY=VALUE …]
                                    [--out FILE.docx|FILE.csv|FILE.pdf] [--data-dir DIR] [--json]

The compliance report over the requests received in the period: on-time share against HIPAA and
the state rule, median and 90th-percentile days to fulfil, extensions, fees, formats, denials,
review turnaround, aging of open requests, repeat follow-ups, holder scorecards, and every
non-compliant request with its findings and citations. Clocks are computed as of the period's
last day (or today, if earlier); the report states how open requests count.

  --out FILE   writes the report; the extension picks the format: .docx (charts and a table per
               metric), .csv (one row per request with its findings), .pdf (needs LibreOffice)
               without --out, the summary and every metric are printed (--json: the whole report)
  --filter     ${Object.keys(FILTER_KEYS).join(', ')}; repeat for several, e.g. --filter site="North clinic"
               org takes an organization id; kind: access-self, access-third-party, amendment, accounting,
               authorization-disclosure; perspective: advocate or practice`

function parseFilters(values: ReadonlyArray<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of values) {
    const eq = v.indexOf('=')
    const key = eq > 0 ? v.slice(0, eq) : ''
    if (!(key in FILTER_KEYS)) throw new UsageError(`--filter ${v}: expected KEY=VALUE with KEY one of ${Object.keys(FILTER_KEYS).join(', ')}`)
    out[FILTER_KEYS[key as keyof typeof FILTER_KEYS]] = v.slice(eq + 1)
  }
  return out
}

export const reportCommand: CommandGroup = {
  name: 'report',
  help: HELP,
  channels: ['reports.compliance', 'reports.export'],
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { from: { type: 'string' }, to: { type: 'string' }, filter: { type: 'string', multiple: true }, out: { type: 'string' } }
    })
    if (positionals[0] !== 'compliance' || positionals.length > 1) throw new UsageError('expected "report compliance --from DATE --to DATE [--out FILE]". Run report --help.')
    if (!values.from || !values.to) throw new UsageError('report compliance needs --from YYYY-MM-DD and --to YYYY-MM-DD')
    const filter = parseFilters(values.filter ?? [])
    const request = { from: values.from, to: values.to, ...(Object.keys(filter).length > 0 && { filter }) }
    const out = values.out ? resolve(ctx.io.cwd, values.out) : undefined
    const format = out ? FORMATS[extname(out).toLowerCase() as keyof typeof FORMATS] : undefined
    if (out && !format) throw new UsageError(`--out ${values.out}: the file must end in .docx, .csv or .pdf`)
    return withChannels(ctx, async (invoke) => {
      if (out && format) {
        if (format === 'pdf' && !ctx.json) ctx.io.stderr('Converting to PDF with LibreOffice…\n')
        const file = await invoke('reports.export', { request, format })
        try {
          await writeFile(out, Buffer.from(file.base64, 'base64'))
        } catch (error) {
          throw new UsageError(`--out ${values.out}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
        }
        if (ctx.json) printJson(ctx, { file: out, format, bytes: file.bytes })
        else ctx.io.stdout(`Wrote ${out} (${file.bytes} bytes)\n`)
        return EXIT_OK
      }
      const view = await invoke('reports.compliance', request)
      if (ctx.json) {
        printJson(ctx, view.report)
        return EXIT_OK
      }
      ctx.io.stdout(`${view.summary.join('\n')}\n`)
      for (const t of view.tables) {
        ctx.io.stdout(`\n${t.title}\n`)
        for (const r of t.rows) ctx.io.stdout(`  ${r.label.padEnd(44)} ${r.value}\n`)
      }
      ctx.io.stdout(`\nHow requests are counted:\n${view.report.conventions.map((c) => `  - ${c}`).join('\n')}\n`)
      return EXIT_OK
    })
  }
}
