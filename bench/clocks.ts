// Benchmark: compute the clock of 10,000 generated cases (issue 5 target: median under 200 ms).
// Cases are generated from a fixed seed, so every run measures the same work.
// Run: npx tsx bench/clocks.ts
import { performance } from 'node:perf_hooks'
import { addCalendarDays, computeClock, ClockInputSchema, type ClockEvent, type ClockInput } from '../src/core/clocks'
import { BUILT_IN_PROFILE_IDS } from '../src/core/rules'

const CASES = 10_000
const RUNS = 15
const TARGET_MS = 200
const SEED = 20260105

/** mulberry32: a tiny deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function generate(count: number): ClockInput[] {
  const rand = rng(SEED)
  const int = (max: number): number => Math.floor(rand() * max)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[int(xs.length)]!
  const cases: ClockInput[] = []
  for (let i = 0; i < count; i++) {
    const received = addCalendarDays('2024-01-01', int(365 * 4))
    const day = (max: number): string => addCalendarDays(received, int(max))
    const events: ClockEvent[] = []
    const n = int(7)
    for (let j = 0; j < n; j++) {
      switch (int(8)) {
        case 0:
          events.push({ type: 'extension-notice', date: day(40), reason: 'volume', newDate: day(80) })
          break
        case 1:
          events.push({ type: 'delivered', date: day(90), complete: rand() < 0.6, format: pick(['pdf', 'paper', 'fhir']) })
          break
        case 2:
          events.push({ type: 'fee-quoted', date: day(30), amount: pick([0, 6.5, 25]), method: 'flat', electronicCopyOfElectronicRecords: true, inAdvance: rand() < 0.5 })
          break
        case 3:
          events.push({ type: 'requested-format', date: day(10), format: pick(['pdf', 'fhir']) })
          break
        case 4:
          events.push({ type: 'denied', date: day(60), basis: pick(['', 'psychotherapy notes']), complaintContact: rand() < 0.5 })
          break
        case 5:
          events.push({ type: pick(['follow-up', 'privacy-officer-escalation', 'ocr-complaint'] as const), date: day(70) })
          break
        case 6:
          events.push({ type: 'barrier', date: day(20), kind: pick(['in-person', 'mail-only', 'portal-only'] as const) })
          break
        default:
          events.push({ type: 'note', date: day(90), text: 'called' })
      }
    }
    cases.push(
      ClockInputSchema.parse({
        kind: rand() < 0.85 ? 'access' : pick(['amendment', 'accounting']),
        profile: pick(BUILT_IN_PROFILE_IDS),
        received,
        asOf: day(120),
        requestType: rand() < 0.8 ? 'self' : 'third-party-directive',
        events
      })
    )
  }
  return cases
}

export function main(): number {
  const cases = generate(CASES)
  // Warm-up: fills the holiday caches and lets the JIT settle, as a running app would be.
  for (const c of cases) computeClock(c)
  const times: number[] = []
  let checksum = 0
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now()
    for (const c of cases) checksum += computeClock(c).findings.length
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(`clocks: ${CASES} cases, median ${median.toFixed(1)} ms (target < ${TARGET_MS} ms); runs ${RUNS}, min ${times[0]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms; checksum ${checksum}`)
  return median
}

main()
