// `npm run bench` (store part): generates the caseload (10,000 cases, ~100,000 events, 5,000
// organizations) through the real services, then measures it in a fresh process
// (bench/store-measure.mts) so the memory figure is the app's, not the generator's.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices } from '../src/services/app-services'
import { writeDemo } from '../src/services/demo/write'

const CASES = Number(process.env['BENCH_CASES'] ?? 10_000)
const dataDir = join(tmpdir(), `aa-bench-store-${CASES}`)
const reuse = process.env['BENCH_REUSE'] === '1' && existsSync(join(dataDir, 'cases'))

if (!reuse) {
  rmSync(dataDir, { recursive: true, force: true })
  const t0 = performance.now()
  const services = await openServices({ dataDir, appVersion: 'bench', holder: 'bench generator', dailyBackup: false })
  let seq = 0
  Object.assign(services.context, { newId: (p: string) => `${p}-${String(++seq).padStart(6, '0')}` })
  const result = await writeDemo(services, {
    cases: CASES,
    organizations: Math.round(CASES / 2),
    patients: Math.round(CASES / 3),
    eventsPerCase: 11,
    today: '2026-11-25',
    attachments: false,
    concurrency: 8,
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rgenerating ${done}/${total} cases`)
      else if (done % 2500 === 0) process.stderr.write(`generating ${done}/${total} cases\n`)
    }
  })
  await services.close()
  process.stderr.write('\n')
  console.log(
    `store: generated ${result.cases} cases, ${result.events} events, ${result.organizations} organizations, ${result.patients} patients through the services in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  )
}

const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'store-measure.mts'), dataDir], {
  stdio: 'inherit',
  env: process.env
})
if (process.env['BENCH_KEEP'] !== '1') rmSync(dataDir, { recursive: true, force: true })
process.exit(child.status ?? 1)
