// Writing CSV that Excel and LibreOffice open as intended: a UTF-8 byte-order mark (without it
// Excel reads UTF-8 as Windows-1252), every value quoted, CRLF line ends, and any text that a
// spreadsheet would run as a formula made inert.

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export type Cell = string | number | boolean | null | undefined

/** A text starting like a formula gets a leading apostrophe; numbers (including negative ones) stay numbers. */
export function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  const s = String(value)
  return typeof value !== 'number' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

export function toCsv(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): Uint8Array {
  const lines = [headers, ...rows].map((r) => r.map((c) => quote(escapeCell(c))).join(','))
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`)
}
