// The document model every renderer shares (DOCX, HTML, plain text): what a letter says and how it
// is structured, never how it is drawn. Built in core from a template and the case's facts.

export type Run = { text: string; bold?: boolean }

/** A column of a data table; widths are twentieths of a point (DXA) and sum to the text width. */
export type Column = { header: string; width: number }

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; runs: Run[]; role?: 'body' | 'sender' | 'date' | 'delivery' | 'address' | 're' | 'salutation' | 'close' | 'notation'; keepNext?: boolean }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'table'; title: string; columns: Column[]; rows: string[][] }
  | { kind: 'signature'; lines: string[] }

export type Exhibit = { label: string; title: string; date: string; sha256: string; name: string; type: string; size: number }

export type LetterDocument = {
  title: string
  subject: string
  /** Written into the document's author and last-modified-by (never "Un-named"). */
  author: string
  description: string
  /** Comma-separated: a PDF splits keywords on spaces and semicolons otherwise. */
  keywords: string
  language: 'en-US'
  /** Printed in the header of every page: the case's references. */
  headerText: string
  blocks: Block[]
  templateId: string
  templateVersion: number
  letterDate: string
  exhibits: Exhibit[]
}

/** US Letter, 1 inch margins, in DXA: the text is 6.5 inches wide. */
export const PAGE = { width: 12240, height: 15840, margin: 1440, textWidth: 9360 } as const

export const runsText = (runs: ReadonlyArray<Run>): string => runs.map((r) => r.text).join('')

/** The document as plain text, one block per line group: for previews, searches and the checks below. */
export function documentText(doc: LetterDocument): string {
  const out: string[] = [doc.headerText]
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(b.text)
    else if (b.kind === 'paragraph') out.push(runsText(b.runs))
    else if (b.kind === 'list') out.push(...b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '-'} ${runsText(i)}`))
    else if (b.kind === 'table') out.push(b.title, b.columns.map((c) => c.header).join(' | '), ...b.rows.map((r) => r.join(' | ')))
    else out.push(...b.lines)
  }
  return out.join('\n')
}

/** What must never reach a letter: a value that was not there, or template syntax left unreplaced. */
export const BAD_OUTPUT = /\bundefined\b|\bNaN\b|Invalid Date|\bnull\b|\[object Object\]|\{\{|\}\}|\[\[|\]\]/
