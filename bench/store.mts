// `npm run bench` (store and caseload part): for each size (1,000, 10,000 and 30,000 cases by
// default; `BENCH_SIZES=1000,10000` or `node --import tsx bench/store.mts 1000` for fewer), builds
// the caseload (11 events a case, one holder per 2 cases, one patient per 3) through the services'
// batch path (bench/fixture.ts), then measures it in a fresh process of its own (bench/store-measure.mts), so each
// size's memory and timings are the app's, not the generator's nor another size's. Ends with the
// comparison across sizes that "edits stay flat" asks for.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { buildFixture } from './fixture'
import { noFsyncFs } from './fast-fs'
import { nodeBundle } from './node-bundle'

const sizes = (process.argv[2] ?? process.env['BENCH_SIZES'] ?? process.env['BENCH_CASES'] ?? '1000,10000,30000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
if (sizes.length === 0) throw new Error('usage: store.mts [SIZES], e.g. 1000,10000,30000')

type Flat = { cases: number; eventSave: number; patientEdit: number; floorDir: number; patientFloor: number }
const flats: Flat[] = []

// The measuring process runs bundled, as the app's main process does: under tsx, its transformed
// sources and source maps alone add 15–30 MB to the RSS the issue bounds.
const measure = join(tmpdir(), `aa-bench-store-measure-${process.pid}.mjs`)
await build(nodeBundle(join(import.meta.dirname, 'store-measure.mts'), measure))
process.on('exit', () => rmSync(measure, { force: true }))

for (const CASES of sizes) {
  const dataDir = join(tmpdir(), `aa-bench-store-${CASES}`)
  const reuse = process.env['BENCH_REUSE'] === '1' && existsSync(join(dataDir, 'cases'))
  if (!reuse) await generate(CASES, dataDir)
  const child = spawnSync(process.execPath, ['--expose-gc', measure, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('BENCH_JSON ')) flats.push(JSON.parse(line.slice('BENCH_JSON '.length)) as Flat)
    else if (line) console.log(line)
  }
  if (process.env['BENCH_KEEP'] !== '1') rmSync(dataDir, { recursive: true, force: true })
  if (child.status !== 0) process.exit(child.status ?? 1)
}

if (flats.length > 1) {
  const spread = (k: 'eventSave' | 'patientEdit') => Math.max(...flats.map((f) => f[k])) / Math.min(...flats.map((f) => f[k]))
  const worst = (k: 'eventSave' | 'patientEdit', floor: 'floorDir' | 'patientFloor') => Math.max(...flats.map((f) => f[k] / f[floor]))
  console.log(`\nedits across sizes (${flats.map((f) => f.cases.toLocaleString('en-US')).join(' / ')} cases), medians:`)
  for (const [name, k, floor] of [
    ['one event save', 'eventSave', 'floorDir'],
    ['one patient edit', 'patientEdit', 'patientFloor']
  ] as const) {
    const ok = spread(k) <= 1.3 && worst(k, floor) <= 4
    console.log(
      `  ${name.padEnd(17)} ${flats.map((f) => `${f[k].toFixed(2)} ms`).join(' / ')}  largest/smallest ${spread(k).toFixed(2)}×, worst ${worst(k, floor).toFixed(2)}× its durable-write floor  target ≤ 1.3× and ≤ 4×: ${ok ? 'ok' : 'MISSED'}`
    )
  }
}

async function generate(cases: number, dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true })
  const t0 = performance.now()
  // The builder skips fsyncs (fast-fs.ts): the measuring process reads the folder with the real file system.
  const result = await buildFixture({
    dataDir,
    cases,
    organizations: Math.round(cases / 2),
    patients: Math.round(cases / 3),
    eventsPerCase: 11,
    today: '2026-11-25',
    fs: noFsyncFs,
    sequentialIds: true,
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rgenerating ${done}/${total} cases`)
      else if (done % 5000 === 0) process.stderr.write(`generating ${done}/${total} cases\n`)
    }
  })
  process.stderr.write('\n')
  console.log(
    `\nstore: generated ${result.cases} cases, ${result.events} events, ${result.organizations} organizations, ${result.patients} patients through the services' batch path in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  )
}
