// Picks the version of a profile that applies to a case: the one in force on the receipt date
// (ISSUE 5: "a case is judged by the rules in force on the day its request was received").
import type { InForce } from './types'

export type Versioned = { version: string; inForce: InForce | null }

export const isInForceOn = (inForce: InForce | null, date: string): boolean =>
  inForce !== null && (inForce.from === null || inForce.from <= date) && (inForce.to === null || date <= inForce.to)

export type VersionChoice<T> = { chosen: T; inForce: boolean }

/**
 * The version in force on `date`; if several are, the one that came into force last. If none is,
 * the nearest one is returned with `inForce: false` (the last to start on or before `date`, else the
 * first), so the caller can apply it as chosen and warn. Throws on an empty list: callers check the id.
 */
export function pickVersion<T extends Versioned>(versions: ReadonlyArray<T>, date: string): VersionChoice<T> {
  if (versions.length === 0) throw new RangeError('pickVersion needs at least one version')
  const byStart = [...versions].sort((a, b) => {
    const fa = a.inForce?.from ?? ''
    const fb = b.inForce?.from ?? ''
    if (fa !== fb) return fa < fb ? -1 : 1
    return a.version < b.version ? -1 : a.version > b.version ? 1 : 0
  })
  const inForce = byStart.filter((v) => isInForceOn(v.inForce, date))
  const last = inForce[inForce.length - 1]
  if (last) return { chosen: last, inForce: true }
  const started = byStart.filter((v) => v.inForce?.from == null || v.inForce.from <= date)
  return { chosen: started[started.length - 1] ?? byStart[0]!, inForce: false }
}
