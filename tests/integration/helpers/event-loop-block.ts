// How long the event loop was blocked by this process's own work, measured so that a busy machine
// cannot make it look longer. A 1 ms timer records the gaps between its runs; on a shared machine
// a gap also holds the time the system gave other processes, so each gap is counted as the
// processor time the main thread itself used in it (Linux: /proc/<pid>/task/<pid>/schedstat, in
// nanoseconds, the main thread only). Where that is not readable, the gap itself is used.
import { closeSync, openSync, readSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

export type BlockProbe = {
  /** Stops the probe and returns its figures. */
  stop: () => { worstMs: number; ticks: number; source: 'main-thread processor time' | 'wall clock' }
}

/** Nanoseconds of processor time the main thread has used so far, or undefined where it cannot be read. */
function mainThreadClock(): { read: () => number; close: () => void } | undefined {
  let fd: number
  try {
    fd = openSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'r')
  } catch {
    return undefined
  }
  const buffer = Buffer.alloc(128)
  return {
    read: () => {
      const n = readSync(fd, buffer, 0, buffer.length, 0)
      return Number(buffer.toString('latin1', 0, n).split(' ')[0])
    },
    close: () => closeSync(fd)
  }
}

export function probeEventLoop(): BlockProbe {
  const clock = mainThreadClock()
  let last = performance.now()
  let lastCpu = clock?.read() ?? 0
  let worstMs = 0
  let ticks = 0
  const tick = (): void => {
    const now = performance.now()
    const gap = now - last
    const cpu = clock?.read()
    const own = cpu === undefined ? gap : Math.min(gap, (cpu - lastCpu) / 1e6)
    worstMs = Math.max(worstMs, own)
    last = now
    if (cpu !== undefined) lastCpu = cpu
    ticks++
  }
  const timer = setInterval(tick, 1)
  return {
    stop: () => {
      clearInterval(timer)
      tick()
      clock?.close()
      return { worstMs, ticks, source: clock === undefined ? 'wall clock' : 'main-thread processor time' }
    }
  }
}
