// The pausable work under the caseload query: run at once or in slices, it gives the same result,
// and in slices the event loop really runs between two of them.
import { describe, expect, it } from 'vitest'
import { Job, runNow, sortInSteps, type Steps } from './slices'

function* countTo(n: number): Steps<number> {
  let sum = 0
  for (let i = 1; i <= n; i++) {
    sum += i
    yield
  }
  return sum
}

describe('slices', () => {
  it('sorts exactly as the native stable sort, at every size around the run and merge boundaries', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (const n of [0, 1, 5, 511, 512, 513, 1024, 1500, 4097]) {
      // Few distinct keys: ties are everywhere, so stability shows.
      const items = Array.from({ length: n }, (_, i) => ({ k: Math.floor(rand() * 20), i }))
      const cmp = (a: { k: number }, b: { k: number }) => a.k - b.k
      const expected = [...items].sort(cmp)
      expect(runNow(sortInSteps([...items], cmp, 64)).map((x) => x.i)).toEqual(expected.map((x) => x.i))
      expect(runNow(sortInSteps([...items], cmp)).map((x) => x.i)).toEqual(expected.map((x) => x.i))
    }
  })

  it('in slices, lets other callbacks run between them and still ends with the same value', async () => {
    let ticks = 0
    let running = true
    const spin = (): void => {
      ticks++
      if (running) setImmediate(spin)
    }
    setImmediate(spin)
    const job = new Job(countTo(50))
    const value = await job.inSlices(0)
    running = false
    expect(value).toBe(runNow(countTo(50)))
    expect(job.pauses).toBe(50)
    // Each pause let the event loop run the other callback.
    expect(ticks).toBeGreaterThanOrEqual(50)
  })

  it('shares its progress: a caller that needs the result now finishes what a sliced run began', async () => {
    const job = new Job(countTo(1000))
    const sliced = job.inSlices(0)
    expect(job.done).toBe(false)
    expect(job.finish()).toBe(500500)
    await expect(sliced).resolves.toBe(500500)
  })

  it('hands an error to every caller', async () => {
    const job = new Job(
      (function* (): Steps<number> {
        yield
        throw new Error('broken')
      })()
    )
    const sliced = job.inSlices(0)
    expect(() => job.finish()).toThrow('broken')
    await expect(sliced).rejects.toThrow('broken')
  })
})
