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

/** One measured step: returns how long its timed part took (ms), so untimed setup can share the call. */
export type Step = (i: number) => Promise<number> | number

/** Times the whole call of `work`. */
export const whole =
  (work: (i: number) => Promise<unknown> | unknown): Step =>
  async (i) => {
    const t0 = performance.now()
    await work(i)
    return performance.now() - t0
  }

/**
 * Runs several steps `runs` times each, interleaved and in a rotating order, so that a slow spell
 * of a shared machine lands on every step alike; returns one Stats per step, in the order given.
 */
export async function interleaved<const S extends ReadonlyArray<Step>>(runs: number, steps: S): Promise<{ [K in keyof S]: Stats }> {
  const samples = steps.map((): number[] => [])
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < steps.length; k++) {
      const s = (i + k) % steps.length
      samples[s]!.push(await steps[s]!(i))
    }
  }
  return samples.map(stats) as { [K in keyof S]: Stats }
}
