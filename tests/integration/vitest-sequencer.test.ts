// The test order: files known to be long start first, longest first, across projects; every other
// file keeps Vitest's own order (projects by name, then as found).
import { describe, expect, it } from 'vitest'
import type { TestSpecification, Vitest } from 'vitest/node'
import { LongestFirstSequencer } from '../vitest-sequencer'

const ROOT = '/repo'
const spec = (project: string, file: string): TestSpecification =>
  ({ moduleId: `${ROOT}/${file}`, project: { name: project, config: { sequence: { groupOrder: 0 }, isolate: project.includes('own') } } }) as unknown as TestSpecification
const ctx = { config: { root: ROOT }, cache: { getFileTestResults: () => undefined, getFileStats: () => undefined } } as unknown as Vitest

describe('LongestFirstSequencer', () => {
  it('starts the long files first, longest first, and keeps the order of the rest', async () => {
    const files = [
      spec('TZ=UTC', 'src/core/clocks/compute.test.ts'),
      spec('node', 'src/core/a.test.ts'),
      spec('node', 'tests/integration/clock-cli.test.ts'),
      spec('node', 'src/core/b.test.ts'),
      spec('node', 'tests/integration/store-crash.test.ts'),
      spec('node (own process)', 'tests/electron/main-glue.test.ts'),
      spec('node (own process)', 'src/core/c.test.ts')
    ]
    const order = (await new LongestFirstSequencer(ctx).sort(files)).map((s) => `${s.project.name}:${s.moduleId.slice(ROOT.length + 1)}`)
    expect(order).toEqual([
      'node:tests/integration/store-crash.test.ts',
      'node (own process):tests/electron/main-glue.test.ts',
      'node:tests/integration/clock-cli.test.ts',
      'TZ=UTC:src/core/clocks/compute.test.ts',
      'node:src/core/a.test.ts',
      'node:src/core/b.test.ts',
      'node (own process):src/core/c.test.ts'
    ])
  })
})
