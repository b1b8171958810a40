import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { escapeCell, toCsv } from './write'

describe('CSV writing', () => {
  it('escapes cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    expect(['=SUM(A1)', '+1', '-x', '@cmd', '\tx', '\rx'].map(escapeCell)).toEqual(["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tx", "'\rx"])
    expect([-3, '-3', 'plain', null, 4.5].map(escapeCell)).toEqual(['-3', '-3', 'plain', '', '4.5'])
  })

  it('writes a BOM, quotes every value and ends lines with CRLF; papaparse reads it back', () => {
    const bytes = toCsv(['Name', 'Note'], [['Lee, Sam', 'said "no"\nthen left'], ['José', null]])
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text).toBe('\uFEFF"Name","Note"\r\n"Lee, Sam","said ""no""\nthen left"\r\n"José",""\r\n')
    expect(Papa.parse(text.slice(1), { skipEmptyLines: true }).data).toEqual([['Name', 'Note'], ['Lee, Sam', 'said "no"\nthen left'], ['José', '']])
  })
})
