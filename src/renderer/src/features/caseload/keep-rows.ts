// Rows of a new answer that equal rows already on screen are the same objects as those rows, so the
// table's memoised rows are not drawn again: typing "voi" → "voic" usually leaves the top of the
// caseload as it was, and a refetch after a clock or a return from a case changes a few rows at most.
import type { CaseListItemValue } from '#shared/channels/cases'

/** Equality of two JSON values (what crosses from the services: no dates, maps or cycles). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/**
 * `next` with each row that equals the row of the same id in `previous` replaced by that row (the
 * same array when every row is kept and in the same place).
 */
export function keepEqualRows(previous: CaseListItemValue[], next: CaseListItemValue[]): CaseListItemValue[] {
  if (previous.length === 0) return next
  const before = new Map(previous.map((r) => [r.id, r]))
  let changed = previous.length !== next.length
  const out = next.map((r, i) => {
    const old = before.get(r.id)
    const kept = old !== undefined && jsonEqual(old, r) ? old : r
    if (kept !== previous[i]) changed = true
    return kept
  })
  return changed ? out : previous
}
