// The case index and the validated-content cache in .local/ are keyed by what shapes them (a
// declared format version and a hash of their schemas), not by the text of compiled code, so the
// command line under tsx, the bundled command line and the built app all trust the same caches:
// switching between them never re-reads and re-validates every case file.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMain, quitMain } from './load-main'

const ROOT = resolve(__dirname, '../..')
const BUNDLE = join(ROOT, 'out/cli/access-advocate.mjs')
const run = promisify(execFile)

let dir: string
let data: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cache-keys-'))
  data = join(dir, 'data')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** What a rebuild would change: the caches' keys, their sizes, and when each file was last written. */
async function snapshot() {
  const indexFile = join(data, '.local', 'index-cases.json')
  const validatedFile = join(data, '.local', 'validated.json')
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as { summarizer: string; entries: unknown[] }
  const validated = JSON.parse(await readFile(validatedFile, 'utf8')) as { codeId: string; files: Record<string, string> }
  return {
    indexKey: index.summarizer,
    indexEntries: index.entries.length,
    indexWritten: (await stat(indexFile)).mtimeMs,
    validatedKey: validated.codeId,
    validatedFiles: Object.keys(validated.files).length,
    validatedWritten: (await stat(validatedFile)).mtimeMs
  }
}

describe('one index for every way of running the code', () => {
  it.runIf(existsSync(BUNDLE))('tsx, the esbuild bundle and the built app open the same folder without a rebuild', async () => {
    const env = { ...process.env, ACCESS_ADVOCATE_DATA_DIR: data }
    // 1. The command line from source (tsx) writes a caseload, its index and its validated cache.
    await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--cases', '40', '--json'], { cwd: ROOT, env })
    await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'cases', 'list', '--json'], { cwd: ROOT, env })
    const first = await snapshot()

    // 2. The bundled command line lists the cases: it trusts both caches and rewrites neither.
    const { stdout } = await run(process.execPath, [BUNDLE, 'cases', 'list', '--json'], { cwd: ROOT, env })
    expect(JSON.parse(stdout)).toHaveLength(40)
    expect(await snapshot()).toEqual(first)

    // 3. The built app (out/main, under a stand-in for Electron) opens the same folder and quits.
    const previous = process.env['ACCESS_ADVOCATE_DATA_DIR']
    process.env['ACCESS_ADVOCATE_DATA_DIR'] = data
    try {
      // Electron's app.getVersion() is package.json's version, as the command line reads it.
      const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }
      const app = await loadMain({ userData: join(dir, 'user-data'), version })
      expect(app.record.windows.length).toBeGreaterThan(0)
      await quitMain(app)
    } finally {
      if (previous === undefined) delete process.env['ACCESS_ADVOCATE_DATA_DIR']
      else process.env['ACCESS_ADVOCATE_DATA_DIR'] = previous
    }
    expect(await snapshot()).toEqual(first)
  }, 180_000) // four processes and the app's start-up: slow on a loaded machine, never a loop
})
