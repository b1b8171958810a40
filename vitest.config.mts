import { configDefaults, defineConfig } from 'vitest/config'

// Clock arithmetic must not depend on the machine's zone. `npm test` runs the clock suites again
// under each of these zones as extra projects of the same Vitest process (one start-up, one report),
// switched on by ACCESS_ADVOCATE_TZ_PROJECTS=1 so that a plain `npx vitest run FILE` runs a file once.
const TIME_ZONES = ['Pacific/Honolulu', 'Pacific/Guam', 'UTC'] as const
const TZ_SUITES = ['src/core/**/*.test.ts', 'tests/integration/clock-cli.test.ts', 'tests/integration/tz-guard.test.ts']
const include = ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts']
const withZones = process.env['ACCESS_ADVOCATE_TZ_PROJECTS'] === '1'

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'node', include, exclude: [...configDefaults.exclude, 'tests/integration/tz-guard.test.ts'] } },
      ...(withZones
        ? TIME_ZONES.map((tz) => ({ extends: true as const, test: { name: `TZ=${tz}`, include: TZ_SUITES, env: { TZ: tz, ACCESS_ADVOCATE_EXPECT_TZ: tz } } }))
        : [])
    ]
  }
})
