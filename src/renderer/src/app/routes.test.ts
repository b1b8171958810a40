import { describe, expect, it } from 'vitest'
import { hashToRoute, routeToHash } from './routes'

describe('hashToRoute', () => {
  it('opens Today when the window starts with no hash or an unknown one', () => {
    expect(hashToRoute('')).toEqual({ page: 'today' })
    expect(hashToRoute('#/')).toEqual({ page: 'today' })
    expect(hashToRoute('#/no-such-page')).toEqual({ page: 'today' })
  })

  it('still opens the caseload when asked for it', () => {
    expect(hashToRoute('#/caseload')).toEqual({ page: 'caseload' })
    expect(hashToRoute(routeToHash({ page: 'caseload' }))).toEqual({ page: 'caseload' })
  })

  it('round-trips a case with its intent', () => {
    const r = { page: 'case', id: 'c-1', intent: { kind: 'mark-sent', letterId: 'l 1' } } as const
    expect(hashToRoute(routeToHash(r))).toEqual(r)
  })
})
