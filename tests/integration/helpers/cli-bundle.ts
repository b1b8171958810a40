// The command line as a real process, as installed: the esbuild bundle of src/cli/main.ts
// (scripts/build-cli.mjs), built once per test process into a temp folder from the current source.
// Starting it costs about 0.2 CPU-s; starting the source through tsx cost about 1.5–1.8 CPU-s,
// transforming hundreds of TypeScript files at every start.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')
let built: string | undefined

/** The bundle's entry file (built on first use; removed when the test process exits). */
export function cliBundle(): string {
  if (built !== undefined) return built
  const dir = mkdtempSync(join(tmpdir(), 'aa-cli-bundle-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dir], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`Building the command line failed (exit ${String(r.status)}):\n${r.stderr}`)
  built = join(dir, 'access-advocate.mjs')
  return built
}
