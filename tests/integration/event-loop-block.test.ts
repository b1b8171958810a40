// The probe the backup's stall test relies on: it must see a block as long as the work that caused
// it, however busy the machine (the work is counted in processor time, not wall time).
import { describe, expect, it } from 'vitest'
import { probeEventLoop } from './helpers/event-loop-block'

/** Blocks the event loop for `ms` of this process's own processor time. */
function blockFor(ms: number): void {
  const start = process.cpuUsage()
  for (;;) {
    const used = process.cpuUsage(start)
    if ((used.user + used.system) / 1000 >= ms) return
  }
}

describe('event-loop block probe', () => {
  it('reports a 300 ms block as at least 250 ms, and short pieces of work as short', async () => {
    const probe = probeEventLoop()
    for (let i = 0; i < 20; i++) {
      blockFor(2)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const short = probe.stop()
    expect(short.ticks).toBeGreaterThan(5)
    expect(short.worstMs).toBeLessThan(150)

    const long = probeEventLoop()
    await new Promise((resolve) => setTimeout(resolve, 5))
    blockFor(300)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(long.stop().worstMs).toBeGreaterThanOrEqual(250)
  })
})
