// The complaint evidence bundle for one case: the OCR complaint packet (DOCX and PDF, from the
// letters service when it is there), the chronology (DOCX and CSV), every attachment renamed
// Exhibit-<label>-<date>-<description>.<ext> in exhibit order, and MANIFEST.txt in sha256sum
// format so `sha256sum -c MANIFEST.txt` inside the unpacked bundle checks every file.
import { AppError } from '#shared/errors'
import type { AppServices } from '../../app-services'
import { plainDate } from '../../../core/letters'
import { todayOf } from '../../context'
import { throwIfCancelled, type Progress } from '../progress'
import { sha256Hex, writeZip, type ZipEntry } from '../zip/write-zip'
import { buildChronology, type Exhibit } from './chronology'
import { chronologyCsv, chronologyDocx, WITHHELD, type Redactor } from './chronology-docs'

/**
 * The complaint packet: the letters service renders it (packet.ts: DOCX, and PDF through
 * LibreOffice), or says why it cannot yet (e.g. a field the complaint needs), which README.txt repeats.
 */
export type ComplaintPacketProvider = (caseId: string, redact: Redactor) => Promise<{ docx: Uint8Array; pdf: Uint8Array | null } | { reason: string }>

export type BundleOptions = {
  caseId: string
  /** Minimum necessary: exhibits (by label or sha-256) the user unticked are left out. */
  exclude?: ReadonlyArray<string>
  /** Minimum necessary: replaced by "[withheld]" in every generated document. */
  withhold?: { dateOfBirth?: boolean; identifiers?: boolean | ReadonlyArray<string> }
  packet?: ComplaintPacketProvider
}

export type BundleResult = {
  bytes: Uint8Array
  files: string[]
  exhibits: Array<Pick<Exhibit, 'label' | 'fileName' | 'originalName'>>
  excluded: string[]
  packetIncluded: boolean
  /** Why the complaint packet (or its PDF) is not in the bundle; null when both are. */
  packetNote: string | null
}

export const MANIFEST_NAME = 'MANIFEST.txt'

export async function buildBundle(s: AppServices, options: BundleOptions, progress: Progress = {}): Promise<BundleResult> {
  const view = await s.queries.view(options.caseId, todayOf(s.context))
  const c = view.case
  const patient = s.store.sharded.patients.get(c.patientId)
  const exclude = new Set(options.exclude ?? [])
  const identifierValues = (patient?.identifiers ?? []).map((i) => i.value)
  const withheldIds = options.withhold?.identifiers === true ? identifierValues : options.withhold?.identifiers ? [...options.withhold.identifiers] : []
  // The date of birth as the chronology writes it (ISO) and as letters write it ("March 3, 1980").
  const dobForms = patient?.dateOfBirth ? [patient.dateOfBirth, plainDate(patient.dateOfBirth)] : []
  const secrets = [...(options.withhold?.dateOfBirth ? dobForms : []), ...withheldIds].filter((x) => x.length >= 3)
  const redact: Redactor = (text) => secrets.reduce((t, v) => t.split(v).join(WITHHELD), text)
  const chronology = buildChronology(view, redact)
  for (const x of exclude) {
    if (!chronology.exhibits.some((e) => e.label === x || e.sha256 === x)) throw new AppError('INVALID_INPUT', `bundle: there is no exhibit "${x}" on case ${c.id} (its exhibits: ${chronology.exhibits.map((e) => e.label).join(', ') || 'none'})`)
  }
  const header = {
    patient: view.patientName,
    dateOfBirth: patient?.dateOfBirth ? (options.withhold?.dateOfBirth ? WITHHELD : patient.dateOfBirth) : null,
    identifiers: (patient?.identifiers ?? []).map((i) => `${i.kind} ${withheldIds.includes(i.value) ? WITHHELD : i.value}`),
    holder: view.organizationName,
    references: c.references.map((r) => `${r.kind} ${r.value}`),
    asOf: view.asOf
  }

  const entries: ZipEntry[] = []
  const made = options.packet ? await options.packet(c.id, redact) : { reason: 'no letters service was given' }
  const packet = 'docx' in made ? made : null
  if (packet) {
    entries.push({ path: 'Complaint-packet.docx', bytes: packet.docx })
    if (packet.pdf) entries.push({ path: 'Complaint-packet.pdf', bytes: packet.pdf })
  }
  entries.push({ path: 'Chronology.docx', bytes: await chronologyDocx(chronology, header, redact) })
  entries.push({ path: 'Chronology.csv', bytes: chronologyCsv(chronology, redact) })
  const included = chronology.exhibits.filter((e) => !exclude.has(e.label) && !exclude.has(e.sha256))
  for (const [i, x] of included.entries()) {
    throwIfCancelled(progress, 'The bundle')
    entries.push({ path: `Exhibits/${x.fileName}`, bytes: await s.store.attachments.read(x.sha256) })
    progress.onProgress?.(i + 1, included.length)
  }
  const notes = [
    `Evidence bundle for case ${c.id}, made ${s.context.now().toISOString()} by Access Advocate.`,
    packet
      ? `Complaint-packet.docx${packet.pdf ? ' / Complaint-packet.pdf (archive PDF)' : ''}: the OCR complaint, from the case's facts as of ${view.asOf}.${packet.pdf ? '' : ' No PDF: LibreOffice is not installed here; open the DOCX and save it as PDF.'}`
      : `The OCR complaint packet is not included: ${'reason' in made ? made.reason : ''}. Prepare it from the case's letters (Prepare a letter: OCR complaint packet) and add it.`,
    'Chronology.docx / Chronology.csv: every logged event with its day count from receipt and past the due date.',
    'Exhibits/: each attachment, named Exhibit-<label>-<date>-<description>, in the order the chronology cites them.',
    ...(exclude.size ? [`Left out at the user's choice (minimum necessary): ${chronology.exhibits.filter((e) => !included.includes(e)).map((e) => `Exhibit ${e.label}`).join(', ')}.`] : []),
    ...(secrets.length ? ['Values the user chose to withhold are shown as [withheld] in the generated documents.'] : []),
    `Check the files with: sha256sum -c ${MANIFEST_NAME}`,
    ''
  ]
  entries.push({ path: 'README.txt', bytes: new TextEncoder().encode(notes.join('\r\n')) })
  // sha256sum's own format: the hash, two spaces (text mode), the path. LF line ends, as it expects.
  const manifest = entries.map((e) => `${sha256Hex(e.bytes)}  ${e.path}\n`).join('')
  const all = [...entries, { path: MANIFEST_NAME, bytes: new TextEncoder().encode(manifest) }]
  return {
    bytes: writeZip(all),
    files: all.map((e) => e.path),
    exhibits: included.map((e) => ({ label: e.label, fileName: e.fileName, originalName: e.originalName })),
    excluded: chronology.exhibits.filter((e) => !included.includes(e)).map((e) => e.label),
    packetIncluded: packet !== null,
    packetNote: packet === null ? ('reason' in made ? made.reason : null) : packet.pdf ? null : 'no PDF of the complaint: LibreOffice is not installed'
  }
}

/** The exhibits the case's bundle would hold, in exhibit-list order (to choose which to leave out). */
export async function bundleExhibits(s: AppServices, caseId: string): Promise<Array<Pick<Exhibit, 'label' | 'fileName' | 'originalName' | 'sha256' | 'date'>>> {
  const view = await s.queries.view(caseId, todayOf(s.context))
  return buildChronology(view, (t) => t).exhibits.map(({ label, fileName, originalName, sha256, date }) => ({ label, fileName, originalName, sha256, date }))
}
