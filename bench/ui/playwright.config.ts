// The window benchmark's own Playwright configuration: one worker (timings need the cores), long
// timeouts (a 30,000-case folder opens slowly on a loaded machine), Debian's Chromium.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// The full browser where installed (the numbers in the README were taken with it: it is closer to
// Electron's window), else the headless build that the tests use.
const executablePath =
  process.env['CHROMIUM_PATH'] || ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path))

// eslint-disable-next-line no-restricted-syntax -- Playwright reads its configuration from the default export
export default defineConfig({
  testDir: '.',
  testMatch: [process.env['BENCH_UI_SPEC'] ?? 'caseload.bench.ts'],
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['line']],
  use: { launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] } }
})
