// The case index is keyed by the summary's declared version and the hash of its schema, not by
// the code of summarizeCase (src/store/cache-key.ts). This keeps the declared version honest: the
// summaries of a fixed sample caseload are pinned in a file named after CASE_SUMMARY_VERSION, so a
// change in what summarizeCase computes fails here until the version is bumped (and a new file
// written with `npx vitest run tests/integration/case-summary-version.test.ts -u`).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { summarizeCase } from '../../src/core/cases/summary'
import { CASE_SUMMARY_VERSION, CaseSummarySchema } from '../../src/core/cases/summary-schema'
import { openServices } from '../../src/services/app-services'
import { writeDemo } from '../../src/services/demo/write'

it(`summaries match those pinned for CASE_SUMMARY_VERSION ${CASE_SUMMARY_VERSION}`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aa-summary-'))
  let seq = 0
  const services = await openServices({
    dataDir: dir,
    appVersion: '0.0.0-test',
    holder: 'test',
    dailyBackup: false,
    now: () => new Date('2026-11-25T15:00:00Z'),
    newId: (prefix) => `${prefix}-${String(++seq).padStart(6, '0')}`
  })
  try {
    await writeDemo(services, { cases: 24, today: '2026-11-25', attachments: false })
    const summaries = []
    for (const { id } of services.store.records.cases.summaries()) {
      const summary = summarizeCase((await services.store.records.cases.get(id))!)
      expect(CaseSummarySchema.safeParse(summary).success).toBe(true)
      summaries.push({ id, summary })
    }
    summaries.sort((a, b) => (a.id < b.id ? -1 : 1))
    await expect(JSON.stringify(summaries, null, 1) + '\n').toMatchFileSnapshot(`../fixtures/case-summary/v${CASE_SUMMARY_VERSION}.json`)
  } finally {
    await services.close()
    await rm(dir, { recursive: true, force: true })
  }
})
