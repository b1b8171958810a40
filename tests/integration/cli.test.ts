import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('cli', () => {
  it('info --json prints the version, data folder and rules version as one JSON object', async () => {
    const r = await cli(['info', '--data-dir', dir, '--json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const info = JSON.parse(r.stdout) as Record<string, unknown>
    expect(info).toMatchObject({ name: 'Access Advocate', dataDir: dir })
    expect(info['version']).toMatch(/^\d+\.\d+\.\d+/)
    expect(info['rulesVersion']).toEqual(expect.any(String))
  })

  it('takes the data folder from ACCESS_ADVOCATE_DATA_DIR when --data-dir is absent', async () => {
    const r = await cli(['info', '--json'], { env: { ACCESS_ADVOCATE_DATA_DIR: dir } })
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: dir })
  })

  it('resolves a relative --data-dir against the working directory', async () => {
    const r = await cli(['info', '--json', '--data-dir=sub'], { cwd: dir })
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: join(dir, 'sub') })
  })

  it('--help lists the commands and exits 0; each command has its own help', async () => {
    const top = await cli(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/info\s+Show the version/)
    const info = await cli(['info', '--help'])
    expect(info.code).toBe(0)
    expect(info.stdout).toMatch(/^Usage: access-advocate info/)
  })

  it('exits 2 with one line on stderr for bad input', async () => {
    for (const args of [['frobnicate'], ['info', '--bogus'], ['info', '--data-dir'], []]) {
      const r = await cli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      if (args.length) expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })

  it('exits 1 with a friendly line, not a stack trace, when the data folder cannot be written', async () => {
    const file = join(dir, 'file')
    await writeFile(file, 'x')
    // (not `info`: it only reads, and opens without writing anything)
    const r = await cli(['patients', 'list', '--data-dir', join(file, 'data')])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/cannot write to its data folder/)
  })

  it('runs as a real process through npm run cli', async () => {
    const root = resolve(__dirname, '../..')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'info', '--json', '--data-dir', dir], { cwd: root })
    expect(JSON.parse(stdout)).toMatchObject({ dataDir: dir })
  })
})
