// Order statistics for the audit figures. Nearest rank, so every reported value is one request's
// own figure (a reader can open that request and check it by hand): the p-th percentile of n sorted
// values is the value at rank ceil(p/100 × n), counting from 1.

export type Ranked = { value: number; id: string }

export type Quantiles = {
  median: number | null
  p90: number | null
  /** The request whose value is the median / the 90th percentile. */
  medianId: string | null
  p90Id: string | null
  /** Every request the figure was computed from. */
  ids: string[]
}

export function nearestRank(sorted: ReadonlyArray<Ranked>, percentile: number): Ranked | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

export function quantiles(values: ReadonlyArray<Ranked>, median: number, high: number): Quantiles {
  // Ties on value fall back to the id, so the same data always names the same request.
  const sorted = [...values].sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const m = nearestRank(sorted, median)
  const h = nearestRank(sorted, high)
  return { median: m?.value ?? null, p90: h?.value ?? null, medianId: m?.id ?? null, p90Id: h?.id ?? null, ids: sorted.map((v) => v.id) }
}

/** A share with both its counts and the requests behind each: `met` of `of`. */
export type Share = { share: number | null; met: string[]; notMet: string[]; of: string[] }

export function share(of: ReadonlyArray<string>, isMet: (id: string) => boolean): Share {
  const met = of.filter(isMet)
  const notMet = of.filter((id) => !isMet(id))
  return { share: of.length === 0 ? null : met.length / of.length, met, notMet, of: [...of] }
}
