// `import`: a full export zip, a CSV of patients, organizations, cases or a request log, or e-mail
// messages onto a case. An adapter over the interop.* import channels.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type CliContext, type CommandGroup } from '../io'
import { printJson } from '../output'
import { withChannels, type Invoke } from '../channels'

const WHAT = ['cases', 'patients', 'orgs', 'requests'] as const

async function readMapping(ctx: CliContext, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(resolve(ctx.io.cwd, file), 'utf8'))
  } catch (error) {
    throw new UsageError(`--map ${file}: ${error instanceof SyntaxError ? 'is not valid JSON' : `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`}`)
  }
}

async function importCsv(ctx: CliContext, args: string[], invoke: Invoke): Promise<number> {
  const { values } = parseArgs({ args, options: { what: { type: 'string' }, in: { type: 'string' }, map: { type: 'string' }, 'dry-run': { type: 'boolean' }, duplicates: { type: 'string' } } })
  if (!values.what || !(WHAT as readonly string[]).includes(values.what)) throw new UsageError(`import csv: --what must be one of ${WHAT.join(', ')}`)
  if (!values.in) throw new UsageError('import csv: --in FILE.csv is required')
  if (values.duplicates && !['match', 'new', 'skip'].includes(values.duplicates)) throw new UsageError('import csv: --duplicates must be match, new or skip')
  const input = {
    kind: values.what,
    source: { path: resolve(ctx.io.cwd, values.in) },
    ...(values.map && { mapping: await readMapping(ctx, values.map) }),
    ...(values.duplicates && { duplicates: values.duplicates })
  }
  const preview = await invoke('interop.csvPreview', input)
  if (values['dry-run'] || preview.blockers.length) {
    if (ctx.json) printJson(ctx, preview)
    else {
      ctx.io.stdout(`${preview.name}: ${preview.rowCount} row(s), ${preview.encoding}; mapping ${preview.mappingSource}:\n`)
      for (const [col, field] of Object.entries(preview.mapping.columns)) ctx.io.stdout(`  ${col} → ${field ?? '(ignored)'}\n`)
      for (const d of preview.dateColumns) ctx.io.stdout(`  dates in "${d.column}": ${d.state}${d.order ? ` (${d.order})` : ''}; ${d.examples.map((e) => `${e.value} → ${e.date ?? '?'}`).join(', ')}\n`)
      for (const d of preview.duplicates) ctx.io.stdout(`  already on file: ${d.entity} ${d.label} (rows ${d.rows.join(', ')}) = ${d.existingId}${d.decision ? `: ${d.decision}` : ''}\n`)
      for (const p of preview.problems.slice(0, 50)) ctx.io.stdout(`  row ${p.row}, ${p.column} "${p.value}": ${p.problem}\n`)
      if (preview.problemCount > 50) ctx.io.stdout(`  … and ${preview.problemCount - 50} more problem(s)\n`)
      ctx.io.stdout(`Would create ${preview.counts.patients} patient(s), ${preview.counts.organizations} organization(s), ${preview.counts.cases} case(s).\n`)
    }
    if (preview.blockers.length) {
      for (const b of preview.blockers) ctx.io.stderr(`error: ${b}\n`)
      ctx.io.stderr('Nothing was imported. (--map MAPPING.json sets columns and date orders; --duplicates match|new|skip decides duplicates.)\n')
      return 2
    }
    return 0
  }
  const r = await invoke('interop.csvImport', input)
  if (ctx.json) printJson(ctx, r)
  else ctx.io.stdout(`Imported ${r.cases} case(s), ${r.patients} patient(s), ${r.organizations} organization(s) (${r.skipped} row(s) skipped). A backup from just before: ${r.backupId}.\n`)
  return 0
}

async function importEml(ctx: CliContext, args: string[], invoke: Invoke): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { case: { type: 'string' } } })
  if (!values.case) throw new UsageError('import eml: --case ID is required')
  if (positionals.length === 0) throw new UsageError('import eml: name at least one .eml or .msg file')
  const out = await invoke('interop.importEml', { caseId: values.case, files: positionals.map((p) => ({ path: resolve(ctx.io.cwd, p) })) })
  if (ctx.json) printJson(ctx, out)
  else for (const o of out) ctx.io.stdout(o.status === 'imported' ? `${o.file}: imported as event ${o.eventId} (${o.date}, ${o.direction}, ${o.attachments} attachment(s)): ${o.subject}\n` : `${o.file}: skipped, ${o.reason}\n`)
  return 0
}

async function importZip(ctx: CliContext, args: string[], invoke: Invoke): Promise<number> {
  const { values } = parseArgs({ args, options: { in: { type: 'string' }, 'dry-run': { type: 'boolean' }, take: { type: 'string' }, 'no-new': { type: 'boolean' } } })
  if (!values.in) throw new UsageError('import: --in FILE.zip is required')
  const source = { path: resolve(ctx.io.cwd, values.in) }
  const preview = await invoke('interop.importPreview', { source })
  if (values['dry-run']) {
    if (ctx.json) printJson(ctx, preview)
    else {
      ctx.io.stdout(`${preview.name} (exported ${preview.exportedAt}): ${preview.added.length} new, ${preview.unchanged} unchanged, ${preview.conflicts.length} conflict(s).\n`)
      for (const c of preview.conflicts) ctx.io.stdout(`  conflict ${c.key} ${c.label}: ${c.changes.map((x) => x.path).join(', ')}\n`)
    }
    return 0
  }
  if (preview.conflicts.length && !values.take) {
    ctx.io.stderr(`warning: ${preview.conflicts.length} record(s) differ from this folder's and are kept as they are here; take them with --take all or --take KEY,KEY (see --dry-run).\n`)
  }
  const take = values.take === 'all' ? 'all' : values.take ? values.take.split(',').map((k) => k.trim()) : undefined
  const r = await invoke('interop.importAll', { source, ...(values['no-new'] && { takeNew: false }), ...(take && { take }) })
  if (ctx.json) printJson(ctx, r)
  else ctx.io.stdout(`Imported ${r.written} record(s) and ${r.attachments} attachment(s); ${r.skipped} left as they were.${r.backupId ? ` A backup from just before: ${r.backupId}.` : ''}\n`)
  return 0
}

export const importCommand: CommandGroup = {
  name: 'import',
  channels: ['interop.csvImport', 'interop.csvPreview', 'interop.importAll', 'interop.importEml', 'interop.importPreview'],
  help: `Usage: access-advocate import --in FILE.zip [--dry-run] [--take all|KEY,...] [--no-new]
       access-advocate import csv --what cases|patients|orgs|requests --in FILE.csv
                                  [--map MAPPING.json] [--duplicates match|new|skip] [--dry-run]
       access-advocate import eml --case ID FILE.eml|FILE.msg...

  import --in FILE.zip    a full export: into an empty folder everything comes in; into a folder
                          with data, new records come in and conflicts are listed (--dry-run) and
                          taken only with --take. A backup is taken first; all or nothing.
  import csv              columns are mapped by name (or by --map: {"columns": {"Header": "field"
                          or null}, "dateOrder": {"Header": "mdy"|"dmy"}}); --dry-run shows the
                          mapping, the dates as read, duplicates and every problem by row and
                          column. Nothing is written unless every row is good.
  import eml              each message (.eml, or Outlook .msg) becomes a correspondence event on
                          the case; a message already imported (same Message-ID) is skipped and
                          said so.`,
  async run(args, ctx) {
    const [sub, ...rest] = args
    return withChannels(ctx, (invoke) => (sub === 'csv' ? importCsv(ctx, rest, invoke) : sub === 'eml' ? importEml(ctx, rest, invoke) : importZip(ctx, args, invoke)))
  }
}
