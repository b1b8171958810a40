import { describe, expect, it } from 'vitest'
import { decodeJournal, encodeJournal, type BatchEntry } from './batch-journal'

const entry = (rel: string, rev: number, bytes: number[]): BatchEntry => ({ rel, rev, bytes: new Uint8Array(bytes) })

describe('batch journal format', () => {
  it('gives back every entry as written, bytes as they are (line breaks and non-text bytes included)', () => {
    const entries = [entry('cases/case-1.json', 1, [0x7b, 0x0a, 0x00, 0xff, 0x0a]), entry('cases/case-2.json', 3, []), entry('cases/case-3.json', 2, [0x0a])]
    const back = decodeJournal(encodeJournal(entries))
    expect(back.map((e) => ({ rel: e.rel, rev: e.rev, bytes: [...e.bytes] }))).toEqual(entries.map((e) => ({ rel: e.rel, rev: e.rev, bytes: [...e.bytes] })))
  })

  it('refuses a journal that was not written whole, or that has more than its entries', () => {
    const bytes = encodeJournal([entry('cases/case-1.json', 1, [1, 2, 3, 4]), entry('cases/case-2.json', 1, [5, 6, 7])])
    expect(() => decodeJournal(bytes.subarray(0, bytes.byteLength - 1))).toThrow(/truncated/)
    expect(() => decodeJournal(Buffer.concat([bytes, Buffer.from([9])]))).toThrow(/after its last entry/)
    const newline = bytes.indexOf(0x0a)
    expect(() => decodeJournal(bytes.subarray(0, newline - 3))).toThrow()
  })

  it('still reads a journal in format 1 (one JSON document, base64 bytes), as a crash before an update left it', () => {
    const v1 = Buffer.from(JSON.stringify({ format: 1, entries: [{ rel: 'cases/case-1.json', rev: 2, bytes: Buffer.from('{"rev":2}').toString('base64') }] }))
    const [e] = decodeJournal(v1)
    expect(e?.rel).toBe('cases/case-1.json')
    expect(e?.rev).toBe(2)
    expect(Buffer.from(e!.bytes).toString('utf8')).toBe('{"rev":2}')
  })
})
