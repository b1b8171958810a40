import { readFileSync } from 'node:fs'
import { globSync } from 'tinyglobby'
import { configDefaults, defineConfig } from 'vitest/config'
import { LongestFirstSequencer } from './tests/vitest-sequencer'

// Clock arithmetic must not depend on the machine's zone. `npm test` runs the clock suites again
// under each of these zones as extra projects of the same Vitest process (one start-up, one report),
// switched on by ACCESS_ADVOCATE_TZ_PROJECTS=1 so that a plain `npx vitest run FILE` runs a file once.
const TIME_ZONES = ['Pacific/Honolulu', 'Pacific/Guam', 'UTC'] as const
const TZ_SUITES = ['src/core/**/*.test.ts', 'tests/integration/clock-cli.test.ts', 'tests/integration/tz-guard.test.ts']
const include = ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts']
const withZones = process.env['ACCESS_ADVOCATE_TZ_PROJECTS'] === '1'

/**
 * Test files that change what other files in the same process would see: module mocks, fake timers,
 * stubbed globals or environment, process-wide listeners, a changed working directory. They run
 * each in a fresh process. Every other file shares its worker's loaded modules with the files
 * before it (`isolate: false`): importing the services, the clock engine's holiday calendars, zod
 * and date-fns once per worker instead of once per file halves the suite's CPU time. Found by
 * reading the files, so a new test that mocks is isolated without anyone remembering to list it.
 */
const PROCESS_WIDE = /\bvi\.(mock|doMock|useFakeTimers|stubEnv|stubGlobal|spyOn\(process)|process\.env(\.[A-Za-z_]+|\[[^\]]+\])\s*=[^=]|process\.(chdir|on|once)\(|delete process\.env/
const isolated = include
  .flatMap((pattern) => globSync(pattern, { cwd: import.meta.dirname }))
  .filter((file) => PROCESS_WIDE.test(readFileSync(`${import.meta.dirname}/${file}`, 'utf8')))
  .map((file) => file.split('\\').join('/'))

/**
 * Workers. Vitest's default is one fewer than the cores, one worker on a 2-core
 * machine, and most files spend much of their time waiting on child processes (the command line, the
 * crash test's writers, LibreOffice) or on fsync, so three keep two cores busy.
 */
const WORKERS = Number(process.env['ACCESS_ADVOCATE_VITEST_WORKERS'] ?? 3)

export default defineConfig({
  test: {
    environment: 'node',
    // A limit for a hung test, not a speed target: `npm test` runs Vitest beside Playwright, and a test
    // that boots the command line through tsx twice takes 5 s alone but up to 30 s beside Chromium on 2 busy cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Longest files first across every project, so no long file starts last (tests/vitest-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    maxWorkers: WORKERS,
    projects: [
      {
        extends: true,
        test: { name: 'node', isolate: false, include, exclude: [...configDefaults.exclude, 'tests/integration/tz-guard.test.ts', ...isolated] }
      },
      ...(isolated.length ? [{ extends: true as const, test: { name: 'node (own process)', include: isolated } }] : []),
      ...(withZones
        ? TIME_ZONES.map((tz) => ({
            extends: true as const,
            // The clock suites are pure functions: they share their worker's modules too.
            test: { name: `TZ=${tz}`, isolate: false, include: TZ_SUITES, env: { TZ: tz, ACCESS_ADVOCATE_EXPECT_TZ: tz } }
          }))
        : [])
    ]
  }
})
