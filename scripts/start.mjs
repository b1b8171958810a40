#!/usr/bin/env node
// `npm start`: make sure the Electron runtime is there, build, and open the window.
//
// Electron 45 has no install script: its binary is downloaded the first time something requires
// the `electron` package (node_modules/electron/index.js runs its install.js), or by
// `npx install-electron`. Left to electron-vite, a failed download ends in a stack trace. Here we
// check first (node_modules/electron/path.txt names the executable under dist/), try the download
// once when it is missing, and if that fails say so in one line with what to run.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
// Tests point this at a stand-in package to prove the missing-binary path.
const electronDir = process.env.ACCESS_ADVOCATE_ELECTRON_DIR || join(root, 'node_modules', 'electron')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function binaryPath() {
  try {
    const name = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    const full = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), name)
    return name && existsSync(full) ? full : undefined
  } catch {
    return undefined
  }
}

function fail(line) {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

if (!existsSync(join(electronDir, 'package.json'))) fail('npm start: the electron package is not installed. Run: npm install')

if (!binaryPath()) {
  process.stdout.write('Downloading the Electron runtime (first start only)…\n')
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60_000 })
  if (install.status !== 0 || !binaryPath()) {
    const output = `${install.stderr ?? ''}\n${install.stdout ?? ''}`
    // The installer's first line that is not a stack frame says what went wrong, e.g. "TypeError: fetch failed".
    const first = output.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('at '))
    const reason = (first ?? install.error?.message ?? 'the download failed').slice(0, 160)
    fail(
      `npm start: the Electron runtime is missing and could not be downloaded (${reason}). ` +
        'Run `npx install-electron` on a machine that can reach github.com, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45; `npm test` needs neither.'
    )
  }
}

if (process.argv.includes('--check-only')) process.exit(0)

for (const [label, args] of [
  ['build', ['run', '--silent', 'build']],
  ['open', ['electron-vite', 'preview', '--skipBuild']]
]) {
  const cmd = label === 'build' ? (process.platform === 'win32' ? 'npm.cmd' : 'npm') : npx
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
