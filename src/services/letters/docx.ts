// The document model as DOCX (docx 9.15), to the checklist a letter must meet: US Letter with 1"
// margins, a named serif font (Liberation Serif is metric-compatible with Times New Roman), the
// case's references in the header, "Page N of M" in the footer, headings with real outline levels,
// data tables with fixed column widths and a header row repeated on every page, en-US language,
// and author / last-modified-by set from the advocate (never docx's default "Un-named").
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from 'docx'
import { PAGE, type Block, type LetterDocument, type Run } from '../../core/letters'

export const LETTER_FONT = 'Liberation Serif'
const BODY_SIZE = 23 // half-points: 11.5 pt
const SMALL = 19

const runsOf = (runs: ReadonlyArray<Run>, size = BODY_SIZE) => runs.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false, size }))

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const cell = (text: string, width: number, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: SMALL })] })]
    })
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: b.columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c) => cell(c.header, c.width, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, b.columns[i]!.width, false)) }))
    ]
  })
}

function bodyOf(doc: LetterDocument): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = []
  let lists = 0
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: b.text })] }))
        break
      case 'paragraph': {
        // Address, sender and RE lines sit close together; body paragraphs are spaced apart.
        const tight = b.role === 'sender' || b.role === 'address' || b.role === 're' || b.role === 'delivery'
        const before = b.role === 'date' || b.role === 'salutation' ? 240 : 0
        out.push(new Paragraph({ children: runsOf(b.runs), spacing: { before, after: tight ? 0 : 160 }, keepNext: b.keepNext ?? false, keepLines: true }))
        break
      }
      case 'list': {
        const instance = ++lists
        for (const item of b.items) {
          out.push(new Paragraph({ children: runsOf(item), numbering: { reference: b.ordered ? 'numbered' : 'bullets', level: 0, instance }, spacing: { after: 80 } }))
        }
        break
      }
      case 'table':
        out.push(new Paragraph({ children: [new TextRun({ text: b.title, bold: true })], keepNext: true, spacing: { before: 120, after: 80 } }))
        out.push(tableOf(b))
        out.push(new Paragraph({ children: [], spacing: { after: 120 } }))
        break
      case 'signature':
        // Room for a handwritten signature above the typed name, kept with the closing.
        b.lines.forEach((l, i) => out.push(new Paragraph({ children: [new TextRun({ text: l, size: BODY_SIZE })], spacing: { before: i === 0 ? 720 : 0, after: 0 }, keepNext: i < b.lines.length - 1, keepLines: true })))
        out.push(new Paragraph({ children: [], spacing: { after: 160 } }))
        break
    }
  }
  return out
}

export function toDocx(doc: LetterDocument): Document {
  return new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.author,
    lastModifiedBy: doc.author,
    description: doc.description,
    keywords: doc.keywords,
    styles: {
      default: {
        document: { run: { font: LETTER_FONT, size: BODY_SIZE, language: { value: doc.language } } },
        heading1: { run: { font: LETTER_FONT, size: 28, bold: true, color: '000000' }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: LETTER_FONT, size: 24, bold: true, color: '000000' }, paragraph: { outlineLevel: 1, spacing: { before: 200, after: 80 } } }
      }
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] },
        { reference: 'numbered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] }
      ]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: 720, footer: 720 }
          }
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: doc.headerText, size: SMALL })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: SMALL, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })]
          })
        },
        children: bodyOf(doc)
      }
    ]
  })
}

export const renderDocx = async (doc: LetterDocument): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(toDocx(doc)))
