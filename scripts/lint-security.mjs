#!/usr/bin/env node
// `npm run lint:security`: Doyensec's electronegativity over the Electron glue, the preload and the
// renderer's HTML. Fails on any HIGH finding. Its "available security fixes" check downloads
// Electron's release list, which our offline machines cannot do, so that one check is skipped;
// keeping Electron current is covered by `npm outdated` instead.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const input = mkdtempSync(join(tmpdir(), 'aa-electronegativity-'))
const report = join(input, 'report.csv')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
try {
  cpSync(join(root, 'src/main'), join(input, 'main'), { recursive: true })
  cpSync(join(root, 'src/preload'), join(input, 'preload'), { recursive: true })
  cpSync(join(root, 'src/renderer/index.html'), join(input, 'index.html'))
  const args = ['electronegativity', '-i', input, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', report]
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { cwd: root, encoding: 'utf8' })
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr)
    process.exit(1)
  }
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean)
  const bySeverity = {}
  for (const row of rows) {
    const severity = (row.match(/^[^,]*,"?(HIGH|MEDIUM|LOW|INFORMATIONAL)"?,/) ?? [])[1] ?? "UNKNOWN"
    ;(bySeverity[severity] ??= []).push(row)
  }
  for (const [severity, list] of Object.entries(bySeverity)) {
    console.log(`${severity}: ${list.length}`)
    for (const row of list) console.log(`  ${row}`)
  }
  const high = bySeverity.HIGH?.length ?? 0
  console.log(high ? `✘ ${high} high-severity finding(s)` : '✔ electronegativity: no high-severity findings')
  process.exit(high ? 1 : 0)
} finally {
  rmSync(input, { recursive: true, force: true })
}
