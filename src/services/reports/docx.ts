// The compliance report as a Word document: US Letter, 1-inch margins, headings with outline
// levels, a table per metric with a repeating header row, the charts as PNG images with alt text,
// and the core properties set (title, subject, creator, last modified by, language).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
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
import { FINDING_LABELS, metricTables, reportCharts, type ComplianceReport } from '../../core/audit'
import { formatDate } from '../../core/clocks'
import { summarySentences } from './summary'

const TWIPS_PER_INCH = 1440
const PAGE = { width: 12240, height: 15840, margin: TWIPS_PER_INCH }
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin
/** Chart images: 6 inches wide on the page (docx sizes images in pixels at 96 per inch). */
const CHART_PX = { width: 576, height: 252 }
/** Ids listed in a metric's table before "and N more": the CSV has every request. */
const IDS_SHOWN = 12

const p = (text: string, opts: { bold?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...(opts.bold && { bold: true }) })] })
const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level })

function table(header: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0)
  const dxa = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH))
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({ width: { size: dxa[i]!, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] })
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: dxa,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((t, i) => cell(t, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) }))
    ]
  })
}

const idList = (ids: ReadonlyArray<string>): string => (ids.length <= IDS_SHOWN ? ids.join(', ') : `${ids.slice(0, IDS_SHOWN).join(', ')} and ${ids.length - IDS_SHOWN} more`)

export async function reportDocx(r: ComplianceReport, meta: { author: string }): Promise<Buffer> {
  // Loaded only when a report is written: resvg is a native module that the command-line bundle
  // keeps outside itself, so no other command depends on it being installed.
  const { svgToPng } = await import('./png')
  const title = `Compliance report, ${formatDate(r.period.from)} to ${formatDate(r.period.to)}`
  const filter = Object.entries(r.filter).map(([k, v]) => `${k} = ${String(v)}`)
  const body: Array<Paragraph | Table> = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    h('Period, filter and rules', HeadingLevel.HEADING_1),
    p(`Requests received from ${formatDate(r.period.from)} to ${formatDate(r.period.to)}; clocks as of ${formatDate(r.asOf)}.`),
    p(filter.length ? `Filter: ${filter.join('; ')}.` : 'Filter: none (every request received in the period).'),
    ...r.rules.map((x) => new Paragraph({ text: x, bullet: { level: 0 } })),
    h('How requests are counted', HeadingLevel.HEADING_1),
    ...r.conventions.map((x) => new Paragraph({ text: x, bullet: { level: 0 } })),
    h('Summary', HeadingLevel.HEADING_1),
    ...summarySentences(r).map((x) => p(x)),
    h('Charts', HeadingLevel.HEADING_1)
  ]
  for (const c of reportCharts(r, (code) => FINDING_LABELS[code])) {
    body.push(h(c.title, HeadingLevel.HEADING_2))
    body.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: svgToPng(c.svg),
            transformation: CHART_PX,
            altText: { name: c.id, title: c.title, description: `${c.summary} ${c.bars.map((b) => `${b.label}: ${b.note}`).join('; ')}.` }
          })
        ]
      })
    )
    body.push(p(c.summary))
    body.push(table([c.title, c.unit], c.bars.map((b) => [b.label, b.note]), [3, 2]))
  }
  body.push(h('Metrics', HeadingLevel.HEADING_1))
  for (const t of metricTables(r)) {
    body.push(h(t.title, HeadingLevel.HEADING_2), p(t.definition), table(['Measure', 'Value', 'Requests'], t.rows.map((x) => [x.label, x.value, idList(x.ids)]), [3, 2, 5]))
  }
  body.push(h('Holder scorecards', HeadingLevel.HEADING_1))
  body.push(p(r.scorecards[0]?.formula ?? 'No holders in this period.'))
  body.push(
    table(
      ['Holder', 'Requests', 'Median days', 'On-time share', 'Findings', 'Extensions', 'Fee findings', 'Grade'],
      r.scorecards.map((s) => [
        r.rows.find((row) => row.organizationId === s.organizationId)?.organizationName ?? s.organizationId,
        String(s.requests.length),
        s.days.median === null ? '—' : String(s.days.median),
        s.onTime.share === null ? '—' : `${Math.round(s.onTime.share * 100)}% of ${s.onTime.of.length}`,
        String(s.findings.total),
        String(s.extensions.length),
        String(s.feeFindings.length),
        s.grade === null ? 'no grade' : String(s.grade)
      ]),
      [4, 2, 2, 3, 2, 2, 2, 2]
    )
  )
  body.push(h('Non-compliant requests', HeadingLevel.HEADING_1))
  const bad = r.rows.filter((row) => row.findings.length > 0)
  if (bad.length === 0) body.push(p('No request in this period has a finding.'))
  else {
    body.push(p(`${bad.length} request${bad.length === 1 ? '' : 's'} with at least one finding, each with the rule it breaks.`))
    body.push(
      table(
        ['Request', 'Holder', 'Received', 'Findings and citations'],
        bad.map((row) => [row.id, row.organizationName, row.received ?? '', row.findings.map((f) => `${FINDING_LABELS[f.code]}: ${f.message} (${f.citation})`).join('\n')]),
        [2, 3, 2, 8]
      )
    )
  }
  const doc = new Document({
    title,
    subject: 'HIPAA right of access compliance (45 CFR 164.524)',
    creator: meta.author,
    lastModifiedBy: meta.author,
    description: `Access Advocate compliance report for requests received ${r.period.from} to ${r.period.to}`,
    keywords: 'HIPAA,right-of-access,compliance-report',
    styles: {
      default: { document: { run: { font: 'Liberation Serif', size: 22, language: { value: 'en-US' } }, paragraph: { spacing: { after: 120 } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 30 }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 }, keepNext: true } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 26 }, paragraph: { outlineLevel: 1, spacing: { before: 200, after: 100 }, keepNext: true } }
      ]
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })]
          })
        },
        children: body
      }
    ]
  })
  return Buffer.from(await Packer.toBuffer(doc))
}
