// The document model as HTML: the in-app preview, and what "Save as PDF" prints (Letter, 1" margins
// set in CSS @page, so Chromium's 0.4" default never applies). Every text is escaped here.
import { type Block, type LetterDocument, type Run } from '../../core/letters'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const runs = (rs: ReadonlyArray<Run>) => rs.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join('')

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`
    case 'paragraph':
      return `<p class="${b.role ?? 'body'}">${runs(b.runs)}</p>`
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul'
      return `<${tag}>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</${tag}>`
    }
    case 'table': {
      const total = b.columns.reduce((n, c) => n + c.width, 0)
      const cols = b.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('')
      const head = b.columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('')
      const body = b.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')
      return `<table><caption>${esc(b.title)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
    }
    case 'signature':
      return `<div class="signature">${b.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`
  }
}

export const LETTER_CSS = `
@page { size: Letter; margin: 1in; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.3; color: #000; margin: 0; }
.letter-header { font-size: 9.5pt; color: #333; margin-bottom: 1.5em; }
p { margin: 0 0 0.6em; }
p.sender, p.address, p.re, p.delivery { margin: 0; }
p.date, p.salutation { margin-top: 1em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; } h3 { font-size: 12pt; margin: 1em 0 0.3em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9.5pt; margin: 0.4em 0 1em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #777; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead { display: table-header-group; } tr { break-inside: avoid; }
.signature { margin-top: 3em; break-inside: avoid; } .signature p { margin: 0; }
`

/** The letter's body only, for the in-app preview (the window's own styles and CSP apply). */
export function renderHtmlFragment(doc: LetterDocument): string {
  return `<article class="letter" lang="en-US"><div class="letter-header">${esc(doc.headerText)}</div>${doc.blocks.map(block).join('\n')}</article>`
}

/** A standalone page, for printing to PDF. */
export function renderHtml(doc: LetterDocument): string {
  return `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><meta name="author" content="${esc(doc.author)}"><style>${LETTER_CSS}</style></head><body>${renderHtmlFragment(doc)}</body></html>`
}
