import { describe, expect, it } from 'vitest'
import { ChangeLoggingMap } from './change-log'

const entry = (id: string, rev = 1) => ({ id, rev, summary: { rev } })

describe('ChangeLoggingMap.setMany', () => {
  it('gives the same sorted array, values and change log as one set per entry', () => {
    const one = new ChangeLoggingMap<{ rev: number }>()
    const many = new ChangeLoggingMap<{ rev: number }>()
    for (const id of ['c', 'a', 'e']) {
      one.set(id, entry(id))
      many.set(id, entry(id))
    }
    // Both have been asked for their order, so both keep a sorted array current from here on.
    expect(one.sorted().map((e) => e.id)).toEqual(['a', 'c', 'e'])
    many.sorted()
    const cursorOne = one.changesSince(null).cursor
    const cursorMany = many.changesSince(null).cursor
    // New ids before, between and after the old ones; an old id changed; a new id set twice (the last wins).
    const batch = [entry('d'), entry('0'), entry('c', 2), entry('z'), entry('b', 1), entry('b', 3)]
    for (const e of batch) one.set(e.id, e)
    many.setMany(batch)
    expect(many.sorted()).toEqual(one.sorted())
    expect(many.sorted().map((e) => `${e.id}@${e.rev}`)).toEqual(['0@1', 'a@1', 'b@3', 'c@2', 'd@1', 'e@1', 'z@1'])
    expect([...many.entries()]).toEqual([...one.entries()])
    expect(many.changesSince(cursorMany).ids?.sort()).toEqual(one.changesSince(cursorOne).ids?.sort())
  })

  it('does not change an array a caller is still iterating', () => {
    const map = new ChangeLoggingMap<{ rev: number }>()
    map.set('a', entry('a'))
    const held = map.sorted()
    map.setMany([entry('b'), entry('a', 2)])
    expect(held.map((e) => `${e.id}@${e.rev}`)).toEqual(['a@1'])
    expect(map.sorted().map((e) => `${e.id}@${e.rev}`)).toEqual(['a@2', 'b@1'])
  })

  it('sorts lazily when nobody has asked for the order yet', () => {
    const map = new ChangeLoggingMap<{ rev: number }>()
    map.setMany([entry('b'), entry('a')])
    expect(map.sorted().map((e) => e.id)).toEqual(['a', 'b'])
  })
})
