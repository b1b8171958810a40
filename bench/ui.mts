// `npm run bench` (window part): for each size (BENCH_SIZES, default 1,000 / 10,000 / 30,000, or
// the first argument), builds the caseload once (fsync-free, bench/fixture.ts), then runs
// the Playwright benchmark bench/ui/caseload.bench.ts in a fresh process over a copy of it. Needs
// the built window (`npx electron-vite build`).
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFixture } from './fixture'
import { noFsyncFs } from './fast-fs'

const root = join(import.meta.dirname, '..')
if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.log('window: skipped — build it first (npx electron-vite build)')
  process.exit(0)
}
const sizes = (process.argv[2] ?? process.env['BENCH_SIZES'] ?? '1000,10000,30000').split(',').map(Number).filter((n) => n > 0)
let failed = false
for (const cases of sizes) {
  const dir = join(tmpdir(), `aa-bench-ui-${cases}`)
  if (!existsSync(join(dir, 'cases'))) {
    rmSync(dir, { recursive: true, force: true })
    await buildFixture({ dataDir: dir, cases, organizations: Math.round(cases / 2), patients: Math.round(cases / 3), eventsPerCase: 11, today: '2026-11-25', fs: noFsyncFs, sequentialIds: true })
  }
  const r = spawnSync('npx', ['playwright', 'test', '-c', join(root, 'bench', 'ui', 'playwright.config.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_UI_DIR: dir, BENCH_UI_CASES: String(cases) }
  })
  if (r.status !== 0) failed = true
  if (process.env['BENCH_KEEP'] !== '1') rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
