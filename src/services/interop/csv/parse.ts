// Text to a header row and data rows, with papaparse. Every way a file can be malformed is refused
// with the line and what to do: a quote left open, a file split on the wrong delimiter, a header
// named twice, too many rows.
import { createHash } from 'node:crypto'
import Papa from 'papaparse'
import { AppError } from '#shared/errors'
import { MAX_CSV_ROWS } from '../limits'

export type ParsedCsv = { headers: string[]; rows: string[][]; layoutHash: string }

const fail = (message: string, details?: Record<string, unknown>) => new AppError('INVALID_INPUT', message, details)

/** Identifies a file layout by its header row, so a mapping chosen once is offered again next time. */
export const layoutHashOf = (headers: ReadonlyArray<string>): string =>
  createHash('sha256').update(JSON.stringify(headers.map((h) => h.trim().toLowerCase()))).digest('hex').slice(0, 16)

export function parseCsv(text: string, name = 'the file'): ParsedCsv {
  const result = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy', preview: MAX_CSV_ROWS + 2 })
  const quoteError = result.errors.find((e) => e.type === 'Quotes')
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1
    throw fail(`${name}: a quoted value that starts on row ${row} is never closed (an unbalanced " quote). Check that row in a text editor.`, { row })
  }
  const [header, ...rows] = result.data
  if (!header || header.every((h) => h.trim() === '')) throw fail(`${name} is empty: it has no header row.`)
  if (header.length === 1) {
    const firstLine = text.slice(0, text.search(/\r?\n|$/))
    const guess = [';', '\t', '|'].find((d) => firstLine.includes(d))
    const named = guess === ';' ? 'semicolons' : guess === '\t' ? 'tabs' : 'vertical bars'
    if (guess) throw fail(`${name} is separated by ${named}, not commas. Save it as "CSV (comma delimited)" and try again.`)
  }
  if (rows.length > MAX_CSV_ROWS) {
    throw fail(`${name} has more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows; import it in parts of at most ${MAX_CSV_ROWS.toLocaleString('en-US')}.`)
  }
  const headers = header.map((h) => h.trim())
  const seen = new Map<string, number>()
  for (const [i, h] of headers.entries()) {
    if (!h) throw fail(`${name}: column ${i + 1} of the header row has no name.`)
    const key = h.toLowerCase()
    if (seen.has(key)) throw fail(`${name}: the header row names "${h}" twice (columns ${seen.get(key)! + 1} and ${i + 1}).`)
    seen.set(key, i)
  }
  for (const [i, r] of rows.entries()) {
    if (r.length !== headers.length) {
      throw fail(`${name}: row ${i + 2} has ${r.length} values but the header has ${headers.length} columns (a stray comma or a missing quote?).`, { row: i + 2 })
    }
  }
  return { headers, rows, layoutHash: layoutHashOf(headers) }
}
