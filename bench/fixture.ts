// The benchmarks' caseload builder. It plans the sample caseload (services/demo/plan.ts) and writes
// it through the services' batch path, the one a CSV import takes (organizations.addMany,
// patients.addMany, cases.addManyWithEvents): every record is validated, audited and stamped as the
// app would, and the store writes each batch in one durable write (store/batch-journal.ts), so the
// files are exactly those the app writes. One case and its events go in one write rather than a
// write per step, which is what makes 30,000 cases minutes instead of most of an hour.
import { openServices } from '../src/services/app-services'
import { planDemo } from '../src/services/demo/plan'
import type { StoreFs } from '../src/store/types'

export type FixtureOptions = {
  dataDir: string
  cases: number
  organizations?: number
  patients?: number
  eventsPerCase?: number
  today: string
  /** Records per durable write (default 500). */
  batch?: number
  /** A node:fs/promises stand-in (the bench skips fsyncs: fast-fs.ts). */
  fs?: StoreFs
  /** Ids as the bench's earlier builder gave them (`case-000001`), so every run names the same cases. */
  sequentialIds?: boolean
  onProgress?: (done: number, total: number) => void
}

export type FixtureResult = { organizations: number; patients: number; cases: number; events: number }

function* chunks<T>(items: ReadonlyArray<T>, size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

/** Builds the caseload into an empty folder and closes it (everything durable, the local index written). */
export async function buildFixture(options: FixtureOptions): Promise<FixtureResult> {
  const batch = options.batch ?? 500
  let seq = 0
  const services = await openServices({
    dataDir: options.dataDir,
    appVersion: 'bench',
    holder: 'bench fixture builder',
    dailyBackup: false,
    ...(options.fs && { fs: options.fs }),
    ...(options.sequentialIds && { newId: (p: string) => `${p}-${String(++seq).padStart(6, '0')}` })
  })
  try {
    if (services.store.records.cases.summaries().length > 0 || services.store.sharded.patients.all().length > 0) {
      throw new Error(`${options.dataDir} already holds data; the fixture goes into an empty folder.`)
    }
    const plan = planDemo({
      cases: options.cases,
      today: options.today,
      ...(options.organizations !== undefined && { organizations: options.organizations }),
      ...(options.patients !== undefined && { patients: options.patients }),
      ...(options.eventsPerCase !== undefined && { eventsPerCase: options.eventsPerCase })
    })
    const orgIds: string[] = []
    for (const part of chunks(plan.organizations, batch)) orgIds.push(...(await services.organizations.addMany(part)).map((o) => o.id))
    const patientIds: string[] = []
    for (const part of chunks(plan.patients, batch)) patientIds.push(...(await services.patients.addMany(part)).map((p) => p.id))
    let done = 0
    let events = 0
    for (const part of chunks(plan.cases, batch)) {
      const made = await services.cases.addManyWithEvents(
        part.map((c) => ({ fields: { ...c.fields, patientId: patientIds[c.patientIndex]!, organizationId: orgIds[c.organizationIndexes[0]!]! }, events: c.events }))
      )
      for (const c of made) events += c.events.length
      done += made.length
      options.onProgress?.(done, plan.cases.length)
    }
    return { organizations: orgIds.length, patients: patientIds.length, cases: done, events }
  } finally {
    await services.close()
  }
}
