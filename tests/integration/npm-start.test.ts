// `npm start` where the Electron runtime is missing: it tries the download once, and when that
// fails says so in one line with what to run (no stack trace); when the download works it goes on.
import { spawnSync } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const START = resolve(__dirname, '../../scripts/start.mjs')
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-start-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A stand-in for node_modules/electron whose install.js does what `body` says. */
async function fakeElectron(body: string): Promise<string> {
  const pkg = join(dir, 'electron')
  await mkdir(pkg)
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  await writeFile(join(pkg, 'install.js'), body)
  return pkg
}

const start = (electronDir: string) =>
  spawnSync(process.execPath, [START, '--check-only'], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ACCESS_ADVOCATE_ELECTRON_DIR: electronDir }
  })

describe('npm start without the Electron binary', () => {
  it('fails in one line naming the cause and what to run, when the download fails', async () => {
    const pkg = await fakeElectron("const e = new TypeError('fetch failed'); console.error(e.stack); process.exit(1)\n")
    const r = start(pkg)
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/Electron runtime is missing and could not be downloaded \(TypeError: fetch failed\)/)
    expect(lines[0]).toMatch(/npx install-electron/)
    expect(r.stderr).not.toMatch(/^\s+at /m)
  })

  it('goes on once the download has put the binary in place', async () => {
    const pkg = await fakeElectron(
      "const fs = require('fs'), p = require('path'); fs.mkdirSync(p.join(__dirname, 'dist')); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron')\n"
    )
    const r = start(pkg)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Downloading the Electron runtime/)
    // Present now: no second download.
    expect(start(pkg).stdout).toBe('')
  })

  it('asks for npm install when the electron package itself is absent', () => {
    const r = start(join(dir, 'nothing-here'))
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toMatch(/^npm start: the electron package is not installed\. Run: npm install$/)
  })
})
