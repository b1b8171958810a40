// Two real Syncthing instances on loopback carry one caseload between two data folders, each
// opened by its own copy of the app (own device id, own lock). Proves: edits on one computer appear
// on the other while it is open; edits of the same case made on both with sync paused become a
// conflict the app merges with every event of both sides; the caseload and `cases show` agree on
// both computers afterwards; and .local/ (lock, device id, index) never travels.
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'
import { cli } from './helpers/cli'
import { SyncthingNode, syncthingMissing, until } from './helpers/syncthing'

const missing = syncthingMissing()
const FOLDER = 'caseload'
const STEP_MS = 20_000

let root = ''
let nodes: SyncthingNode[] = []
const apps: AppServices[] = []

async function app(dataDir: string): Promise<AppServices> {
  const s = await openServices({ dataDir, appVersion: 'test', holder: 'vitest', dailyBackup: false, watchFolder: true, watchDebounceMs: 100, rescanMs: 1000 })
  apps.push(s)
  return s
}

async function closeAll(): Promise<void> {
  await Promise.all(apps.splice(0).map((s) => s.close().catch(() => undefined)))
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch (error) {
    return `(no log: ${(error as Error).message})`
  }
}

const conflictCopies = async (dir: string): Promise<string[]> => (await readdir(join(dir, 'cases')).catch((): string[] => [])).filter((n) => n.includes('.sync-conflict-') && !n.startsWith('.')) // not Syncthing's own temp files

describe.skipIf(missing !== null)(`two computers sharing a caseload through Syncthing${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const a = (): string => join(root, 'a-data')
  const b = (): string => join(root, 'b-data')

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'aa-syncthing-'))
    await mkdir(a())
    await mkdir(b())
    nodes = [await SyncthingNode.create(root, 'a'), await SyncthingNode.create(root, 'b')]
    await Promise.all(nodes.map((n) => n.start()))
  }, 60_000)

  afterAll(async () => {
    await closeAll()
    await Promise.all(nodes.map((n) => n.stop()))
    if (root !== '') await rm(root, { recursive: true, force: true })
  }, 30_000)

  it('carries edits both ways, merges a conflict with every event of both sides, and never carries .local', async () => {
    const [na, nb] = nodes as [SyncthingNode, SyncthingNode]
    // The folders go when the test ends: a failure shows what each Syncthing logged.
    onTestFailed(() => {
      for (const n of nodes) console.error(`── syncthing ${n.name}: the end of its log ──\n${tailOf(join(n.home, 'log.txt'), 40)}`)
    })
    // Computer A has a caseload; B joins with an empty folder.
    const sa = await app(a())
    const patient = await sa.patients.add({ name: 'Ana Ruiz' })
    const org = await sa.organizations.add({ name: 'Mercy General Hospital', kind: 'hospital', state: 'CA' })
    const c = await sa.cases.add({ patientId: patient.id, organizationId: org.id })
    await sa.cases.addEvent(c.id, { type: 'request-sent', date: '2026-11-02', summary: 'Request faxed' })
    await na.addDevice(nb)
    await nb.addDevice(na)
    // Connected first, so a timeout below says which step was slow: the handshake or the copying.
    await until('A and B are connected', async () => (await na.connectedTo(nb)) && (await nb.connectedTo(na)), STEP_MS)
    await na.shareFolder(FOLDER, a(), [nb])
    await nb.shareFolder(FOLDER, b(), [na])
    await until('B holds the case file', async () => (await readdir(join(b(), 'cases')).catch((): string[] => [])).includes(`${c.id}.json`), STEP_MS)
    await until('B holds the patients', async () => (await readdir(join(b(), 'patients')).catch((): string[] => [])).length > 0, STEP_MS)
    await until('the folders are in sync', async () => (await na.inSync(FOLDER, nb)) && (await nb.inSync(FOLDER, na)), STEP_MS)

    const sb = await app(b())
    expect(sb.store.deviceId).not.toBe(sa.store.deviceId)
    expect(sb.queries.list().map((x) => x.id)).toEqual([c.id])

    // An edit on A appears on B while B is open, and B's case view can say who wrote it.
    await sa.cases.addEvent(c.id, { type: 'request-received', date: '2026-11-03', summary: 'Fax confirmation' })
    await until('B sees A’s new event', async () => (await sb.cases.load(c.id)).events.length === 2 && sb.queries.list()[0]?.received === '2026-11-03', STEP_MS)
    expect(await sb.sync.origin(c.id)).toMatchObject({ deviceId: sa.store.deviceId, thisDevice: false })
    // And one on B appears on A.
    await sb.cases.addReminder(c.id, { date: '2026-12-01', note: 'Call back' })
    await until('A sees B’s reminder', async () => (await sa.cases.load(c.id)).reminders.length === 1, STEP_MS)
    await until('the folders are in sync', async () => (await na.inSync(FOLDER, nb)) && (await nb.inSync(FOLDER, na)), STEP_MS)

    // Both edit the same case with sync paused: a conflict once it resumes.
    await na.pause()
    await nb.pause()
    await sa.cases.addEvent(c.id, { type: 'phone-call', date: '2026-11-05', summary: 'Called from A' })
    await sa.cases.update(c.id, { priority: 'high' })
    await new Promise((r) => setTimeout(r, 1100)) // Syncthing's conflict names have 1-second resolution
    await sb.cases.addEvent(c.id, { type: 'follow-up-sent', date: '2026-11-06', summary: 'Follow-up from B' })
    await sb.cases.addEvent(c.id, { type: 'note', date: '2026-11-06', summary: 'Note from B' })
    await na.resume()
    await nb.resume()

    const summaries = ['Called from A', 'Fax confirmation', 'Follow-up from B', 'Note from B', 'Request faxed']
    const settled = async (s: AppServices, dir: string): Promise<boolean> => {
      const events = (await s.cases.load(c.id)).events.map((e) => e.summary).sort()
      return JSON.stringify(events) === JSON.stringify(summaries) && (await conflictCopies(dir)).length === 0
    }
    await until('both computers hold the merged case and no conflict copy', async () => (await settled(sa, a())) && (await settled(sb, b())), 60_000)
    await until('the folders are in sync', async () => (await na.inSync(FOLDER, nb)) && (await nb.inSync(FOLDER, na)), STEP_MS)
    await sa.sync.rescan()
    await sb.sync.rescan()
    expect(await settled(sa, a())).toBe(true)
    expect(await settled(sb, b())).toBe(true)
    const merges = [...sa.sync.status().merges, ...sb.sync.status().merges]
    expect(merges.some((m) => m.file === `cases/${c.id}.json` && m.how === 'merged')).toBe(true)
    expect((await sa.cases.load(c.id)).priority).toBe('high')
    expect(sa.sync.conflicts()).toEqual([])
    expect(sb.sync.conflicts()).toEqual([])
    const listA = sa.queries.list()
    const listB = sb.queries.list()
    expect(listA).toEqual(listB)

    // .local never travels: each side's holds its own device id, and Syncthing's global view has none.
    const deviceA = sa.store.deviceId
    const deviceB = sb.store.deviceId
    await closeAll()
    expect(JSON.parse(await readFile(join(a(), '.local', 'device.json'), 'utf8'))).toEqual({ deviceId: deviceA })
    expect(JSON.parse(await readFile(join(b(), '.local', 'device.json'), 'utf8'))).toEqual({ deviceId: deviceB })
    const carried = await na.globalNames(FOLDER)
    expect(carried).toContain('cases')
    for (const local of ['.local', 'quarantine', 'backups']) expect(carried).not.toContain(local)

    // `cases show` and `cases list` agree on both computers.
    const show = async (dir: string): Promise<unknown> => {
      const r = await cli(['cases', 'show', c.id, '--data-dir', dir, '--json'])
      expect(r.code, r.stderr).toBe(0)
      return JSON.parse(r.stdout)
    }
    const shownA = await show(a())
    expect(await show(b())).toEqual(shownA)
    expect(JSON.stringify(shownA)).toContain('Follow-up from B')
    const list = async (dir: string): Promise<unknown> => JSON.parse((await cli(['cases', 'list', '--data-dir', dir, '--json'])).stdout)
    expect(await list(b())).toEqual(await list(a()))
  }, 180_000)
})
