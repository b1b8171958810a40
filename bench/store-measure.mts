// Measures a generated caseload; each figure is printed beside its baseline from the same run.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import { openServices, type AppServices } from '../src/services/app-services'
import { ms, time, type Stats } from './stats'

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

// The floor: the bytes an open reads (everything but case files, backups and attachments), as one file.
const openedFiles = listFiles(dataDir).filter((f) => !/^(cases|backups|attachments|quarantine)\//.test(f) && !f.includes('lock'))
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
const eventCases = Array.from({ length: 40 }, (_, i) => caseIds[(i * 97) % caseIds.length]!)
for (const id of eventCases) await services.queries.view(id)
// Warm-up on other cases, untimed, so the median measures the code and not the JIT compiling it.
for (let i = 0; i < 20; i++) await services.cases.addEvent(caseIds[(i * 89 + 13) % caseIds.length]!, { type: 'note', date: '2026-11-20', summary: 'warm-up' })
const eventStats = await time(40, async (i) => {
  await services.cases.addEvent(eventCases[i]!, { type: 'note', date: '2026-11-20', summary: `bench note ${i}` })
})
const eventFloor = await time(40, (i) => durableRewrite(join(dataDir, 'cases', `${eventCases[i]}.json`)))
// The same plus the folder fsync that makes the rename itself survive a power cut (issue 4's durability rule).
const eventFloorDir = await time(40, (i) => durableRewrite(join(dataDir, 'cases', `${eventCases[i]}.json`), true))

// --- one patient edit, vs the durable write of that patient's shard file
for (let i = 0; i < 10; i++) await services.patients.update(patients[(i * 17 + 5) % patients.length]!.id, { notes: 'warm-up' })
const patientStats = await time(40, async (i) => {
  const p = patients[(i * 31) % patients.length]!
  await services.patients.update(p.id, { notes: `bench edit ${i}` })
})
const shardFiles = readdirSync(join(dataDir, 'patients')).map((f) => join(dataDir, 'patients', f))
const patientFloor = await time(40, (i) => durableRewrite(shardFiles[i % shardFiles.length]!))

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
rows.push(['  … vs naive single-file lowdb', '', `${(naiveStats.median / eventStats.median).toFixed(0)}× faster (naive median ${ms(naiveStats.median)})`, `≥ 200×: ${check(naiveStats.median / eventStats.median >= 200)}`])
line('save a patient edit', patientStats, patientFloor, 'stringify+write+fsync+rename of its shard', 'median ≤ 1.5× floor', patientStats.median <= 1.5 * patientFloor.median)
rows.push(['list + filter all cases', `median ${ms(listStats.median)}, p95 ${ms(listStats.p95)}`, `${listSize} cases; first list of the day (every clock computed) ${ms(coldListMs)}`, `median ≤ 10 ms, p95 ≤ 30 ms: ${check(listStats.median <= 10 && listStats.p95 <= 30)}`])
rows.push(['RSS after open', `${rssAfterOpen.toFixed(0)} MB`, `first open in a fresh process ${ms(firstOpen)}`, `≤ 200 MB: ${check(rssAfterOpen <= 200)}`])
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)))
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`)

function durableRewrite(file: string, fsyncFolder = false): void {
  const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))
  const tmp = `${file}.floor.tmp`
  const fd = openSync(tmp, 'w')
  writeSync(fd, text)
  fsyncSync(fd)
  closeSync(fd)
  renameSync(tmp, file)
  if (fsyncFolder) {
    const dir = openSync(join(file, '..'), 'r')
    fsyncSync(dir)
    closeSync(dir)
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
