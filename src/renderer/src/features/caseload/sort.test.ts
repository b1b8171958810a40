import { describe, expect, it } from 'vitest'
import { CaseloadViewSchema } from '#core/schemas'
import { nextSort, toQuerySort } from './filters'

describe('nextSort (a caseload header clicked)', () => {
  it('a plain click sorts by that column only, then the other way, then not at all', () => {
    const one = nextSort([{ id: 'due', desc: false }, { id: 'patient', desc: false }], 'holder', false)
    expect(one).toEqual([{ id: 'holder', desc: false }])
    expect(nextSort(one, 'holder', false)).toEqual([{ id: 'holder', desc: true }])
    expect(nextSort([{ id: 'holder', desc: true }], 'holder', false)).toEqual([])
  })

  it('Shift adds the column as the next key, turns it round, then takes it out, keeping the others', () => {
    const two = nextSort([{ id: 'holder', desc: false }], 'due', true)
    expect(two).toEqual([{ id: 'holder', desc: false }, { id: 'due', desc: false }])
    const turned = nextSort(two, 'due', true)
    expect(turned).toEqual([{ id: 'holder', desc: false }, { id: 'due', desc: true }])
    expect(nextSort(turned, 'due', true)).toEqual([{ id: 'holder', desc: false }])
  })

  it('stops at five keys', () => {
    const five = ['patient', 'holder', 'due', 'sent', 'received'].map((id) => ({ id, desc: false }))
    expect(nextSort(five, 'priority', true)).toEqual(five)
  })

  it('becomes the query sort as a list, columns without a sort key left out', () => {
    const view = CaseloadViewSchema.parse({ sort: [{ id: 'holder', desc: false }, { id: 'notes', desc: false }, { id: 'due', desc: true }] })
    expect(toQuerySort(view)).toEqual([{ key: 'organization', dir: 'asc' }, { key: 'due', dir: 'desc' }])
    expect(toQuerySort(CaseloadViewSchema.parse({}))).toEqual([{ key: 'urgency', dir: 'asc' }])
  })
})
