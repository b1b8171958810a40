// `export`: the whole data folder as one zip, or CSV of cases, patients, organizations or the
// request log. An adapter over interop.exportAll and interop.csvExport.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels } from '../channels'

const WHAT = ['cases', 'patients', 'orgs', 'requests'] as const

export const exportCommand: CommandGroup = {
  name: 'export',
  channels: ['interop.csvExport', 'interop.exportAll'],
  help: `Usage: access-advocate export --out FILE.zip [--data-dir DIR] [--json]
       access-advocate export csv --what cases|patients|orgs|requests --out FILE.csv
                                  [--status S]... [--text T] [--min-days-late N] [--tag T]
                                  [--columns a,b,...]

  export --out FILE.zip   every record as JSON, every attachment by hash, and a manifest with the
                          SHA-256 of each file; import it with: import --in FILE.zip
  export csv              a CSV that opens in Excel and LibreOffice (UTF-8 with BOM, CRLF, every
                          value quoted, formula-like cells escaped). For cases and requests the
                          caseload filters apply: --status (repeatable), --text, --min-days-late, --tag.
                          --columns picks the case columns: id, patient, holder, status, received,
                          due, daysLate, daysRemaining, nextStep, nextStepDue, findings, references,
                          tags, priority, lastEvent`,
  async run(args, ctx) {
    const csv = args[0] === 'csv'
    const { values, positionals } = parseArgs({
      args: csv ? args.slice(1) : args,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        what: { type: 'string' },
        status: { type: 'string', multiple: true },
        text: { type: 'string' },
        'min-days-late': { type: 'string' },
        tag: { type: 'string' },
        columns: { type: 'string' }
      }
    })
    void positionals
    if (!values.out) throw new UsageError(`export: --out FILE is required (e.g. --out ${csv ? 'cases.csv' : 'everything.zip'})`)
    const out = resolve(ctx.io.cwd, values.out)
    return withChannels(ctx, async (invoke) => {
      if (!csv) {
        const r = await invoke('interop.exportAll', { out })
        if (ctx.json) printJson(ctx, { path: r.path, bytes: r.bytes, files: r.files, counts: r.counts })
        else ctx.io.stdout(`Exported ${r.counts.cases} cases, ${r.counts.patients} patients, ${r.counts.organizations} organizations and ${r.counts.attachments} attachments to ${out}.\n`)
        return 0
      }
      if (!values.what || !(WHAT as readonly string[]).includes(values.what)) throw new UsageError(`export csv: --what must be one of ${WHAT.join(', ')}`)
      const minDaysLate = values['min-days-late'] === undefined ? undefined : Number(values['min-days-late'])
      if (minDaysLate !== undefined && !Number.isInteger(minDaysLate)) throw new UsageError('export csv: --min-days-late must be a whole number')
      const filter = {
        ...(values.status && { status: values.status }),
        ...(values.text && { text: values.text }),
        ...(minDaysLate !== undefined && { minDaysLate }),
        ...(values.tag && { tag: values.tag })
      }
      const r = await invoke('interop.csvExport', {
        out,
        what: values.what,
        ...(Object.keys(filter).length && { filter }),
        ...(values.columns && { columns: values.columns.split(',').map((c) => c.trim()) })
      })
      if (ctx.json) printJson(ctx, { path: r.path, rows: r.rows })
      else ctx.io.stdout(`Wrote ${r.rows} row(s) to ${out}.\n`)
      return 0
    })
  }
}
