// `letters`: a thin adapter. It parses arguments into the letters channels' input, calls them
// through the same router the app uses, and saves the stored files with attachments.saveTo.
import { setFieldName } from '../set-field'
import { mkdir } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ChannelInput } from '#shared/contract'
import { BULK_FILTERS } from '#shared/channels/letters'
import { EXIT_USAGE, UsageError, type CliContext, type CommandGroup } from '../io'
import { printJson, printTable } from '../output'
import { withChannels, type Invoke } from '../channels'

const HELP = `Usage: access-advocate letters <templates|render|bulk> [options] [--data-dir DIR] [--json]

  letters templates [--step STEP]            every template: id, version, title, kinds, steps, required fields
  letters render --case ID --template ID --out FILE.docx|FILE.pdf
                 [--date YYYY-MM-DD] [--version N] [--set field=value …]
      Builds the letter from the case's facts, saves it to the case (DOCX in its attachments and a
      draft event) and writes it to FILE. A .pdf is an archive PDF/A-2b made with LibreOffice.
      A required field the case does not know is named on stderr (exit 2); give it with --set.
  letters bulk --template ID (--filter ${BULK_FILTERS.join('|')} | --case ID …) --out DIR
                 [--date YYYY-MM-DD] [--set field=value …]
      One letter per case, saved to each case and written to DIR; one line per case made or skipped.`

function parseSets(sets: ReadonlyArray<string>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const s of sets) {
    const eq = s.indexOf('=')
    if (eq <= 0) throw new UsageError(`--set ${s}: write it as field=value, e.g. --set holder.privacyOfficer="Jane Roe"`)
    values[setFieldName(s, s.slice(0, eq))] = s.slice(eq + 1)
  }
  return values
}

const date = (d: string | undefined) => (d === undefined ? {} : { date: d })

function reportMissing(ctx: CliContext, missing: ReadonlyArray<{ path: string; label: string }>): number {
  for (const m of missing) ctx.io.stderr(`error: missing required field ${m.path} (${m.label}): give it with --set ${m.path}=…\n`)
  return EXIT_USAGE
}

/** A letter's DOCX, as stored in its case, written to a file. */
async function saveLetter(invoke: Invoke, caseId: string, letterId: string, path: string): Promise<void> {
  const view = await invoke('cases.get', { id: caseId })
  const letter = view.case.letters.find((l) => l.id === letterId)
  if (!letter) throw new UsageError(`letters bulk: case ${caseId} has no letter ${letterId}`)
  await invoke('attachments.saveTo', { sha256: letter.file.sha256, path })
}

export const lettersCommand: CommandGroup = {
  name: 'letters',
  help: HELP,
  channels: ['letters.templates', 'letters.prepare', 'letters.generate', 'letters.archivePdf', 'letters.bulk', 'cases.get', 'attachments.saveTo'],
  async run(args, ctx) {
    const [action, ...rest] = args
    const { values } = parseArgs({
      args: rest,
      options: { case: { type: 'string', multiple: true }, template: { type: 'string' }, out: { type: 'string' }, date: { type: 'string' }, set: { type: 'string', multiple: true }, version: { type: 'string' }, filter: { type: 'string' }, step: { type: 'string' } }
    })
    if (action !== 'templates' && action !== 'render' && action !== 'bulk') throw new UsageError(`letters: unknown action "${action ?? ''}". Use templates, render or bulk.`)
    const sets = parseSets(values.set ?? [])
    return withChannels(ctx, async (invoke) => {
      if (action === 'templates') {
        const list = await invoke('letters.templates', values.step ? ({ step: values.step } as ChannelInput<'letters.templates'>) : {})
        if (ctx.json) printJson(ctx, list.map((t) => ({ id: t.id, version: t.version, title: t.title, side: t.side, kinds: t.kinds, steps: t.steps, required: t.required, optional: t.optional, builtIn: t.builtIn })))
        else printTable(ctx, list.map((t) => ({ id: t.id, version: t.version, side: t.side, steps: t.steps.join(','), required: t.required.join(','), title: t.title })), 'No templates.')
        return 0
      }
      if (!values.template) throw new UsageError(`letters ${action}: --template ID is missing (see letters templates)`)
      if (!values.out) throw new UsageError(`letters ${action}: --out ${action === 'render' ? 'FILE.docx or FILE.pdf' : 'DIR'} is missing`)
      const out = resolve(ctx.io.cwd, values.out)

      if (action === 'render') {
        const caseId = values.case?.[0]
        if (!caseId) throw new UsageError('letters render: --case ID is missing')
        const ext = extname(out).toLowerCase()
        if (ext !== '.docx' && ext !== '.pdf') throw new UsageError('letters render: --out must end in .docx or .pdf')
        const version = values.version === undefined ? {} : { templateVersion: Number(values.version) }
        const ref = { caseId, templateId: values.template, ...version, ...date(values.date), values: sets }
        const prepared = await invoke('letters.prepare', ref)
        if (prepared.refusal) throw new UsageError(`letters render: ${prepared.refusal}`)
        if (prepared.missing.length > 0) return reportMissing(ctx, prepared.missing)
        const letter = await invoke('letters.generate', ref)
        const sha256 = ext === '.pdf' ? (await invoke('letters.archivePdf', { caseId, letterId: letter.id })).sha256 : letter.file.sha256
        const saved = await invoke('attachments.saveTo', { sha256, path: out })
        if (ctx.json) printJson(ctx, { letter, out })
        else ctx.io.stdout(`Wrote ${out} (${saved.bytes} bytes); saved to case ${caseId} as draft letter ${letter.id}\n`)
        return 0
      }

      const filter = values.filter
      if (filter !== undefined && !(BULK_FILTERS as readonly string[]).includes(filter)) throw new UsageError(`letters bulk: --filter must be one of ${BULK_FILTERS.join(', ')}`)
      if (filter === undefined && !values.case) throw new UsageError('letters bulk: give --filter or one or more --case ID')
      await mkdir(out, { recursive: true })
      const result = await invoke('letters.bulk', { templateId: values.template, ...(values.case ? { caseIds: values.case } : {}), ...(filter ? { filter: filter as (typeof BULK_FILTERS)[number] } : {}), ...date(values.date), values: sets })
      for (const made of result.made) {
        await saveLetter(invoke, made.caseId, made.letterId, join(out, `${made.caseId}-${made.name}`))
        if (!ctx.json) ctx.io.stdout(`made     ${made.caseId}  ${made.name}\n`)
      }
      if (!ctx.json) for (const skipped of result.skipped) ctx.io.stdout(`skipped  ${skipped.caseId}  ${skipped.reason}\n`)
      if (ctx.json) printJson(ctx, result)
      else ctx.io.stdout(`${result.made.length} made, ${result.skipped.length} skipped${result.cancelled ? ' (cancelled)' : ''}\n`)
      return 0
    })
  }
}

