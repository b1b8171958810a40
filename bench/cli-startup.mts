// How long the installed command line takes to answer `access-advocate info`, against the floor of
// starting Node at all (`node -e 0`), measured in the same run, in turn, so a slow spell of the
// shared machine lands on both alike. Target: the bundle ≤ 2.5× the floor. tsx (running from the
// source checkout, as `npm run cli` does) is shown for comparison.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ms, stats } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const BUNDLE = join(ROOT, 'out/cli/access-advocate.mjs')
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15)
const TARGET = 2.5

if (!existsSync(BUNDLE)) {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('could not build the command line bundle')
}

const dir = mkdtempSync(join(tmpdir(), 'aa-bench-cli-'))
const dataDir = join(dir, 'data')
const env = { ...process.env, ACCESS_ADVOCATE_DATA_DIR: dataDir }

function timed(args: string[]): number {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' })
  const took = performance.now() - t0
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  return took
}

try {
  // The folder exists and has been opened once (by the app, say): what a user's machine looks like.
  timed([BUNDLE, 'info'])
  const floor: number[] = []
  const bundle: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order, so neither always runs right after the other.
    if (i % 2 === 0) {
      floor.push(timed(['-e', '0']))
      bundle.push(timed([BUNDLE, 'info']))
    } else {
      bundle.push(timed([BUNDLE, 'info']))
      floor.push(timed(['-e', '0']))
    }
  }
  const tsx: number[] = []
  for (let i = 0; i < Math.min(5, RUNS); i++) tsx.push(timed(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'info']))

  const f = stats(floor)
  const b = stats(bundle)
  const t = stats(tsx)
  const ratio = b.median / f.median
  console.log(`node -e 0 (the floor):              median ${ms(f.median)}, p95 ${ms(f.p95)} (${f.runs} runs)`)
  console.log(`access-advocate info (the bundle):  median ${ms(b.median)}, p95 ${ms(b.p95)}: ${ratio.toFixed(2)}× the floor (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'MISSED'})`)
  console.log(`npm run cli -- info (tsx, source):  median ${ms(t.median)}: ${(t.median / f.median).toFixed(2)}× the floor (${t.runs} runs)`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
