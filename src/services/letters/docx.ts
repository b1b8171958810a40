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

// Formatting lives in named paragraph styles, defined once in styles.xml, rather than on every
// paragraph and run: the document reads the same, Word's style pane names each kind of paragraph,
// and each letter's document.xml is a third the size (packing it is most of a letter's cost).
const STYLE = { body: 'LetterBody', tight: 'LetterTight', spaced: 'LetterSpaced', tableText: 'LetterTableText', tableTitle: 'LetterTableTitle', signature: 'LetterSignature', list: 'LetterList', small: 'LetterSmall' } as const

const PARAGRAPH_STYLES = [
  { id: STYLE.body, name: 'Letter body', basedOn: 'Normal', next: STYLE.body, quickFormat: true, paragraph: { spacing: { before: 0, after: 160 }, keepLines: true } },
  { id: STYLE.tight, name: 'Letter block line', basedOn: STYLE.body, next: STYLE.tight, paragraph: { spacing: { before: 0, after: 0 } } },
  { id: STYLE.spaced, name: 'Letter date or salutation', basedOn: STYLE.body, next: STYLE.body, paragraph: { spacing: { before: 240, after: 160 } } },
  { id: STYLE.tableText, name: 'Letter table text', basedOn: 'Normal', run: { size: SMALL } },
  { id: STYLE.tableTitle, name: 'Letter table title', basedOn: 'Normal', next: STYLE.body, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 120, after: 80 } } },
  { id: STYLE.signature, name: 'Letter signature', basedOn: 'Normal', next: STYLE.signature, paragraph: { spacing: { before: 0, after: 0 }, keepLines: true, keepNext: true } },
  { id: STYLE.list, name: 'Letter list item', basedOn: 'Normal', paragraph: { spacing: { after: 80 } } },
  { id: STYLE.small, name: 'Letter header and footer', basedOn: 'Normal', run: { size: SMALL } }
]

/** Runs carry only what differs from their paragraph's style: bold where the template says so. */
const runsOf = (runs: ReadonlyArray<Run>) => runs.map((r) => (r.bold ? new TextRun({ text: r.text, bold: true }) : new TextRun(r.text)))

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const cell = (text: string, width: number, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ style: STYLE.tableText, children: [header ? new TextRun({ text, bold: true }) : new TextRun(text)] })]
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
        out.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(b.text)] }))
        break
      case 'paragraph': {
        // Address, sender and RE lines sit close together; body paragraphs are spaced apart.
        const tight = b.role === 'sender' || b.role === 'address' || b.role === 're' || b.role === 'delivery'
        const style = tight ? STYLE.tight : b.role === 'date' || b.role === 'salutation' ? STYLE.spaced : STYLE.body
        out.push(new Paragraph({ style, children: runsOf(b.runs), ...(b.keepNext && { keepNext: true }) }))
        break
      }
      case 'list': {
        const instance = ++lists
        for (const item of b.items) {
          out.push(new Paragraph({ style: STYLE.list, children: runsOf(item), numbering: { reference: b.ordered ? 'numbered' : 'bullets', level: 0, instance } }))
        }
        break
      }
      case 'table':
        out.push(new Paragraph({ style: STYLE.tableTitle, children: [new TextRun(b.title)] }))
        out.push(tableOf(b))
        out.push(new Paragraph({ style: STYLE.body, children: [] }))
        break
      case 'signature':
        // Room for a handwritten signature above the typed name, kept with the closing.
        b.lines.forEach((l, i) => out.push(new Paragraph({ style: STYLE.signature, children: [new TextRun(l)], ...(i === 0 && { spacing: { before: 720, after: 0 } }), ...(i === b.lines.length - 1 && { keepNext: false }) })))
        out.push(new Paragraph({ style: STYLE.body, children: [] }))
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
      },
      paragraphStyles: PARAGRAPH_STYLES
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
        headers: { default: new Header({ children: [new Paragraph({ style: STYLE.small, children: [new TextRun(doc.headerText)] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ style: STYLE.small, alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })]
          })
        },
        children: bodyOf(doc)
      }
    ]
  })
}

export const renderDocx = async (doc: LetterDocument): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(toDocx(doc)))
