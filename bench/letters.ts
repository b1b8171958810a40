// Benchmark: letters. One letter generated through the real services (facts, clock, document
// model, DOCX, stored by hash, letter record and draft event written to the case file), and 500 in
// bulk, beside this run's floor: `docx` packing a one-paragraph document.
// Targets (issue 11): one letter median ≤ 50 ms and ≤ 10× the floor; 500 in bulk ≤ 1.2 × 500 × median.
// Run: npx tsx bench/letters.ts
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { openServices } from '../src/services/app-services'
import { interleaved, ms, whole } from './stats'

const SINGLE_RUNS = 40
const BULK = 500
const TEMPLATE = 'privacy-officer-escalation'

async function main(): Promise<void> {
const dir = await mkdtemp(join(tmpdir(), 'aa-bench-letters-'))
try {
  const s = await openServices({ dataDir: dir, appVersion: 'bench', holder: 'bench', dailyBackup: false, now: () => new Date('2026-11-25T12:00:00Z') })
  await s.settings.update({ advocateName: 'Jordan Reyes' })
  const patient = await s.patients.add({ name: 'Maria Lopez', dateOfBirth: '1980-02-29' })
  const org = await s.organizations.add({ name: 'Springfield General Hospital', kind: 'hospital', privacyOfficer: { name: 'Dana Smith', phone: '(555) 010-3000' }, address: { line1: '1 Hospital Way', city: 'Springfield', state: 'IL', postalCode: '62702' } })
  const ids: string[] = []
  for (let i = 0; i < SINGLE_RUNS + BULK + 5; i++) {
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, requestedFormat: 'PDF' })
    await s.cases.addEvents(c.id, [
      { type: 'request-sent', date: '2026-09-01', direction: 'outgoing', channel: 'fax', summary: 'Request faxed' },
      { type: 'request-received', date: '2026-09-01', direction: 'incoming', proofOfDelivery: 'fax confirmation' },
      { type: 'follow-up-sent', date: '2026-09-24', direction: 'outgoing', channel: 'mail' }
    ])
    ids.push(c.id)
  }
  const onePara = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Dear Records Custodian: please send the records.')] })] }] }))
  // Untimed warm-up: module JIT, the docx library's first pack, the store's first writes.
  for (let i = 0; i < 5; i++) {
    await onePara()
    await s.letters.generate({ caseId: ids[i]!, templateId: TEMPLATE })
  }
  let next = 5
  const [single, floor] = await interleaved(SINGLE_RUNS, [whole(() => s.letters.generate({ caseId: ids[next++]!, templateId: TEMPLATE })), whole(onePara)] as const)
  const bulkIds = ids.slice(next, next + BULK)
  const t0 = performance.now()
  const result = await s.letters.bulk({ templateId: TEMPLATE, caseIds: bulkIds })
  const bulkMs = performance.now() - t0
  if (result.made.length !== BULK) throw new Error(`bulk made ${result.made.length} of ${BULK}: ${JSON.stringify(result.skipped.slice(0, 3))}`)
  await s.close()

  const ratio = single.median / floor.median
  const bulkLimit = 1.2 * BULK * single.median
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
  console.log(`one letter (${TEMPLATE}, generated and filed): median ${ms(single.median)}, p95 ${ms(single.p95)} over ${single.runs} runs`)
  console.log(`floor: docx packing a one-paragraph document: median ${ms(floor.median)}, p95 ${ms(floor.p95)}`)
  console.log(`  ≤ 50 ms: ${verdict(single.median <= 50)}; ${ratio.toFixed(2)}× the floor, ≤ 10×: ${verdict(ratio <= 10)}`)
  console.log(`${BULK} letters in bulk: ${ms(bulkMs)} (${ms(bulkMs / BULK)} a letter); limit 1.2 × ${BULK} × median = ${ms(bulkLimit)}: ${verdict(bulkMs <= bulkLimit)}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
