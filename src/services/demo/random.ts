/** A small seeded generator (mulberry32): the same seed always gives the same sample caseload. */
export type Random = {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: ReadonlyArray<T>) => T
  chance: (p: number) => boolean
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T,>(items: ReadonlyArray<T>): T => items[int(0, items.length - 1)]!,
    chance: (p: number) => next() < p
  }
}
