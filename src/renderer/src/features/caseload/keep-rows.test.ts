import { describe, expect, it } from 'vitest'
import type { CaseListItemValue } from '#shared/channels/cases'
import { jsonEqual, keepEqualRows } from './keep-rows'

const row = (id: string, extra: Partial<CaseListItemValue> = {}): CaseListItemValue => ({ id, patientName: `P ${id}`, tags: ['a'], nextStep: { step: 'follow-up', due: '2026-12-01' }, ...extra }) as unknown as CaseListItemValue

describe('jsonEqual', () => {
  it('compares nested values, not identities', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true)
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(jsonEqual({ a: null }, { a: {} })).toBe(false)
  })
})

describe('keepEqualRows', () => {
  it('keeps the objects of equal rows and takes the changed ones', () => {
    const before = [row('c1'), row('c2'), row('c3')]
    const after = keepEqualRows(before, [row('c2'), row('c4'), row('c1', { tags: ['b'] })])
    expect(after[0]).toBe(before[1])
    expect(after[1]!.id).toBe('c4')
    expect(after[2]).not.toBe(before[0])
    expect(after[2]!.tags).toEqual(['b'])
  })

  it('answers the previous array itself when nothing changed', () => {
    const before = [row('c1'), row('c2')]
    expect(keepEqualRows(before, [row('c1'), row('c2')])).toBe(before)
    expect(keepEqualRows(before, [row('c2'), row('c1')])).not.toBe(before)
    expect(keepEqualRows(before, [row('c1')])).toEqual([before[0]])
  })
})
