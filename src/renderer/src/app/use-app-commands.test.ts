import { describe, expect, it } from 'vitest'
import { neighbourCase } from './use-app-commands'

describe('neighbourCase: next and previous case in the caseload order', () => {
  const ids = ['a', 'b', 'c']
  it('moves one step and stops at either end', () => {
    expect(neighbourCase(ids, 'a', 1)).toBe('b')
    expect(neighbourCase(ids, 'b', -1)).toBe('a')
    expect(neighbourCase(ids, 'c', 1)).toBe('c')
    expect(neighbourCase(ids, 'a', -1)).toBe('a')
  })
  it('from no case (or one not listed), next opens the first and previous the last', () => {
    expect(neighbourCase(ids, null, 1)).toBe('a')
    expect(neighbourCase(ids, 'gone', -1)).toBe('c')
    expect(neighbourCase([], null, 1)).toBeNull()
  })
})
