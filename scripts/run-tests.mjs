#!/usr/bin/env node
// `npm test`: every check a change must pass, in one command. The build goes first, alone (a few
// seconds): the end-to-end tests need the built window and the glue tests the built main bundle.
// Then everything else at once — lint, type checks, security lint, Playwright and Vitest (with the
// time-zone reruns as projects of the same process) — so both cores are busy from the start; if a
// gate step (lint, type checks, security lint) fails, the test runners still running are stopped.
// The last line sums the runners: "N passed, N failed, N skipped".
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const tmp = join(root, '.tmp', 'test-results')
rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
// TypeScript 7 is installed beside TypeScript 6 under an alias; its `tsc` bin would clash with 6's, so it is run by path.
const tsc7 = join(root, 'node_modules/typescript7/bin/tsc')

const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []
const started = Date.now()

/** Child processes still running, stopped if the gate fails (each leads its own process group). */
const running = new Set()

/** Runs one step with its output held back and printed whole when it ends, so parallel steps never interleave. */
function run(label, cmd, args, env = {}) {
  const t0 = Date.now()
  console.log(`▶ ${label}`)
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...env },
      detached: process.platform !== 'win32'
    })
    running.add(child)
    const out = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('error', (error) => out.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code) => {
      running.delete(child)
      const ok = code === 0
      process.stdout.write(`\n── ${label} ──\n${Buffer.concat(out).toString('utf8')}`)
      console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
      if (!ok) failedSteps.push(label)
      resolve(ok)
    })
  })
}

// The steps lead their own process groups (so a failed gate can stop them whole): Ctrl-C stops them too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll()
    process.exit(130)
  })
}

/** Stops every step still running, with the processes it started (Playwright's browsers, Vitest's workers). */
function stopAll() {
  for (const child of running) {
    try {
      if (process.platform === 'win32') child.kill()
      else process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

/**
 * Exits once everything written to stdout has gone out. Into a pipe (`.ci/run` tees it) stdout is
 * written asynchronously, and process.exit dropped what was still queued: once the whole Vitest
 * output, its step line and the summary line that CI reads (2 Dec 2026, "0 passed, 1 failed").
 */
function exitAfterOutput(code) {
  process.exitCode = code
  return new Promise(() => process.stdout.write('', () => process.exit(code)))
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

async function vitest(label, projects, name) {
  const outFile = join(tmp, `${name}.json`)
  const projectArgs = projects.flatMap((p) => ['--project', p])
  await run(label, npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outFile}`, ...projectArgs], {
    ACCESS_ADVOCATE_TZ_PROJECTS: '1'
  })
  // A runner that crashed before writing its report still counts as a failure.
  if (!countVitest(outFile)) totals.failed += 1
}

async function playwright() {
  const out = join(tmp, 'playwright.json')
  // No trace recording here: tracing every action (DOM snapshots, screencast) was about a quarter of
  // the suite's CPU, and a failure still leaves its error, call log, page snapshot and screenshot.
  // `npx playwright test` run by hand keeps traces of failures (playwright.config.ts).
  await run('end to end (playwright, chromium)', npx, ['playwright', 'test', '--trace', 'off'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out })
  if (!countPlaywright(out)) totals.failed += 1
}

if (!only) {
  const built = await run('build (electron-vite, command line bundle)', npm, ['run', '--silent', 'build'])
  // The runners start with the gate rather than after it: waiting for lint (its longest step, the
  // React Compiler's rules) left a core idle for a minute or more. The files that measure time (an
  // event-loop block during a backup, the crash test's kills) count their own work, not the wall
  // clock, so they run beside the rest.
  const runners = built
    ? [playwright(), vitest('unit + integration, and the clock suites under three time zones (vitest)', [], 'vitest')]
    : []
  const gate = await Promise.all([
    built,
    // One lint thread: the test runners keep both cores busy for the whole run, and a second thread
    // re-loads the parser and plugins for a quarter more CPU (41 against 31 CPU-seconds from a clean
    // clone, 2 Dec 2026). Lint still ends long before the runners.
    run('lint (eslint, layer rules)', npx, ['eslint', '.', '--max-warnings', '0', '--cache', '--cache-location', join(root, '.tmp/eslint/')]),
    // The four type checks side by side, by TypeScript 7's native compiler (package typescript7): the
    // same checks as TypeScript 6's tsc (which typescript-eslint and editors use), for about a fifth of
    // its CPU time (120 → 25 CPU-seconds from a clean clone). One checker thread each: four processes
    // already fill two cores, and every extra checker re-derives the shared types.
    ...['core', 'node', 'web', 'e2e'].map((p) =>
      run(`type check (${p})`, process.execPath, [tsc7, '-p', `tsconfig.${p}.json`, '--checkers', '1', '--incremental', '--tsBuildInfoFile', `.tmp/tsc/${p}.tsbuildinfo`])
    ),
    run('security lint (electronegativity)', process.execPath, [join(root, 'scripts/lint-security.mjs')])
  ])
  if (gate.includes(false)) {
    stopAll()
    await Promise.all(runners)
    console.log(`\nStopped: ${failedSteps.join(', ')} failed.`)
    console.log(`${totals.passed} passed, ${totals.failed + 1} failed, ${totals.skipped} skipped`)
    await exitAfterOutput(1)
  }
  await Promise.all(runners)
} else if (only === 'tz') {
  await vitest('clock suites under TZ=Pacific/Honolulu, Pacific/Guam and UTC (vitest)', ['TZ=*'], 'vitest')
} else if (only === 'e2e') {
  await playwright()
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
await exitAfterOutput(failedSteps.length || totals.failed ? 1 : 0)
