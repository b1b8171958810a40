import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Chromium's headless build (Debian's chromium-headless-shell) where present, else Debian's full
// Chromium, or CHROMIUM_PATH. Playwright's own browser download is not possible on our machines (no
// network but the package registries). The headless build is the same Blink and V8 without the
// desktop browser around them: the suite ran in 84 s instead of 126 s alone and used about 130
// instead of 242 CPU-seconds (2 Dec 2026, counted in a cgroup), the largest share of `npm test`'s two cores.
const executablePath =
  process.env['CHROMIUM_PATH'] || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path))

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: true,
  // Two workers: `npm test` runs these beside Vitest's three and lint on two cores (three were tried on
  // 2 Dec 2026 and the whole run was slower). ACCESS_ADVOCATE_E2E_WORKERS overrides it.
  workers: Number(process.env['ACCESS_ADVOCATE_E2E_WORKERS'] ?? 2),
  retries: 0,
  timeout: 30_000,
  // A limit for a step that never comes, not a speed target (speed is measured in bench/): `npm test`
  // runs these beside Vitest and lint on two shared cores, where a 5 s wait was seen to run out.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] || '.tmp/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    // What a failure looked like, kept even when the trace is off (as `npm test` runs it).
    screenshot: 'only-on-failure',
    // Dates on screen and in date fields follow the locale: one fixed locale keeps the specs' expected text true on every machine.
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
      ]
    }
  }
})
