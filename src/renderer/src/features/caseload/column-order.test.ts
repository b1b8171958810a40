import { describe, expect, it } from 'vitest'
import { columnOrder, isDefaultOrder } from './column-order'

describe('the caseload’s columns', () => {
  it('follow the perspective until the user chooses: a practice leads with the receipt date and its staff, without the holder', () => {
    const practice = columnOrder(undefined, 'practice')
    expect(practice[0]).toBe('received')
    expect(practice).toContain('assignee')
    expect(practice).not.toContain('holder')
    expect(columnOrder(undefined, 'advocate')).toEqual(['patient', 'holder', 'status', 'due', 'days', 'nextStep', 'priority', 'assignee', 'lastEvent'])
    // Widths alone are no choice of columns.
    expect(columnOrder({ sizes: { patient: 220 } }, 'practice')).toEqual(practice)
  })

  it('a saved choice wins over either side’s defaults', () => {
    const mine = { order: ['holder', 'patient'], sizes: {} }
    expect(columnOrder(mine, 'practice')).toEqual(['holder', 'patient'])
    expect(columnOrder(mine, 'advocate')).toEqual(['holder', 'patient'])
    expect(isDefaultOrder(columnOrder(undefined, 'practice'), 'practice')).toBe(true)
    expect(isDefaultOrder(columnOrder(undefined, 'practice'), 'advocate')).toBe(false)
  })
})
