// The interop channels: each reads its file, calls the interop service, writes or returns the result.
import type { Handlers } from '../router'
import type { ServicesRef } from './index'
import { buildBundle } from '../interop/bundle/bundle'
import { complaintPacketFrom } from '../interop/bundle/packet'
import { calendarIcs } from '../interop/calendar/ics'
import { csvExporter } from '../interop/csv/export'
import { csvImporter, type CsvImportInput } from '../interop/csv/import'
import { importEml } from '../interop/email/eml'
import { readSource, writeOut } from '../interop/files'
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
  | 'interop.bundle'

type CsvChannelInput = Parameters<Handlers['interop.csvPreview']>[0]

async function csvInput(input: CsvChannelInput): Promise<CsvImportInput> {
  // One byte past the limit is enough for the decoder to name the limit in its own message.
  const { name, bytes } = await readSource(input.source, MAX_CSV_BYTES * 4, 'a CSV import')
  return {
    kind: input.kind,
    bytes,
    name,
    ...(input.mapping && { mapping: { ...input.mapping, kind: input.kind } }),
    ...(input.duplicates && { duplicates: input.duplicates }),
    ...(input.decisions && { decisions: input.decisions })
  }
}

export function interopHandlers(s: ServicesRef): Pick<Handlers, InteropChannels> {
  return {
    'interop.csvPreview': async (input) => csvImporter(s()).preview(await csvInput(input)),
    'interop.csvImport': async (input) => csvImporter(s()).commit(await csvInput(input)),
    'interop.csvExport': async ({ out, what, filter, columns }) => {
      const r = await csvExporter(s()).export({ what, ...(filter && { filter }), ...(columns && { columns }) })
      return { ...(await writeOut(r.bytes, out)), rows: r.rows }
    },
    'interop.exportAll': async ({ out }) => {
      const r = await exportAll(s())
      return { ...(await writeOut(r.bytes, out)), files: r.manifest.files.length + 1, counts: r.manifest.counts }
    },
    'interop.importPreview': async ({ source }) => {
      const { name, bytes } = await readSource(source, MAX_ZIP_BYTES, 'an import')
      return fullImporter(s()).preview(bytes, name)
    },
    'interop.importAll': async ({ source, takeNew, take }) => {
      const { name, bytes } = await readSource(source, MAX_ZIP_BYTES, 'an import')
      return fullImporter(s()).commit(bytes, name, { ...(takeNew !== undefined && { takeNew }), ...(take !== undefined && { take }) })
    },
    'interop.calendar': async ({ out, caseIds, phi }) => {
      const r = await calendarIcs(s(), { phi, ...(caseIds && { caseIds }) })
      return { ...(await writeOut(new TextEncoder().encode(r.text), out)), events: r.events }
    },
    'interop.importEml': async ({ caseId, files }) => {
      const read = []
      for (const f of files) read.push(await readSource(f, MAX_EML_BYTES, 'an e-mail import'))
      return importEml(s(), caseId, read)
    },
    'interop.bundle': async ({ out, caseId, exclude, withholdDateOfBirth, withholdIdentifiers }) => {
      const r = await buildBundle(s(), {
        caseId,
        ...(exclude && { exclude }),
        packet: complaintPacketFrom(s().letters),
        withhold: { ...(withholdDateOfBirth !== undefined && { dateOfBirth: withholdDateOfBirth }), ...(withholdIdentifiers !== undefined && { identifiers: withholdIdentifiers }) }
      })
      return { ...(await writeOut(r.bytes, out)), files: r.files, exhibits: r.exhibits, excluded: r.excluded, packetIncluded: r.packetIncluded, packetNote: r.packetNote }
    }
  }
}
