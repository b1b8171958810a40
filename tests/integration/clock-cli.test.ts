// Runs the clock fixture folder through the `clock` command and compares each result with the
// expected file worked out by hand (tests/fixtures/clock/make-fixtures.py shows the working).
// Expected files list only the facts they assert; `explanationIncludes` lists text the explanation
// must contain. Also covers bad input: one line on stderr, nothing on stdout, exit code 2.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clockCommand, makeClockCommand } from '../../src/cli/commands/clock'
import type { CliContext, CliIO } from '../../src/cli/io'
import type { ProfileDefinition } from '../../src/core/clocks'
import { cliBundle } from './helpers/cli-bundle'

const ROOT = resolve(__dirname, '../..')
const FIXTURES = join(ROOT, 'tests/fixtures/clock')
const INPUTS = join(FIXTURES, 'inputs')
const EXPECTED = join(FIXTURES, 'expected')
const INVALID = join(FIXTURES, 'invalid')

type Captured = { out: string; err: string; code: number }

function fakeContext(stdin = '', json = false): { ctx: CliContext; captured: () => { out: string; err: string } } {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => stdin,
    cwd: ROOT,
    env: {}
  }
  return { ctx: { io, dataDir: undefined, json }, captured: () => ({ out, err }) }
}

async function run(args: string[], opts: { stdin?: string; json?: boolean; command?: typeof clockCommand } = {}): Promise<Captured> {
  const { ctx, captured } = fakeContext(opts.stdin, opts.json)
  const code = await (opts.command ?? clockCommand).run(args, ctx)
  return { ...captured(), code }
}

type Expected = Record<string, unknown> & {
  findings?: Array<Record<string, string>>
  explanationIncludes?: string[]
}

function assertMatches(name: string, actual: Record<string, unknown>, expected: Expected): void {
  for (const [key, want] of Object.entries(expected)) {
    if (key === 'explanationIncludes') {
      const lines = actual['explanation'] as string[]
      for (const text of want as string[]) {
        expect(lines.some((l) => l.includes(text)), `${name}: explanation should include ${JSON.stringify(text)}\n${lines.join('\n')}`).toBe(true)
      }
    } else if (key === 'findings') {
      const wantFindings = want as Array<Record<string, string>>
      const got = (actual['findings'] as Array<Record<string, string>>).map((f, i) =>
        Object.fromEntries(Object.keys(wantFindings[i] ?? { code: '', date: '' }).map((k) => [k, f[k]]))
      )
      expect(got, `${name}: findings`).toEqual(wantFindings)
    } else {
      expect(actual[key], `${name}: ${key}`).toEqual(want)
    }
  }
}

const fixtureNames = readdirSync(INPUTS)
  .filter((f) => f.endsWith('.json'))
  .sort()

describe('clock fixtures', () => {
  it('has at least 85 scenarios, each with an expected file', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(85)
    const expectedNames = readdirSync(EXPECTED).sort()
    expect(expectedNames).toEqual(fixtureNames)
  })

  it('runs the whole folder in one process: one JSON line per file, sorted by name, each as expected', async () => {
    const r = await run(['--input', 'tests/fixtures/clock/inputs', '--json'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines).toHaveLength(fixtureNames.length)
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows.map((row) => row['file'])).toEqual(fixtureNames)
    for (const row of rows) {
      const name = row['file'] as string
      const expected = JSON.parse(readFileSync(join(EXPECTED, name), 'utf8')) as Expected
      assertMatches(name, row, expected)
    }
  })

  it.each(fixtureNames.slice(0, 5))('single file %s prints one JSON object equal to its folder line', async (name) => {
    const single = await run(['--input', join(INPUTS, name), '--json'])
    expect(single.code).toBe(0)
    expect(single.out.split('\n').filter(Boolean)).toHaveLength(1)
    const folder = await run(['--input', INPUTS], { json: true })
    const line = folder.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((row) => row['file'] === name)
    expect({ file: name, ...(JSON.parse(single.out) as object) }).toEqual(line)
  })
})

describe('clock input and output', () => {
  it('reads stdin with --input - and honours the global --json from the router', async () => {
    const r = await run(['--input', '-'], { stdin: '{"received":"2026-01-05","asOf":"2026-02-10"}', json: true })
    expect(r.code).toBe(0)
    const result = JSON.parse(r.out) as Record<string, unknown>
    expect(result['due']).toBe('2026-02-04')
    expect(result['status']).toBe('overdue')
    expect(result['daysLate']).toBe(6)
  })

  it('prints readable text with the explanation without --json', async () => {
    const r = await run(['--input', '-'], { stdin: '{"profile":"texas-ehr","received":"2026-11-25","asOf":"2026-12-01"}' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Due:               Fri 18 Dec 2026 (2026-12-18)')
    expect(r.out).toContain('Status:            awaiting, 17 day(s) remaining')
    expect(r.out).toContain('Tex. Health & Safety Code §181.102')
    expect(r.out).toContain('Thu 26 Nov 2026 (Thanksgiving Day)')
    expect(() => JSON.parse(r.out)).toThrow()
  })

  it('prints help and exits 0', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: access-advocate clock --input FILE|DIR|-')
  })

  it('looks up a saved profile through its dependency, only when the scenario names one', async () => {
    const saved: ProfileDefinition = {
      id: 'org-policy',
      version: '2',
      label: 'Our 10-day policy',
      days: 10,
      dayKind: 'calendar',
      holidays: [],
      extensionDays: 0
    }
    let calls = 0
    const command = makeClockCommand({
      loadSavedProfiles: async () => {
        calls += 1
        return [saved]
      }
    })
    const builtIn = await run(['--input', '-', '--json'], { stdin: '{"received":"2026-01-05","asOf":"2026-01-06"}', command })
    expect(builtIn.code).toBe(0)
    expect(calls).toBe(0)
    const r = await run(['--input', '-', '--json'], { stdin: '{"profile":"org-policy","received":"2026-01-05","asOf":"2026-01-06"}', command })
    expect(r.err).toBe('')
    expect(calls).toBe(1)
    const result = JSON.parse(r.out) as Record<string, unknown>
    expect(result['due']).toBe('2026-01-15')
    expect(result['profileVersion']).toBe('saved:org-policy@2')
  })
})

describe('clock bad input', () => {
  const expectedErrors = JSON.parse(readFileSync(join(FIXTURES, 'invalid-expected.json'), 'utf8')) as Record<
    string,
    { exact?: string; startsWith?: string }
  >
  const invalidNames = readdirSync(INVALID)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort()

  it('every invalid fixture has an expected error', () => {
    expect(invalidNames).toEqual(Object.keys(expectedErrors).sort())
  })

  it.each(invalidNames)('%s: one line on stderr naming the field, nothing on stdout, exit 2', async (name) => {
    const r = await run(['--input', join(INVALID, `${name}.json`), '--json'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.endsWith('\n')).toBe(true)
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    const line = r.err.trimEnd().replace(/^error: /, '')
    const want = expectedErrors[name]!
    if (want.exact !== undefined) expect(line).toBe(want.exact)
    else expect(line.startsWith(want.startsWith ?? '\u0000'), line).toBe(true)
  })

  it('a folder with an invalid file prints an error line for it, goes on, and exits 2', async () => {
    const r = await run(['--input', INVALID, '--json'])
    expect(r.code).toBe(2)
    const rows = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: string })
    expect(rows.map((row) => row.file)).toEqual(invalidNames.map((n) => `${n}.json`))
    expect(rows.every((row) => typeof row.error === 'string')).toBe(true)
    expect(rows.find((row) => row.file === 'impossible-date.json')?.error).toBe('events[2].date: 2026-02-30 is not a real calendar date')
  })

  it.each([
    [['--input'], /--input/],
    [[], /needs --input/],
    [['--input', 'no/such/file.json'], /cannot read "no\/such\/file.json"/],
    [['--input', 'x.json', 'extra'], /Unexpected argument|positional/i],
    [['--bogus'], /Unknown option '--bogus'/]
  ])('usage error %j exits 2 with one line', async (args, pattern) => {
    const r = await run(args as string[])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(pattern)
  })

  it('malformed JSON on stdin is reported as such', async () => {
    const r = await run(['--input', '-'], { stdin: '{"received": ' })
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^error: \(input\): malformed JSON/)
  })
})

describe('clock as a real process', () => {
  it('exits 2 with one stderr line and prints JSON for a valid file', () => {
    // The installed command line (the bundle of src/cli/main.ts, built from this source), in this project's time zone.
    const spawn = (args: string[]) => spawnSync(process.execPath, [cliBundle(), 'clock', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    const ok = spawn(['--input', join(INPUTS, 'hipaa-overdue.json'), '--json'])
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    expect((JSON.parse(ok.stdout) as { due: string }).due).toBe('2026-02-04')
    const bad = spawn(['--input', join(INVALID, 'impossible-date.json'), '--json'])
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toBe('error: events[2].date: 2026-02-30 is not a real calendar date\n')
  })
})
