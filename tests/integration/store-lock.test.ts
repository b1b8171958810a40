// One process per data folder: a second open (same process or another) gets LOCKED naming the
// holder; a lock left by a dead process on this host is taken over and reported; close releases it.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { testSchema } from '../fixtures/store/schema'

let dir: string
const children: ChildProcess[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-lock-'))
})
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

const open = (holder = 'app') => openStore(testSchema(), { dataDir: dir, holder, dailyBackup: false })
const lockPath = () => join(dir, '.local', 'lock.json')

function startHolder(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'helpers', 'store-lock-holder.ts'), dir], {
      stdio: ['pipe', 'pipe', 'pipe']
    })
    children.push(child)
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)))
  })
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

describe('the lock', () => {
  it('refuses a second open in the same process, naming the holder', async () => {
    const first = await open('app')
    const err = await open('cli').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'LOCKED' })
    expect((err as Error).message).toMatch(
      new RegExp(`^The data folder ${dir} is in use by Access Advocate \\(app\\) — process ${process.pid} on host ${hostname()} since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\. Close it first\\. If Access Advocate is not running, process ${process.pid} is another program that reused the number: delete .*lock\\.json to open the folder\\.$`)
    )
    await first.close()
    // Released on close: the file is gone and the folder opens again.
    await expect(stat(lockPath())).rejects.toMatchObject({ code: 'ENOENT' })
    const second = await open('cli')
    await second.close()
  })

  it('refuses while another process holds it, and takes over once that process is dead', async () => {
    const child = await startHolder()
    const held = JSON.parse(await readFile(lockPath(), 'utf8'))
    expect(held).toMatchObject({ holder: 'cli', pid: child.pid, hostname: hostname() })
    const err = await open().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'LOCKED' })
    expect((err as Error).message).toContain(`in use by Access Advocate (cli) — process ${child.pid} on host ${hostname()}`)

    child.kill('SIGKILL')
    await exited(child)
    const store = await open()
    expect(store.recoveries).toHaveLength(1)
    expect(store.recoveries[0]?.file).toBe('.local/lock.json')
    expect(store.recoveries[0]?.problem).toContain(`process ${child.pid}`)
    expect(store.recoveries[0]?.problem).toContain('did not close cleanly')
    expect(store.recoveries[0]?.action).toMatch(/took the lock over/)
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ holder: 'app', pid: process.pid })
    await store.close()
  }, 30_000)

  it('a process that closes cleanly leaves no lock and no recovery', async () => {
    const child = await startHolder()
    child.stdin?.end()
    await exited(child)
    expect(child.exitCode).toBe(0)
    const store = await open()
    expect(store.recoveries).toEqual([])
    await store.close()
  }, 30_000)

  it('never takes over a lock from another host', async () => {
    await (await open()).close()
    const foreign = { holder: 'app', pid: 999999, hostname: 'other-pc', since: new Date().toISOString(), session: 's' }
    await writeFile(lockPath(), JSON.stringify(foreign))
    const err = await open().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'LOCKED' })
    expect((err as Error).message).toContain('process 999999 on host other-pc')
    expect((err as Error).message).toContain(`If that computer is no longer using it, delete ${lockPath()}`)
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toEqual(foreign)
  })

  it('treats a dead pid on this host as stale, and an unreadable lock as stale only once it is old', async () => {
    await (await open()).close()
    await writeFile(lockPath(), JSON.stringify({ holder: 'app', pid: 2 ** 22 + 7, hostname: hostname(), since: new Date().toISOString(), session: 's' }))
    const a = await open()
    expect(a.recoveries.map((r) => r.file)).toEqual(['.local/lock.json'])
    await a.close()

    await writeFile(lockPath(), '')
    await expect(open()).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringContaining('being opened by another process right now') })
    const old = new Date(Date.now() - 60_000)
    await utimes(lockPath(), old, old)
    const b = await open()
    expect(b.recoveries.map((r) => r.file)).toEqual(['.local/lock.json'])
    await b.close()
  })
})
