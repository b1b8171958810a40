/** Timing helpers shared by the benchmarks: medians and 95th percentiles over repeated runs. */
export type Stats = { median: number; p95: number; runs: number }

export function stats(samples: ReadonlyArray<number>): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  return { median: at(0.5), p95: at(0.95), runs: sorted.length }
}

export async function time(runs: number, work: (i: number) => Promise<unknown> | unknown): Promise<Stats> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await work(i)
    samples.push(performance.now() - t0)
  }
  return stats(samples)
}

export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`
