// Crash safety: a child process writes to the store and acknowledges each write on stdout; we
// SIGKILL it at random moments (during open, during writes, during the background backup) and,
// after every kill, reopen the store and prove that every acknowledged write is there and that
// every file parses and validates (the stale lock forces an index rebuild, which reads and
// validates every case file; shards and settings are validated at every open).
// The child is bundled once with esbuild to plain .mjs so each start costs ~100 ms, not a tsx boot.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { LOCK_FILE } from '../../src/store/layout'
import { testSchema } from '../fixtures/store/schema'

/** How many kills: ACCESS_ADVOCATE_CRASH_KILLS for a longer (or, locally, shorter) campaign; never below 200 by default. */
const KILLS = Number.parseInt(process.env['ACCESS_ADVOCATE_CRASH_KILLS'] ?? '', 10) || 200
const LANES = 2 // two children at a time, each on its own data folder: this machine has 2 cores

let work: string
let childJs: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'aa-crash-'))
  childJs = join(work, 'child.mjs')
  await build({
    entryPoints: [join(__dirname, 'helpers', 'store-crash-child.ts')],
    outfile: childJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error'
  })
}, 60_000)

afterAll(async () => {
  if (process.env.KEEP_CRASH_DIR === undefined) await rm(work, { recursive: true, force: true })
  else console.log(work)
})

/**
 * The last acknowledged write of each key ("case:c3", "patient:p7", "settings"), and the last
 * remove that was started (acknowledged or not): an unacknowledged remove may have happened.
 */
type Acked = Map<string, { n: number; removed: boolean; removeStarted?: number }>

type Run = { killedAfterReady: boolean; acks: number; stderr: string }

function runAndKill(dataDir: string, base: number, seed: number, acked: Acked): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [childJs, dataDir, String(base), String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let buffer = ''
    let stderr = ''
    let acks = 0
    let ready = false
    let killed = false
    const kill = (): void => {
      if (killed) return
      killed = true
      child.kill('SIGKILL')
    }
    // 1 in 5 kills lands during start-up (open, lock, index rebuild, sweeping, daily backup).
    const early = seed % 5 === 0
    const timer = early ? setTimeout(kill, 30 + (seed % 60)) : null
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line === 'ready') {
          ready = true
          if (!early) setTimeout(kill, 5 + (seed % 56))
          continue
        }
        const [kind, key, nText] = line.split(' ')
        if (key === undefined || nText === undefined) continue
        const n = Number(nText)
        const prev = acked.get(key)
        if (kind === 'begin-del') {
          acked.set(key, { ...(prev ?? { n: 0, removed: true }), removeStarted: n })
          continue
        }
        if (prev === undefined || prev.n < n) acked.set(key, { ...prev, n, removed: kind === 'del' })
        acks++
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer !== null) clearTimeout(timer)
      // Only a partial line can be lost, and a partial line was never an acknowledgement.
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (code ${code}): ${stderr}`))
      else resolve({ killedAfterReady: ready, acks, stderr })
    })
  })
}

async function verify(dataDir: string, acked: Acked): Promise<void> {
  const store = await openStore(testSchema(), { dataDir, holder: 'verifier', dailyBackup: false })
  try {
    // The only thing a kill may leave behind is the dead child's lock, which is taken over.
    const damage = store.recoveries.filter((r) => r.file !== LOCK_FILE)
    expect(damage).toEqual([])
    for (const [key, want] of acked) {
      const [kind, id] = key.split(':')
      let n: number | undefined
      if (kind === 'case') n = (await store.records.cases.get(id as string))?.n
      else if (kind === 'patient') n = store.sharded.patients.get(id as string)?.n
      else n = store.singletons.settings.get().n
      if (want.removed) {
        // Gone, or re-created by a later (unacknowledged) put.
        if (n !== undefined) expect(n, key).toBeGreaterThan(want.n)
      } else if (n === undefined && (want.removeStarted ?? 0) > want.n) {
        // A remove issued after the last acknowledged put was cut short: either outcome is right.
      } else {
        expect(n, `${key}: acknowledged n=${want.n} is missing`).toBeDefined()
        expect(n as number, key).toBeGreaterThanOrEqual(want.n)
      }
    }
    // The summaries (rebuilt from files) agree with the files.
    for (const entry of store.records.cases.summaries()) {
      expect((await store.records.cases.get(entry.id))?.n).toBe(entry.summary.n)
    }
  } finally {
    await store.close()
  }
  // And every JSON file in the folder parses, with no temp file left in the data folders.
  for (const sub of ['cases', 'patients']) {
    for (const name of await readdir(join(dataDir, sub)).catch(() => [])) {
      expect(name.endsWith('.tmp'), `${sub}/${name} left behind`).toBe(false)
      JSON.parse(await readFile(join(dataDir, sub, name), 'utf8'))
    }
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs`, async () => {
    const started = performance.now()
    let kills = 0
    let afterReady = 0
    let totalAcks = 0
    const lane = async (laneNo: number): Promise<void> => {
      const dataDir = join(work, `lane-${laneNo}`)
      const acked: Acked = new Map()
      for (let i = 0; kills < KILLS; i++) {
        const run = await runAndKill(dataDir, (i + 1) * 1_000_000, laneNo * 100_000 + i * 7919 + 1, acked)
        kills++
        totalAcks += run.acks
        if (run.killedAfterReady) afterReady++
        await verify(dataDir, acked)
      }
    }
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)))
    const seconds = (performance.now() - started) / 1000
    console.log(`crash test: ${kills} kills (${afterReady} mid-writes, ${kills - afterReady} during start-up), ${totalAcks} acknowledged writes, ${seconds.toFixed(1)} s`)
    expect(kills).toBeGreaterThanOrEqual(KILLS)
    expect(afterReady).toBeGreaterThan(KILLS / 2)
    expect(totalAcks).toBeGreaterThan(KILLS)
  }, 180_000)
})
