#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another (they share two cores; never in parallel).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
let failed = false
for (const bench of ['bench/clocks.ts', 'bench/report.ts', 'bench/store.mts', 'bench/cli-startup.mts', 'bench/letters.ts', 'bench/import.ts', 'bench/ui.mts']) {
  console.log(`\n▶ ${bench}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, bench)], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
