// The chronology as a Word document (docx) and as CSV, with whatever the user chose to withhold
// replaced by "[withheld]" in both.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { toCsv } from '../csv/write'
import type { Chronology } from './chronology'

export const WITHHELD = '[withheld]'

export type CaseHeader = { patient: string; dateOfBirth: string | null; identifiers: string[]; holder: string; references: string[]; asOf: string }

/** Replaces every withheld value wherever it appears in generated text. */
export type Redactor = (text: string) => string

const COLUMNS = ['Date', 'Day', 'Days past due', 'Event', 'Direction', 'Channel', 'Summary', 'Exhibits']

function rowsOf(ch: Chronology, redact: Redactor): string[][] {
  return ch.rows.map((r) => [r.date, r.dayFromReceipt === null ? '' : String(r.dayFromReceipt), r.daysPastDue === null ? '' : String(r.daysPastDue), r.event, r.direction, r.channel, redact(r.summary), r.exhibits.join(', ')])
}

export const chronologyCsv = (ch: Chronology, redact: Redactor): Uint8Array => toCsv(COLUMNS, rowsOf(ch, redact))

export async function chronologyDocx(ch: Chronology, header: CaseHeader, redact: Redactor): Promise<Uint8Array> {
  const line = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(redact(value))] })
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: COLUMNS.map((c) => cell(c, true)) }), ...rowsOf(ch, redact).map((r) => new TableRow({ children: r.map((v) => cell(v)) }))]
  })
  const doc = new Document({
    creator: 'Access Advocate',
    title: `Chronology ${ch.caseId}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Chronology of the request for access')] }),
          line('Patient', header.patient),
          line('Date of birth', header.dateOfBirth ?? 'not recorded'),
          ...(header.identifiers.length ? [line('Identifiers', header.identifiers.join('; '))] : []),
          line('Records holder', header.holder),
          ...(header.references.length ? [line('References', header.references.join('; '))] : []),
          line('Request received', ch.received ?? 'not yet'),
          line('Response due', ch.due ?? 'no clock yet'),
          line('Status as of ' + header.asOf, ch.status),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Events')] }),
          table,
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('How the dates were counted')] }),
          ...ch.explanation.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(redact(e))] })),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Exhibits')] }),
          ...ch.exhibits.map((x) => new Paragraph({ children: [new TextRun({ text: `Exhibit ${x.label}`, bold: true }), new TextRun(` (${x.date}): ${x.fileName}`)] }))
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
