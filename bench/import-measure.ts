// One measuring process of bench/import.ts (which bundles this file and runs it, as the app's main
// process runs bundled, once per run): imports 10,000 CSV rows (a practice's request log: 10,000
// requests from 2,500 patients at 20 practices) into an empty data folder, and measures this
// process's floor first: papaparse parsing the same file. Prints one BENCH_JSON line.
import * as fsp from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Papa from 'papaparse'
import { openServices } from '../src/services/app-services'
import { csvImporter, type CsvImportResult } from '../src/services/interop/csv/import'
import { CaseSchema, type Case } from '../src/core/schemas'
import { encodeJournal } from '../src/store/batch-journal'
import { encodeEnvelope } from '../src/store/envelope'
import { writeFileAtomic } from '../src/store/durable-write'
import { time } from './stats'

const ROWS = Number(process.env['BENCH_ROWS'] ?? 10_000)

function makeCsv(): Uint8Array {
  const lines = ['Request ID,Patient,DOB,Practice,State,Received,Fulfilled']
  for (let i = 0; i < ROWS; i++) {
    const p = i % 2500
    const received = `${String((i % 9) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')}/2026`
    const fulfilled = i % 3 === 0 ? `10/${String((i % 28) + 1).padStart(2, '0')}/2026` : ''
    lines.push(`REQ-${i},"Patient ${p}, Test",${String((p % 12) + 1).padStart(2, '0')}/${String((p % 16) + 13)}/19${50 + (p % 50)},Practice ${i % 20},CA,${received},${fulfilled}`)
  }
  return new TextEncoder().encode(lines.join('\r\n'))
}

/**
 * The floors of what an import cannot leave out, measured on the cases it just wrote (so the same
 * records, the same sizes): the store's validation of each composed case with its schema alone,
 * JSON-encoding each into its envelope, and one durable write (temp, fsync, rename, folder fsync)
 * of the batch journal those bytes make, which is what the import waits for.
 */
type Floors = { validateMs: number; encodeMs: number; durableMs: number; journalKb: number }
type Run = { importMs: number; cpuMs: number; userMs: number; systemMs: number; settledMs: number; result: CsvImportResult; floors: Floors }

async function floorsOf(cases: ReadonlyArray<Case>, dir: string): Promise<Floors> {
  const validateMs = (await time(3, () => { for (const c of cases) if (!CaseSchema.safeParse(c).success) throw new Error(`case ${c.id} does not validate`) })).median
  const encode = () => cases.map((c) => encodeEnvelope({ schemaVersion: 1, rev: 1, deviceId: 'bench-device', updatedAt: c.updatedAt, data: c }))
  const encodeMs = (await time(3, encode)).median
  const journal = encodeJournal(encode().map((bytes, i) => ({ rel: `cases/${cases[i]!.id}.json`, rev: 1, bytes })))
  const durableMs = (await time(3, (i) => writeFileAtomic(fsp, join(dir, `journal-${i}.json`), journal))).median
  return { validateMs, encodeMs, durableMs, journalKb: journal.byteLength / 1024 }
}

/** One import into a fresh, empty data folder. */
async function importOnce(bytes: Uint8Array): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'aa-bench-import-'))
  const services = await openServices({ dataDir: dir, appVersion: 'bench', holder: 'bench', dailyBackup: false, now: () => new Date('2026-11-25T12:00:00Z') })
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const result = await csvImporter(services).commit({ kind: 'requests', bytes, name: 'bench.csv' })
  // Acknowledged: every record durable (through the batch journal, store/batch-journal.ts).
  const importMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  // Then the background work the user does not wait for: each file fsynced, the journal dropped, the index written.
  await services.store.flush()
  const settledMs = performance.now() - t0
  const cases: Case[] = []
  for (const { id } of services.store.records.cases.summaries()) cases.push((await services.store.records.cases.get(id))!)
  const floors = await floorsOf(cases, dir)
  await services.close()
  await rm(dir, { recursive: true, force: true })
  return { importMs, cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, settledMs, result, floors }
}

async function main(): Promise<void> {
  const bytes = makeCsv()
  const text = new TextDecoder().decode(bytes)
  const floor = (await time(5, () => Papa.parse(text, { skipEmptyLines: 'greedy' }))).median
  const run = await importOnce(bytes)
  const { result } = run
  console.log(`BENCH_JSON ${JSON.stringify({ floor, kb: bytes.byteLength / 1024, load: loadavg()[0], ...run })}`)
  void result
}

void main()
