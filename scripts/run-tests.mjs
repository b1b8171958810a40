#!/usr/bin/env node
// `npm test`: every check a change must pass, in one command. Lint, type checks and the build fail
// fast; then every test runner runs (even after a failure, so one report shows everything) and the
// last line sums them: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const tmp = join(root, '.tmp', 'test-results')
rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
// Clock arithmetic must not depend on the machine's zone: these suites run again under each of these.
const TIME_ZONES = ['Pacific/Honolulu', 'Pacific/Guam', 'UTC']
const TZ_SUITES = ['src/core', 'tests/integration/clock-cli.test.ts']

const totals = { passed: 0, failed: 0, skipped: 0 }
let failedSteps = []

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  if (!ok) failedSteps.push(label)
  return ok
}

function countVitest(file) {
  if (!existsSync(file)) return false
  const j = JSON.parse(readFileSync(file, 'utf8'))
  totals.passed += j.numPassedTests
  totals.failed += j.numFailedTests
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
  return true
}

function countPlaywright(file) {
  if (!existsSync(file)) return false
  const s = JSON.parse(readFileSync(file, 'utf8')).stats
  totals.passed += s.expected + (s.flaky ?? 0)
  totals.failed += s.unexpected
  totals.skipped += s.skipped
  return true
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const vitest = (label, outFile, extraArgs, env) => {
  run(label, npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outFile}`, ...extraArgs], env)
  // A runner that crashed before writing its report still counts as a failure.
  if (!countVitest(outFile)) totals.failed += 1
}

if (!only) {
  const gate = run('lint (eslint, layer rules)', npx, ['eslint', '.', '--max-warnings', '0']) &&
    run('type check (main, preload, renderer, cli, tests)', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'typecheck']) &&
    run('security lint (electronegativity)', process.execPath, [join(root, 'scripts/lint-security.mjs')]) &&
    run('build (electron-vite)', npx, ['electron-vite', 'build'])
  if (!gate) {
    console.log(`\nStopped: ${failedSteps.join(', ')} failed.`)
    console.log(`${totals.passed} passed, ${totals.failed + 1} failed, ${totals.skipped} skipped`)
    process.exit(1)
  }
  vitest('unit + integration (vitest)', join(tmp, 'vitest.json'), [])
}
if (!only || only === 'tz') {
  for (const tz of TIME_ZONES) {
    const suites = TZ_SUITES.filter((s) => existsSync(join(root, s)))
    vitest(`clock tests under TZ=${tz}`, join(tmp, `vitest-${tz.replace('/', '-')}.json`), suites, { TZ: tz })
  }
}
if (!only || only === 'e2e') {
  const out = join(tmp, 'playwright.json')
  run('end to end (playwright, chromium)', npx, ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out })
  if (!countPlaywright(out)) totals.failed += 1
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSteps.length || totals.failed ? 1 : 0)
