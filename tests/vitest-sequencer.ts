// The order Vitest starts test files in. Its own order runs projects one after another by name
// (the time-zone reruns, then "node", then "node (own process)"), and in a fresh clone, with no
// durations cached, keeps the glob's order within each: the longest files (the crash test's 200
// kills, the Electron glue, the command line in child processes) started last, and the run ended with
// three workers waiting on one of them. Here the files known to be long go first, longest first,
// whatever their project; the rest keep Vitest's order, so each project's short files still run
// together in the workers that have their modules loaded. The same order on every machine: no cache.
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Files known to take long (seconds on the 2-core machine beside Playwright, 2 Dec 2026), for a
 * clean clone. Only their order depends on these numbers, never a result; a file not listed counts as 0.
 */
const ESTIMATED_SECONDS: Readonly<Record<string, number>> = {
  'tests/integration/store-crash.test.ts': 180,
  'tests/integration/cli-recovery.test.ts': 90,
  'tests/electron/main-glue.test.ts': 80,
  'tests/integration/store-backup-stream.test.ts': 65,
  'tests/integration/services-events.test.ts': 60,
  'tests/electron/cache-keys.test.ts': 58,
  'tests/integration/cli-contract.test.ts': 46,
  'tests/integration/clock-cli.test.ts': 40,
  'tests/integration/store-backup.test.ts': 36,
  'tests/integration/letters.test.ts': 29,
  'tests/integration/letters-libreoffice.test.ts': 25,
  'tests/electron/letters-glue.test.ts': 21,
  'tests/integration/store-corruption.test.ts': 20,
  'tests/integration/interop/bundle.test.ts': 19,
  'tests/integration/store-recovery.test.ts': 17,
  'tests/integration/store-batch-write.test.ts': 16,
  'tests/integration/lint-layers.test.ts': 15
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root
    const inVitestOrder = await super.sort(files)
    const weight = new Map(inVitestOrder.map((spec) => [spec, ESTIMATED_SECONDS[relative(root, spec.moduleId).split('\\').join('/')] ?? 0]))
    // A stable sort: equal weights (every file not listed) keep Vitest's order.
    return inVitestOrder.sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))
  }
}
