// Deterministic keys and orderings, so a merge gives the same result on every machine and in
// either argument order (both machines may merge the same conflict; their results must agree).

/** JSON with object keys sorted: two equal values always give the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(o[k])])
    )
  }
  return v
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

/** FNV-1a as 8 hex digits: short, stable ids for kept second versions. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
