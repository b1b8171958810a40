// The interop channels: each reads its file (by path from the command line, by picked-file token
// from the window), calls the interop service (as a task with progress and cancel when the window
// gave a taskId), writes or returns the result.
import type { FileSource } from '#shared/channels/interop'
import type { Handlers } from '../router'
import type { FilePicks } from '../files'
import type { Progress } from '../interop/progress'
import type { ServicesRef } from './index'
import { buildBundle, bundleExhibits } from '../interop/bundle/bundle'
import { complaintPacketFrom } from '../interop/bundle/packet'
import { calendarIcs } from '../interop/calendar/ics'
import { csvExporter } from '../interop/csv/export'
import { csvImporter, type CsvImportInput } from '../interop/csv/import'
import { importEml } from '../interop/email/eml'
import { readSource, resolveOut, writeOut } from '../interop/files'
import type { Desktop } from '../letters/desktop'
import { exportAll } from '../interop/full/export'
import { fullImporter } from '../interop/full/import'
import { MAX_CSV_BYTES, MAX_EML_BYTES, MAX_ZIP_BYTES } from '../interop/limits'

type InteropChannels =
  | 'interop.csvPreview'
  | 'interop.csvImport'
  | 'interop.csvExport'
  | 'interop.exportAll'
  | 'interop.importPreview'
  | 'interop.importAll'
  | 'interop.calendar'
  | 'interop.importEml'
  | 'interop.bundleExhibits'
  | 'interop.bundle'

type CsvChannelInput = Parameters<Handlers['interop.csvPreview']>[0]

export function interopHandlers(s: ServicesRef, files: FilePicks, desktop: () => Desktop | undefined = () => undefined): Pick<Handlers, InteropChannels> {
  const target = (input: { out?: string | undefined; saveAs?: boolean | undefined }, title: string, defaultName: string) =>
    resolveOut(input, desktop()?.chooseSavePath, { title, defaultName })

  /** A picked file's token stands for its path (kept by the services, never sent by the window). */
  const read = (source: FileSource, maxBytes: number, what: string) => readSource('token' in source ? { path: files.peek(source.token).path } : source, maxBytes, what)

  /** Runs long work as a task when the window follows it (taskId), else directly. */
  const asTask = <T>(label: string, taskId: string | undefined, work: (p: Progress) => Promise<T>): Promise<T> =>
    taskId === undefined ? work({}) : s().tasks.run(label, (task) => work({ onProgress: task.progress, signal: task.signal }), { taskId })

  async function csvInput(input: CsvChannelInput): Promise<CsvImportInput> {
  // One byte past the limit is enough for the decoder to name the limit in its own message.
  const { name, bytes } = await read(input.source, MAX_CSV_BYTES * 4, 'a CSV import')
  return {
    kind: input.kind,
    bytes,
    name,
    ...(input.mapping && { mapping: { ...input.mapping, kind: input.kind } }),
    ...(input.duplicates && { duplicates: input.duplicates }),
    ...(input.decisions && { decisions: input.decisions })
  }
  }

  return {
    'interop.csvPreview': async (input) => csvImporter(s()).preview(await csvInput(input)),
    'interop.csvImport': async (input) => {
      const parsed = await csvInput(input)
      return asTask(`Importing ${parsed.name}`, input.taskId, (p) => csvImporter(s()).commit(parsed, p))
    },
    'interop.csvExport': async ({ out: given, saveAs, what, filter, columns }) => {
      const { out } = await target({ out: given, saveAs }, 'Save the list as CSV', what === 'requests' ? 'request-log.csv' : `${what}.csv`)
      const r = await csvExporter(s()).export({ what, ...(filter && { filter }), ...(columns && { columns }) })
      return { ...(await writeOut(r.bytes, out)), rows: r.rows }
    },
    'interop.exportAll': async (input) => {
      const { out } = await target(input, 'Save the full export', 'access-advocate-export.zip')
      const r = await exportAll(s())
      return { ...(await writeOut(r.bytes, out)), files: r.manifest.files.length + 1, counts: r.manifest.counts }
    },
    'interop.importPreview': async ({ source }) => {
      const { name, bytes } = await read(source, MAX_ZIP_BYTES, 'an import')
      return fullImporter(s()).preview(bytes, name)
    },
    'interop.importAll': async ({ source, takeNew, take, taskId }) => {
      const { name, bytes } = await read(source, MAX_ZIP_BYTES, 'an import')
      return asTask(`Importing ${name}`, taskId, (p) => fullImporter(s()).commit(bytes, name, { ...(takeNew !== undefined && { takeNew }), ...(take !== undefined && { take }) }, p))
    },
    'interop.calendar': async ({ out: given, saveAs, caseIds, phi }) => {
      const { out } = await target({ out: given, saveAs }, 'Save the calendar', 'access-advocate.ics')
      const r = await calendarIcs(s(), { phi, ...(caseIds && { caseIds }) })
      return { ...(await writeOut(new TextEncoder().encode(r.text), out)), events: r.events }
    },
    'interop.importEml': async ({ caseId, files }) => {
      const messages = []
      for (const f of files) messages.push(await read(f, MAX_EML_BYTES, 'an e-mail import'))
      return importEml(s(), caseId, messages)
    },
    'interop.bundleExhibits': ({ caseId }) => bundleExhibits(s(), caseId),
    'interop.bundle': async ({ out: given, saveAs, caseId, exclude, withholdDateOfBirth, withholdIdentifiers, taskId }) => {
      const { out } = await target({ out: given, saveAs }, 'Save the evidence bundle', `evidence-${caseId}.zip`)
      const r = await asTask('Making the evidence bundle', taskId, (p) => buildBundle(s(), {
        caseId,
        ...(exclude && { exclude }),
        packet: complaintPacketFrom(s().letters),
        withhold: { ...(withholdDateOfBirth !== undefined && { dateOfBirth: withholdDateOfBirth }), ...(withholdIdentifiers !== undefined && { identifiers: withholdIdentifiers }) }
      }, p))
      return { ...(await writeOut(r.bytes, out)), files: r.files, exhibits: r.exhibits, excluded: r.excluded, packetIncluded: r.packetIncluded, packetNote: r.packetNote }
    }
  }
}
