// Measures a generated caseload; each figure is printed beside its baseline from the same run.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import { openServices, type AppServices } from '../src/services/app-services'
import { shardFile, shardOf } from '../src/store/layout'
import { interleaved, ms, time, whole, type Stats, type Step } from './stats'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: store-measure.mts DATA_DIR')

const open = () => openServices({ dataDir, appVersion: 'bench', holder: 'bench', dailyBackup: false })
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

// --- cold open, and memory after the first open of this process
const first = performance.now()
let services: AppServices = await open()
const firstOpen = performance.now() - first
gc()
const rssAfterOpen = process.memoryUsage().rss / 1024 / 1024
await services.close()
const openStats = await time(10, async () => {
  const s = await open()
  await s.close()
})

// The floor: the JSON an open reads (everything but case files, backups and attachments), as one file.
const openedFiles = listFiles(dataDir).filter((f) => f.endsWith('.json') && !/^(cases|backups|attachments|quarantine)\//.test(f) && !f.includes('lock'))
const floorFile = join(dataDir, '..', `aa-bench-floor-${process.pid}.json`)
writeFileSync(floorFile, `[${openedFiles.map((f) => readFileSync(join(dataDir, f), 'utf8')).join(',')}]`)
const floorBytes = statSync(floorFile).size
const openFloor = await time(10, () => JSON.parse(readFileSync(floorFile, 'utf8')))
rmSync(floorFile)

services = await open()
const summaries = services.store.records.cases.summaries()
const caseIds = summaries.filter((s) => !s.summary.deletedAt).map((s) => s.id)
const patients = services.store.sharded.patients.all()

// --- one new event, vs the durable write of the one file that changed. As in the app, the case is
// on screen (read) before the user logs an event on it; the read is not part of the save.
// The save and its baselines run interleaved (save, floor, floor + folder fsync, rotating the order),
// so a slow spell of the shared disk lands on all three alike instead of on whichever ran then.
const eventCases = Array.from({ length: 60 }, (_, i) => caseIds[(i * 97) % caseIds.length]!)
for (const id of eventCases) await services.queries.view(id)
// Warm-up on other cases, untimed, so the median measures the code and not the JIT compiling it.
for (let i = 0; i < 20; i++) await services.cases.addEvent(caseIds[(i * 89 + 13) % caseIds.length]!, { type: 'note', date: '2026-11-20', summary: 'warm-up' })
const caseFile = (id: string) => join(dataDir, 'cases', `${id}.json`)
const [eventStats, eventFloor, eventFloorDir] = await interleaved(eventCases.length, [
  whole((i) => services.cases.addEvent(eventCases[i]!, { type: 'note', date: '2026-11-20', summary: `bench note ${i}` })),
  floorOf(eventCases.map(caseFile), false),
  floorOf(eventCases.map(caseFile), true)
])

// --- one patient edit, vs the durable write of that patient's shard file
for (let i = 0; i < 10; i++) await services.patients.update(patients[(i * 17 + 5) % patients.length]!.id, { notes: 'warm-up' })
const editedPatients = Array.from({ length: 60 }, (_, i) => patients[(i * 31) % patients.length]!)
const shardPath = (patientId: string) => join(dataDir, ...shardFile('patients', shardOf(patientId, 16)).split('/'))
const [patientStats, patientFloor] = await interleaved(editedPatients.length, [
  whole((i) => services.patients.update(editedPatients[i]!.id, { notes: `bench edit ${i}` })),
  floorOf(editedPatients.map((p) => shardPath(p.id)), false)
])

// --- list + filter all cases (status + substring over names and event summaries)
const coldList = performance.now()
services.queries.list({})
const coldListMs = performance.now() - coldList
const listStats = await time(50, (i) => services.queries.list({ status: ['overdue', 'awaiting'], text: ['ruiz', 'voicemail', 'req-0042', 'mercy', 'fax'][i % 5]! }))
const listSize = services.queries.list({}).length
await services.close()

// --- the naive single-file lowdb store, holding the same data
const naiveFile = join(dataDir, '..', `aa-bench-naive-${process.pid}.json`)
services = await open()
const everything = {
  patients: services.store.sharded.patients.all(),
  organizations: services.store.sharded.organizations.all(),
  cases: await Promise.all(caseIds.map((id) => services.store.records.cases.get(id)))
}
await services.close()
writeFileSync(naiveFile, JSON.stringify(everything))
const naiveBytes = statSync(naiveFile).size
const naive = new Low(new JSONFile<typeof everything>(naiveFile), everything)
await naive.read()
const naiveStats = await time(5, async (i) => {
  naive.data.cases[i]!.events.push({ ...naive.data.cases[i]!.events[0]!, id: `ev-naive-${i}`, summary: 'naive' })
  await naive.write()
})
rmSync(naiveFile)

// --- report
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
const rows: Array<[string, string, string, string]> = []
const check = (ok: boolean) => (ok ? 'ok' : 'MISSED')
const line = (what: string, s: Stats, base: Stats, baseName: string, target: string, ok: boolean) =>
  rows.push([what, `median ${ms(s.median)}, p95 ${ms(s.p95)}`, `${(s.median / base.median).toFixed(2)}× ${baseName} (${ms(base.median)})`, `${target}: ${check(ok)}`])

console.log(`store: ${caseIds.length} cases, ${everything.cases.reduce((n, c) => n + (c?.events.length ?? 0), 0)} events, ${everything.organizations.length} organizations, ${everything.patients.length} patients; case files ${mb(dirBytes(join(dataDir, 'cases')))}; one-file equivalent ${mb(naiveBytes)}`)
line('cold open', openStats, openFloor, `read+parse of the ${mb(floorBytes)} it reads, as one file`, 'median ≤ 1.5× floor, p95 ≤ 600 ms', openStats.median <= 1.5 * openFloor.median && openStats.p95 <= 600)
line('save one new event', eventStats, eventFloor, 'stringify+write+fsync+rename of its case file', 'median ≤ 1.5× floor', eventStats.median <= 1.5 * eventFloor.median)
rows.push(['  … vs the floor with folder fsync', '', `${(eventStats.median / eventFloorDir.median).toFixed(2)}× (${ms(eventFloorDir.median)})`, 'informational'])
rows.push(['  … beyond that durable write', ms(eventStats.median - eventFloorDir.median), 'validation, audit entry, summary, and the thread-pool round trips of async file calls', 'informational'])
rows.push(['  … vs naive single-file lowdb', '', `${(naiveStats.median / eventStats.median).toFixed(0)}× faster (naive median ${ms(naiveStats.median)})`, `≥ 200×: ${check(naiveStats.median / eventStats.median >= 200)}`])
line('save a patient edit', patientStats, patientFloor, 'stringify+write+fsync+rename of its shard', 'median ≤ 1.5× floor', patientStats.median <= 1.5 * patientFloor.median)
rows.push(['list + filter all cases', `median ${ms(listStats.median)}, p95 ${ms(listStats.p95)}`, `${listSize} cases; first list of the day (every clock computed) ${ms(coldListMs)}`, `median ≤ 10 ms, p95 ≤ 30 ms: ${check(listStats.median <= 10 && listStats.p95 <= 30)}`])
rows.push(['RSS after open', `${rssAfterOpen.toFixed(0)} MB`, `first open in a fresh process ${ms(firstOpen)}`, `≤ 200 MB: ${check(rssAfterOpen <= 200)}`])
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)))
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`)

/**
 * The floor for an edit: JSON.stringify + write + fsync + rename of the one file that changed
 * (parsed beforehand, untimed), optionally followed by the folder fsync. It renames over a copy beside
 * the live file, in the same folder: rewriting the live file would make the store re-read it.
 */
function floorOf(files: string[], fsyncFolder: boolean): Step {
  return (i) => {
    const live = files[i]!
    const doc: unknown = JSON.parse(readFileSync(live, 'utf8'))
    // As in the app, the rename replaces a file already on disk.
    const target = `${live}.floor`
    const copy = openSync(target, 'w')
    writeSync(copy, readFileSync(live))
    fsyncSync(copy)
    closeSync(copy)
    const t0 = performance.now()
    const text = JSON.stringify(doc)
    const tmp = `${target}.tmp`
    const fd = openSync(tmp, 'w')
    writeSync(fd, text)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, target)
    if (fsyncFolder) {
      const dir = openSync(join(live, '..'), 'r')
      fsyncSync(dir)
      closeSync(dir)
    }
    const took = performance.now() - t0
    rmSync(target)
    return took
  }
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(root, join(prefix, d.name)) : [join(prefix, d.name)]
  )
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0)
}
