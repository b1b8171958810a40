// Writes a planned sample caseload through the real services, so every record is validated
// exactly as the user's own would be.
import type { AppServices } from '../app-services'
import { AppError } from '#shared/errors'
import { planDemo, type DemoOptions } from './plan'

export type DemoResult = { organizations: number; patients: number; cases: number; events: number; attachments: number }

/** Runs `work` over items with at most `limit` in flight: enough to overlap disk waits, never thousands at once. */
async function pool<T>(items: ReadonlyArray<T>, limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      await work(items[i]!, i)
    }
  })
  await Promise.all(runners)
}

export async function writeDemo(
  services: AppServices,
  options: DemoOptions & {
    attachments?: boolean
    onProgress?: (done: number, total: number) => void
    /**
     * Cases written at once. 1 (the default) keeps every id the same from run to run; the benchmark
     * writes 8 at a time and accepts ids in a different order.
     */
    concurrency?: number
  }
): Promise<DemoResult> {
  if (services.store.records.cases.summaries().length > 0 || services.store.sharded.patients.all().length > 0) {
    throw new AppError('CONFLICT', `The data folder ${services.dataDir} already holds data; the sample caseload goes into an empty folder of its own, never mixed with real cases.`)
  }
  const plan = planDemo(options)
  const orgIds: string[] = []
  const patientIds: string[] = []
  // Puts to the same shard file are coalesced by the store, so these go in parallel.
  await pool(plan.organizations, 64, async (o, i) => void (orgIds[i] = (await services.organizations.add(o)).id))
  await pool(plan.patients, 64, async (p, i) => void (patientIds[i] = (await services.patients.add(p)).id))
  const receipt = options.attachments === false ? undefined : new TextEncoder().encode('Fax transmission report\nStatus: OK\nPages: 3\n')
  let events = 0
  let attachments = 0
  let done = 0
  await pool(plan.cases, options.concurrency ?? 1, async (c) => {
    const organizationId = orgIds[c.organizationIndexes[0]!]!
    const created = await services.cases.add({ ...c.fields, patientId: patientIds[c.patientIndex]!, organizationId })
    let inputs = c.events
    if (receipt && c.receipt) {
      const stored = await services.store.attachments.add(receipt)
      const ref = { sha256: stored.sha256, size: stored.size, name: 'fax-confirmation.txt', type: 'text/plain' }
      inputs = inputs.map((e) => (e.type === 'request-received' ? { ...e, attachments: [ref] } : e))
      attachments++
    }
    const added = inputs.length ? await services.cases.addEvents(created.id, inputs) : []
    events += added.length
    done++
    if (done % 100 === 0 || done === plan.cases.length) options.onProgress?.(done, plan.cases.length)
  })
  return { organizations: orgIds.length, patients: patientIds.length, cases: plan.cases.length, events, attachments }
}
