// The command line's global handling (issue 10): whatever the store repaired, restored or lost is
// printed on stderr (as JSON lines with --json), terminal control characters never reach the
// terminal raw, a read-only folder can still be read, and the lock is released on every way out:
// a normal exit, an error, a broken pipe (`| head -1`), SIGINT and SIGTERM.
import { spawn } from 'node:child_process'
import { access, mkdtemp, readdir, rm, stat, truncate, utimes } from 'node:fs/promises'
import * as nodeFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src/cli/index'
import { cli } from './helpers/cli'
import { cliBundle } from './helpers/cli-bundle'

// A read-only disk, simulated (we run as root, so permissions would not stop a write): while
// `readOnlyUnder` is set, every call that would change a path under it fails with EROFS.
const readOnly = vi.hoisted(() => ({ under: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const refuse = (path: unknown): void => {
    if (readOnly.under !== null && String(path).startsWith(readOnly.under)) {
      throw Object.assign(new Error(`EROFS: read-only file system, '${String(path)}'`), { code: 'EROFS' })
    }
  }
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    refuse(a[0])
    return fn(...a)
  }
  const open: typeof real.open = async (path, flags, mode) => {
    if (flags !== undefined && flags !== 'r') refuse(path)
    return real.open(path, flags, mode)
  }
  const wrapped = {
    ...real,
    open,
    writeFile: guard(real.writeFile),
    appendFile: guard(real.appendFile),
    mkdir: guard(real.mkdir),
    rename: guard(real.rename),
    rm: guard(real.rm),
    unlink: guard(real.unlink),
    link: guard(real.link),
    access: async (path: Parameters<typeof real.access>[0], mode?: number) => {
      if (mode !== undefined && (mode & 2) !== 0) refuse(path)
      return real.access(path, mode)
    }
  }
  return { ...wrapped, default: wrapped }
})

const ROOT = resolve(__dirname, '../..')
let dir: string
let data: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-recovery-'))
})
afterEach(async () => {
  await rm(join(dir, 'data'), { recursive: true, force: true })
})

const lockPath = (d: string): string => join(d, '.local', 'lock.json')
const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false)

async function demo(cases: number): Promise<string> {
  data = join(dir, 'data')
  const r = await cli(['demo', '--cases', String(cases), '--data-dir', data])
  expect(r.code, r.stderr).toBe(0)
  return data
}

async function halveInPlace(path: string): Promise<void> {
  const before = await stat(path)
  await truncate(path, Math.floor(before.size / 2))
  await utimes(path, before.atime, before.mtime)
}

describe('recoveries are told on stderr', () => {
  it('a case file damaged in place is named by `cases list`, and `cases show` says it is damaged', async () => {
    const d = await demo(5)
    const id = (await readdir(join(d, 'cases'))).sort()[2]!.replace(/\.json$/, '')
    await halveInPlace(join(d, 'cases', `${id}.json`))
    const list = await cli(['cases', 'list', '--data-dir', d])
    expect(list.code).toBe(0)
    expect(list.stdout).toContain(id) // still listed
    expect(list.stderr).toMatch(new RegExp(`^warning: cases/${id}\\.json: truncated JSON.*moved aside to quarantine/`, 'm'))
    const show = await cli(['cases', 'show', id, '--data-dir', d])
    expect(show.stderr).not.toMatch(/No case with id/)
    expect(show.stderr).toMatch(new RegExp(`cases/${id}\\.json is damaged`))
  })

  it('with --json each one is a JSON line on stderr', async () => {
    const d = await demo(3)
    const id = (await readdir(join(d, 'cases'))).sort()[0]!.replace(/\.json$/, '')
    await halveInPlace(join(d, 'cases', `${id}.json`))
    const r = await cli(['cases', 'list', '--json', '--data-dir', d])
    expect(r.code).toBe(0)
    JSON.parse(r.stdout)
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.find((l) => l['file'] === `cases/${id}.json`)).toMatchObject({ type: 'recovery', problem: expect.stringMatching(/truncated JSON/) })
  })

  it('a lock left by a process that exited is told as that, not as damage', async () => {
    const d = await demo(2)
    await nodeFs.writeFile(lockPath(d), JSON.stringify({ holder: 'cli', pid: 2 ** 22 + 17, hostname: (await import('node:os')).hostname(), since: new Date().toISOString(), session: 'gone' }))
    const r = await cli(['patients', 'list', '--data-dir', d])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^note: .*process \d+ .* no longer running/m)
    expect(r.stderr).not.toMatch(/^warning:/m)
  })
})

describe('terminal control characters', () => {
  it('are escaped in what the CLI prints', async () => {
    const out: string[] = []
    const code = await runCli(['clock', '--input', '-'], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      readStdin: async () => JSON.stringify({ received: '2026-01-05', asOf: '2026-02-20', description: 'x', events: [{ type: 'note', date: '2026-01-06', text: 'hi' }] }),
      cwd: ROOT,
      env: {}
    })
    expect(code).toBe(0)
    // And through the writer every command uses:
    const { safeForTerminal } = await import('../../src/cli/terminal')
    expect(safeForTerminal('Ann\u001b]0;pwned\u0007\u001b[31m red\u0000')).toBe('Ann\\e]0;pwned\\a\\e[31m red\\0')
    expect(safeForTerminal('two\nlines\tand tab')).toBe('two\nlines\tand tab')
  })
})

describe('a read-only data folder', () => {
  it('is read with a note; a change is refused with a clear message; nothing is written', async () => {
    const d = await demo(3)
    const before = (await readdir(d, { recursive: true })).map(String).sort()
    readOnly.under = d
    try {
      const list = await cli(['cases', 'list', '--data-dir', d])
      expect(list.code, list.stderr).toBe(0)
      expect(list.stdout.split('\n').length).toBeGreaterThan(3)
      expect(list.stderr).toMatch(/^note: the data folder .* cannot be written .*: opened read-only; nothing can be saved/m)
      const add = await cli(['patients', 'add', '--name', 'Bo Li', '--dob', '1980-01-01', '--data-dir', d])
      expect(add.code).toBe(1)
      expect(add.stderr).toMatch(/opened read-only/)
    } finally {
      readOnly.under = null
    }
    expect((await readdir(d, { recursive: true })).map(String).sort()).toEqual(before)
  })
})

describe('the lock is released on every way out', () => {
  it('a normal exit and an error exit', async () => {
    const d = await demo(2)
    expect(await exists(lockPath(d))).toBe(false)
    const bad = await cli(['cases', 'show', 'no-such-case', '--data-dir', d])
    expect(bad.code).toBe(2)
    expect(await exists(lockPath(d))).toBe(false)
  })

  /** Runs the real entry point in a child process: the installed command line, built from this source. */
  const spawnCli = (args: string[]) => spawn(process.execPath, [cliBundle(), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })

  const exit = (child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; signal: string | null; stderr: string }> =>
    new Promise((res) => {
      let stderr = ''
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('exit', (code, signal) => res({ code, signal, stderr }))
    })

  it('a broken pipe (`cases list | head -1`)', async () => {
    const d = await demo(60)
    const child = spawnCli(['cases', 'list', '--data-dir', d])
    child.stdout?.once('data', () => child.stdout?.destroy())
    const r = await exit(child)
    expect(r.signal).toBeNull()
    expect(await exists(lockPath(d))).toBe(false)
    const next = await cli(['patients', 'list', '--data-dir', d])
    expect(next.stderr).not.toMatch(/did not close cleanly|no longer running/)
  }, 60_000)

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s while a command holds the folder', async (signal, want) => {
    const d = join(dir, 'data')
    const child = spawnCli(['demo', '--cases', '3000', '--data-dir', d])
    const done = exit(child)
    // Wait until it holds the lock, then interrupt it.
    for (let i = 0; i < 400 && !(await exists(lockPath(d))); i++) await new Promise((r) => setTimeout(r, 25))
    expect(await exists(lockPath(d))).toBe(true)
    child.kill(signal)
    const r = await done
    expect(r.code).toBe(want)
    expect(await exists(lockPath(d))).toBe(false)
  }, 60_000)
})

describe('info', () => {
  it('reads without the lock and writes nothing, even while another process holds the folder', async () => {
    const d = await demo(2)
    await nodeFs.writeFile(lockPath(d), JSON.stringify({ holder: 'app', pid: process.pid, hostname: (await import('node:os')).hostname(), since: new Date().toISOString(), session: 'live' }))
    const before = (await readdir(d, { recursive: true })).map(String).sort()
    const r = await cli(['info', '--json', '--data-dir', d])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: d })
    expect((await readdir(d, { recursive: true })).map(String).sort()).toEqual(before)
  })
})

describe('backups checked from the command line', () => {
  it('`backup list` marks a damaged zip, `backup verify` names it and exits 1, restoring it is refused as damaged', async () => {
    const d = await demo(3)
    const made = await cli(['backup', 'now', '--json', '--data-dir', d])
    const { id } = JSON.parse(made.stdout) as { id: string }
    const zipPath = join(d, 'backups', `${id}.zip`)
    const zip = await nodeFs.readFile(zipPath)
    zip.fill(0x41, 60, 400)
    await nodeFs.writeFile(zipPath, zip)
    const list = await cli(['backup', 'list', '--data-dir', d])
    expect(list.stdout).toMatch(/DAMAGED/)
    const verify = await cli(['backup', 'verify', '--data-dir', d])
    expect(verify.code).toBe(1)
    expect(verify.stdout).toContain(`damaged backup ${id}`)
    const restore = await cli(['backup', 'restore', id, '--yes', '--data-dir', d])
    expect(restore.code).toBe(1)
    expect(restore.stderr).toMatch(/is damaged/)
    expect(restore.stderr).not.toMatch(/unexpected failure/)
  })
})
