// How long the event loop was blocked, measured two ways while some work runs: the longest gap
// between two runs of a 1 ms timer (what a call arriving meanwhile waits at worst, on this machine,
// now), and, over every such gap, the lesser of the gap and the processor time this process used in
// it. On a shared machine the first includes the time the system gave other processes; the
// second counts only work this process did (all its threads, so it errs high), which is what the
// code can be held to. A same-run baseline (`noiseFloor`) says what the machine alone imposes.

export type BlockStats = {
  /** The longest wall-clock gap between two timer runs (ms). */
  wallMs: number
  /**
   * The longest this process itself can have blocked (ms): over every gap between two timer runs,
   * the lesser of the gap and the processor time the process used in it (all threads: it errs high).
   */
  cpuMs: number
}

export function blockProbe(): { stop: () => BlockStats } {
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  let wallMs = 0
  let cpuMs = 0
  const tick = (): void => {
    const now = performance.now()
    const cpu = process.cpuUsage(lastCpu)
    wallMs = Math.max(wallMs, now - last)
    cpuMs = Math.max(cpuMs, Math.min(now - last, (cpu.user + cpu.system) / 1000))
    last = now
    lastCpu = process.cpuUsage()
  }
  const timer = setInterval(tick, 1)
  return {
    stop: () => {
      clearInterval(timer)
      tick()
      return { wallMs, cpuMs }
    }
  }
}

/** The same probe over `ms` of work in 1 ms pieces (never blocking longer): the machine's own stalls. */
export async function noiseFloor(ms: number): Promise<BlockStats> {
  const probe = blockProbe()
  const end = performance.now() + ms
  while (performance.now() < end) {
    const piece = performance.now() + 1
    while (performance.now() < piece) {
      // busy: one millisecond of work, then the loop runs
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  return probe.stop()
}
