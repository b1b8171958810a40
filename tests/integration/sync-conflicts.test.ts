// Conflict copies left by a sync tool, made by hand: two folders that started as one, each edited
// on its own (its own device id), then one side's file dropped beside the other's as Syncthing
// would. The real two-Syncthing test is sync-syncthing.test.ts.
import { cp, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseSchema } from '../../src/core/schemas'
import { SECOND_VERSION_PREFIX } from '../../src/core/sync'
import { openServices, type AppServices, type OpenServicesOptions } from '../../src/services/app-services'
import type { SyncEvent } from '../../src/store'
import { shardOf } from '../../src/store/layout'

const dirs: string[] = []
const open: AppServices[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'aa-sync-'))
  dirs.push(d)
  return d
}

let tick = Date.parse('2026-11-25T15:00:00.000Z')
async function services(dataDir: string, extra: Partial<OpenServicesOptions> = {}): Promise<AppServices> {
  const s = await openServices({ dataDir, appVersion: 'test', holder: 'vitest', dailyBackup: false, now: () => new Date((tick += 1000)), ...extra })
  open.push(s)
  return s
}
const close = async (s: AppServices): Promise<void> => {
  open.splice(open.indexOf(s), 1)
  await s.close()
}

/** A folder with one case, then a copy of it as a second computer would hold it (no .local). */
async function twoComputers(passphrase?: string) {
  const a = await tempDir()
  const pw = passphrase === undefined ? {} : { passphrase }
  const s = await services(a, pw)
  const patient = await s.patients.add({ name: 'Ana Ruiz' })
  const org = await s.organizations.add({ name: 'Mercy General Hospital', kind: 'hospital', state: 'CA' })
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
  await s.cases.addEvent(c.id, { type: 'request-sent', date: '2026-11-02', summary: 'Request faxed' })
  await close(s)
  const b = await tempDir()
  await cp(a, b, { recursive: true, filter: (src) => !src.includes(`${a}/.local`) })
  return { a, b, caseId: c.id, patientId: patient.id, pw }
}

const conflictName = (file: string): string => file.replace(/\.json$/, '.sync-conflict-20261125-150000-BBBBBBB.json')

describe('conflict copies', () => {
  for (const encrypted of [false, true]) {
    it(`merges a case edited on two computers, keeping every event of both${encrypted ? ' (encrypted folder)' : ''}`, async () => {
      const { a, b, caseId, pw } = await twoComputers(encrypted ? 'correct horse battery staple' : undefined)
      const sa = await services(a, pw)
      await sa.cases.addEvent(caseId, { type: 'request-received', date: '2026-11-03', summary: 'Fax confirmation' })
      await close(sa)
      const sb = await services(b, pw)
      await sb.cases.addEvent(caseId, { type: 'phone-call', date: '2026-11-04', summary: 'Called the records desk' })
      await sb.cases.update(caseId, { priority: 'urgent' })
      const deviceB = sb.store.deviceId
      await close(sb)
      const copy = `cases/${conflictName(`${caseId}.json`)}`
      await writeFile(join(a, copy), await readFile(join(b, 'cases', `${caseId}.json`)))

      const s = await services(a, pw)
      const merged = await s.cases.load(caseId)
      expect(merged.events.map((e) => e.summary).sort()).toEqual(['Called the records desk', 'Fax confirmation', 'Request faxed'])
      expect(merged.priority).toBe('urgent')
      expect(CaseSchema.safeParse(merged).success).toBe(true)
      expect(s.queries.list().find((x) => x.id === caseId)).toMatchObject({ received: '2026-11-03' })
      // The copy is set aside with a record of the merge; nothing is left in cases/ but the case.
      expect(await readdir(join(a, 'cases'))).toEqual([`${caseId}.json`])
      const [merge] = s.sync.status().merges
      expect(merge).toMatchObject({ file: `cases/${caseId}.json`, copy, how: 'merged' })
      expect(merge?.devices[1]).toBe(deviceB)
      expect(merge?.notes.join('\n')).toMatch(/events kept from both versions/)
      const quarantine = await readdir(join(a, 'quarantine'))
      expect(quarantine.some((n) => n.endsWith('sync-conflict-20261125-150000-BBBBBBB.json'))).toBe(true)
      expect(quarantine.some((n) => n.endsWith('.merge.json'))).toBe(true)
      if (encrypted) expect((await readFile(join(a, 'cases', `${caseId}.json`))).subarray(0, 4).toString('latin1')).toBe('AAE1')
      expect(s.sync.conflicts()).toEqual([])
    })
  }

  it('merges a patient shard per record: each side edited a different patient', async () => {
    const { a, b, patientId } = await twoComputers()
    const sa = await services(a)
    await sa.patients.update(patientId, { notes: 'prefers e-mail' })
    const other = await sa.patients.add({ name: 'Bo Li' })
    await close(sa)
    const sb = await services(b)
    await sb.patients.update(patientId, { dateOfBirth: '1980-02-29' })
    const third = await sb.patients.add({ name: 'Cy Park' })
    await close(sb)
    for (const name of await readdir(join(b, 'patients'))) {
      await writeFile(join(a, 'patients', conflictName(name)), await readFile(join(b, 'patients', name)))
    }
    const s = await services(a)
    const p = s.patients.get(patientId)
    expect(p).toMatchObject({ notes: 'prefers e-mail', dateOfBirth: '1980-02-29' })
    expect(s.patients.list().map((x) => x.name).sort()).toEqual(['Ana Ruiz', 'Bo Li', 'Cy Park'])
    expect([other.id, third.id].every((id) => s.patients.get(id) !== undefined)).toBe(true)
    expect((await readdir(join(a, 'patients'))).some((n) => n.includes('sync-conflict'))).toBe(false)
  })

  it('keeps an event edited on both computers twice, and a copy it cannot read waits for a choice', async () => {
    const { a, b, caseId } = await twoComputers()
    const sa = await services(a)
    const eventId = (await sa.cases.load(caseId)).events[0]?.id ?? ''
    await sa.cases.editEvent(caseId, eventId, { summary: 'Request faxed to 555-0100' })
    await close(sa)
    const sb = await services(b)
    await sb.cases.editEvent(caseId, eventId, { summary: 'Request mailed', channel: 'mail' })
    await close(sb)
    await writeFile(join(a, 'cases', conflictName(`${caseId}.json`)), await readFile(join(b, 'cases', `${caseId}.json`)))
    const garbage = `cases/${caseId}.sync-conflict-20261125-160000-CCCCCCC.json`
    await writeFile(join(a, garbage), '{"schemaVersion": 1, "rev": 2, "deviceId": "x", "updatedAt": "2026')

    const s = await services(a)
    const c = await s.cases.load(caseId)
    expect(c.events.map((e) => e.summary).sort()).toEqual(['Request mailed', `${SECOND_VERSION_PREFIX}Request faxed to 555-0100`])
    const [conflict] = s.sync.conflicts()
    expect(conflict).toMatchObject({ id: garbage, file: `cases/${caseId}.json`, canKeepCopy: false, copy: { readable: false } })
    expect(conflict?.reason).toMatch(/truncated JSON/)
    expect(conflict?.current.text).toContain('Request mailed')
    await expect(s.sync.resolve(garbage, 'copy')).rejects.toThrow(/cannot be read/)
    await s.sync.resolve(garbage, 'current')
    expect(s.sync.conflicts()).toEqual([])
    expect((await readdir(join(a, 'cases'))).filter((n) => n.includes('sync-conflict'))).toEqual([])
    expect(s.sync.status().merges.map((m) => m.how)).toContain('kept-current')
  })
})

describe('a folder being synced while the app is open', () => {
  it('picks up a newer case file and a conflict copy from another computer, and says so', async () => {
    const { a, b, caseId } = await twoComputers()
    const sb = await services(b)
    await sb.cases.addEvent(caseId, { type: 'request-received', date: '2026-11-03', summary: 'Arrived on B' })
    await sb.sync.rename('Front desk laptop')
    const deviceB = sb.store.deviceId
    await close(sb)
    const s = await services(a, { watchFolder: true, watchDebounceMs: 20, rescanMs: 500 })
    const events: SyncEvent[] = []
    s.sync.subscribe((e) => events.push(e))
    const eventCount = (): number | undefined => s.store.records.cases.summaries()[0]?.summary.eventCount
    expect(eventCount()).toBe(1)
    // As a sync tool does: write a temp file, then rename it over the case file.
    await cp(join(b, 'devices'), join(a, 'devices'), { recursive: true })
    await writeFile(join(a, 'cases', '.syncthing.tmp'), await readFile(join(b, 'cases', `${caseId}.json`)))
    await rename(join(a, 'cases', '.syncthing.tmp'), join(a, 'cases', `${caseId}.json`))
    await until(() => events.some((e) => e.type === 'changed' && e.changes.some((c) => c.id === caseId)))
    expect(eventCount()).toBe(2)
    expect(s.queries.list()[0]?.received).toBe('2026-11-03')
    const origin = await s.sync.origin(caseId)
    expect(origin).toMatchObject({ deviceId: deviceB, deviceName: 'Front desk laptop', thisDevice: false })
    expect(s.sync.changes(0).changes.map((c) => c.id)).toContain(caseId)

    // Then a conflict copy arrives: merged while running.
    await s.cases.addEvent(caseId, { type: 'phone-call', date: '2026-11-05', summary: 'Called on A' })
    const sb2 = await services(b)
    await sb2.cases.addEvent(caseId, { type: 'note', date: '2026-11-05', summary: 'Noted on B' })
    await close(sb2)
    await writeFile(join(a, 'cases', conflictName(`${caseId}.json`)), await readFile(join(b, 'cases', `${caseId}.json`)))
    await until(() => events.some((e) => e.type === 'merged'))
    expect((await s.cases.load(caseId)).events.map((e) => e.summary).sort()).toEqual(['Arrived on B', 'Called on A', 'Noted on B', 'Request faxed'])
  })

  it('an edit made before the app noticed another computer\'s version of the shard does not save over it', async () => {
    // Two patients that live in the same shard (ids chosen so).
    const ids = Array.from({ length: 200 }, (_, i) => `pat-${String(i).padStart(4, '0')}`)
    const first = ids[0] ?? ''
    const second = ids.find((id) => id !== first && shardOf(id, 16) === shardOf(first, 16)) ?? ''
    const queue = [first, second]
    const a = await tempDir()
    const s0 = await services(a, { newId: (p) => (p === 'pat' ? (queue.shift() ?? `pat-x${tick}`) : `${p}-${tick}`) })
    await s0.patients.add({ name: 'First Patient' })
    await s0.patients.add({ name: 'Second Patient' })
    await close(s0)
    const b = await tempDir()
    await cp(a, b, { recursive: true, filter: (src) => !src.includes(`${a}/.local`) })
    const sb = await services(b)
    await sb.patients.update(first, { notes: 'edited on B' })
    await close(sb)
    const sa = await services(a) // not watching: only the edit itself can notice
    const shard = `patients/shard-${String(shardOf(first, 16)).padStart(2, '0')}.json`
    await writeFile(join(a, `${shard}.incoming`), await readFile(join(b, shard)))
    await rename(join(a, `${shard}.incoming`), join(a, shard))
    await sa.patients.update(second, { notes: 'edited on A' })
    await close(sa)
    const s = await services(a)
    expect(s.patients.get(first)?.notes).toBe('edited on B')
    expect(s.patients.get(second)?.notes).toBe('edited on A')
  })

  it('many edits of one shard at once are never mistaken for another computer\'s version', async () => {
    const s = await services(await tempDir())
    const added = await Promise.all(Array.from({ length: 64 }, (_, i) => s.organizations.add({ name: `Holder ${i}`, kind: 'hospital' })))
    for (const o of added) expect(s.organizations.get(o.id)?.name).toBe(o.name)
    await close(s)
  })

  it('writes a .stignore for the machine-local folders, and an edit rewrites only its case file', async () => {
    const { a, caseId } = await twoComputers()
    const s = await services(a)
    const ignore = await readFile(join(a, '.stignore'), 'utf8')
    for (const line of ['/.local', '/quarantine', '/backups', '(?d).*.tmp']) expect(ignore.split('\n')).toContain(line)
    await s.store.flush()
    const before = await snapshot(a)
    await s.cases.addEvent(caseId, { type: 'note', date: '2026-11-05', summary: 'x' })
    await s.store.flush()
    const after = await snapshot(a)
    const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f))
    expect(changed).toEqual([`cases/${caseId}.json`])
    await close(s)
    // A person's own lines in .stignore survive, and an unchanged block is not rewritten.
    await writeFile(join(a, '.stignore'), `${ignore}exports\n`)
    const mtime = (await stat(join(a, '.stignore'))).mtimeMs
    await services(a)
    expect((await stat(join(a, '.stignore'))).mtimeMs).toBe(mtime)
    expect(await readFile(join(a, '.stignore'), 'utf8')).toContain('exports')
  })
})

async function snapshot(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel === '' ? e.name : `${rel}/${e.name}`
    if (path === '.local') continue
    if (e.isDirectory()) for (const [k, v] of await snapshot(dir, path)) out.set(k, v)
    else {
      const st = await stat(join(dir, path))
      out.set(path, `${st.mtimeMs}:${st.size}:${st.ino}`)
    }
  }
  return out
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the sync engine')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the command line', () => {
  it('warns about a conflict it could not merge, and still shows the case', async () => {
    const { a, caseId } = await twoComputers()
    await writeFile(join(a, 'cases', `${caseId}.sync-conflict-20261125-150000-BBBBBBB.json`), 'not json')
    const { cli } = await import('./helpers/cli')
    const r = await cli(['cases', 'show', caseId, '--data-dir', a, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ case: { id: caseId } })
    expect(r.stderr).toMatch(new RegExp(`cases/${caseId}\\.json was changed on two computers at once and could not be merged`))
  })
})
