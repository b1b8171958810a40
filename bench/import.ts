// Benchmark (issue 12): 10,000 CSV request rows imported through the services into an empty data
// folder, against this run's floor (papaparse parsing the same file); targets ≤ 5 s and ≤ 20× the floor.
// Run: npx tsx bench/import.ts (BENCH_ROWS=N for another size; BENCH_PROFILE=DIR writes a CPU profile).
//
// The measuring process (bench/import-measure.ts) runs bundled by esbuild, as the app's main process
// does (electron-vite): under tsx every module is transformed and source-mapped as it loads, which is
// not the code the app runs.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'

const measure = join(tmpdir(), `aa-bench-import-measure-${process.pid}.mjs`)
buildSync({
  entryPoints: [join(__dirname, 'import-measure.ts')],
  outfile: measure,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@resvg/resvg-js'],
  // Bundled CommonJS dependencies call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning'
})
const profile = process.env['BENCH_PROFILE']
const child = spawnSync(process.execPath, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), measure], { stdio: 'inherit', env: process.env })
rmSync(measure, { force: true })
process.exit(child.status ?? 1)
