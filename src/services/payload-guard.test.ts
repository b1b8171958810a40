import { describe, expect, it } from 'vitest'
import { guardPayload } from './payload-guard'

describe('guardPayload', () => {
  it('accepts plain nested data under the limit', () => {
    expect(() => guardPayload({ a: [1, 'two', { b: null, c: true }], d: new Uint8Array(10) }, 1000)).not.toThrow()
  })
  it('counts bytes across the whole structure', () => {
    // 1,200 bytes of UTF-8 text over two fields: over 1,000 only when added up.
    expect(() => guardPayload({ a: 'x'.repeat(600), b: 'y'.repeat(600) }, 1000)).toThrow(/larger than/)
    expect(() => guardPayload({ a: 'x'.repeat(600) }, 1000)).not.toThrow()
  })
  it('rejects functions, symbols and class instances', () => {
    expect(() => guardPayload({ f: () => 1 })).toThrow(/function/)
    expect(() => guardPayload({ [Symbol('s')]: 1 })).toThrow(/symbol/)
    expect(() => guardPayload({ m: new Map() })).toThrow(/plain data/)
  })
})
