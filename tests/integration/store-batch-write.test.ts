// The batch write (store/batch-journal.ts): many records in one durable write, through the one
// write path's rules, and a batch a crash cut short is finished at the next open.
import * as fsp from 'node:fs/promises'
import { readdir, rm, truncate } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openServices, type AppServices } from '../../src/services/app-services'
import { CaseEventInputSchema, PatientFieldsSchema } from '../../src/core/schemas'
import { hashFolder } from './helpers/folder-hash'

const dirs: string[] = []
const opened: AppServices[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined)
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

async function open(dataDir?: string, fs?: typeof fsp): Promise<AppServices> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'aa-bw-')))
  if (!dataDir) dirs.push(dir)
  let seq = 0
  const s = await openServices({ dataDir: dir, appVersion: 'test', holder: 'vitest', dailyBackup: false, now: () => new Date('2026-11-25T15:00:00Z'), newId: (p) => `${p}-${String(++seq).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`, ...(fs && { fs }) })
  opened.push(s)
  return s
}

const received = { type: 'request-received', date: '2026-10-01', direction: 'incoming', summary: 'Request received' } as const

async function seed(s: AppServices, n: number) {
  const [org] = await s.organizations.addMany([{ name: 'Mercy General', kind: 'hospital' }])
  const patients = await s.patients.addMany(Array.from({ length: n }, (_, i) => ({ name: `Patient ${i}` })))
  const cases = await s.cases.addManyWithEvents(patients.map((p, i) => ({ fields: { patientId: p.id, organizationId: org!.id, references: [{ kind: 'holder-request-id' as const, value: `R-${i}` }] }, events: [received] })))
  return { org: org!, patients, cases }
}

describe('batch write', () => {
  it('writes every record with its audit entry, and the caseload lists them at once and after a reopen', async () => {
    const s = await open()
    const { cases, patients } = await seed(s, 40)
    expect(patients.every((p) => p.history.length === 1 && p.history[0]!.action === 'create')).toBe(true)
    const c = await s.cases.load(cases[7]!.id)
    expect(c.history.map((h) => h.action)).toEqual(['create', 'add-event'])
    expect(c.events).toHaveLength(1)
    expect(s.queries.list()).toHaveLength(40)
    const dir = s.dataDir
    await s.close()
    expect((await readdir(join(dir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(false)
    const again = await open(dir)
    expect(again.queries.list()).toHaveLength(40)
    expect(again.store.recoveries).toEqual([])
    expect((await again.cases.load(cases[39]!.id)).references[0]?.value).toBe('R-39')
  })

  it('checks every record first: one bad record or a reference number used twice, and nothing is written', async () => {
    const s = await open()
    const { org, patients } = await seed(s, 3)
    const before = await hashFolder(s.dataDir)
    const item = (i: number, ref: string) => ({ fields: { patientId: patients[i]!.id, organizationId: org.id, references: [{ kind: 'holder-request-id' as const, value: ref }] }, events: [received] })
    await expect(s.cases.addManyWithEvents([item(0, 'NEW-1'), item(1, 'NEW-1')])).rejects.toThrow(/"NEW-1" is already used by case/)
    await expect(s.cases.addManyWithEvents([item(0, 'NEW-2'), item(1, 'R-2')])).rejects.toThrow(/"R-2" is already used by case/)
    await expect(s.cases.addManyWithEvents([item(0, 'NEW-3'), { ...item(1, 'NEW-4'), events: [{ ...received, date: '2030-01-01' }] }])).rejects.toThrow(/in the future/)
    await expect(s.patients.addMany([{ name: 'Fine' }, { name: '' }])).rejects.toThrow(/patients\[1\]/)
    await s.store.flush()
    expect(await hashFolder(s.dataDir)).toBe(before)
    expect(s.queries.list()).toHaveLength(3)
  })

  it('cases handed over already parsed (the CSV import) are not parsed again, yet the store refuses one its schema does not allow, and nothing is written', async () => {
    const s = await open()
    const { org, patients } = await seed(s, 3)
    const before = await hashFolder(s.dataDir)
    const parsed = (i: number, ref: string, tags: string[] = []) => ({
      fields: { patientId: patients[i]!.id, organizationId: org.id, requestKind: 'access-self' as const, requested: { items: [], range: {} }, profile: 'hipaa', references: [{ kind: 'holder-request-id' as const, value: ref }], tags, priority: 'normal' as const },
      events: [CaseEventInputSchema.parse(received)]
    })
    // Typed as parsed, but a tag the tag schema refuses: only the store's check of the composed case can catch it.
    await expect(s.cases.addManyParsed([parsed(0, 'P-1'), parsed(1, 'P-2', ['x'.repeat(500)])])).rejects.toThrow(/Invalid cases: tags\[0\]/)
    // The service's own checks still run: a reference number used twice, an event in the future.
    await expect(s.cases.addManyParsed([parsed(0, 'P-3'), parsed(1, 'P-3')])).rejects.toThrow(/"P-3" is already used by case/)
    await expect(s.cases.addManyParsed([{ ...parsed(0, 'P-4'), events: [CaseEventInputSchema.parse({ ...received, date: '2030-01-01' })] }])).rejects.toThrow(/in the future/)
    await s.store.flush()
    expect(await hashFolder(s.dataDir)).toBe(before)
    const [made] = await s.cases.addManyParsed([parsed(2, 'P-5')])
    expect((await s.cases.load(made!.id)).history.map((h) => h.action)).toEqual(['create', 'add-event'])
  })

  it('patients handed over already parsed are checked as addMany checks them, and the store refuses one its schema does not allow', async () => {
    const s = await open()
    await seed(s, 2)
    const before = await hashFolder(s.dataDir)
    const fields = (name: string, dateOfBirth?: string) => ({ ...PatientFieldsSchema.parse({ name }), ...(dateOfBirth && { dateOfBirth }) })
    await expect(s.patients.addManyParsed([fields('Fine'), { ...fields('Too long'), name: 'x'.repeat(1000) }])).rejects.toThrow(/Invalid patients: name/)
    await expect(s.patients.addManyParsed([fields('Born later', '2030-01-01')])).rejects.toThrow(/in the future/)
    await s.store.flush()
    expect(await hashFolder(s.dataDir)).toBe(before)
    const [p] = await s.patients.addManyParsed([fields('Ann Lee', '1970-02-03')])
    expect(s.patients.get(p!.id).history.map((h) => h.action)).toEqual(['create'])
  })

  it('a batch whose journal cannot be written is refused: no record file, no journal, nothing listed', async () => {
    const failing = { ...fsp, rename: (async (a: string, b: string) => { if (b.includes('/.local/batch-')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); return fsp.rename(a, b) }) as typeof fsp.rename }
    const s = await open(undefined, failing)
    const [org] = await s.organizations.addMany([{ name: 'Mercy General', kind: 'hospital' }])
    const patients = await s.patients.addMany(Array.from({ length: 30 }, (_, i) => ({ name: `P ${i}` })))
    await expect(s.cases.addManyWithEvents(patients.map((p) => ({ fields: { patientId: p.id, organizationId: org!.id }, events: [received] })))).rejects.toThrow(/disk .* is full/)
    await s.store.flush()
    expect(await readdir(join(s.dataDir, 'cases')).catch(() => [])).toEqual([])
    expect((await readdir(join(s.dataDir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(false)
    expect(s.queries.list()).toHaveLength(0)
  })

  it('acknowledged once the journal is durable: the records are served before their files exist, and a later edit waits for them', async () => {
    // The batch's record files (rev 1) are held back until released: the checkpoint is still
    // writing them. A later edit's file (rev 2) is not held, so an edit that did not wait would
    // land first and then be overwritten by the batch's older file.
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const isBatchFile = async (tmp: string, target: string) => target.includes('/cases/') && (await fsp.readFile(tmp, 'utf8')).includes('"rev":1,')
    const slow = { ...fsp, rename: (async (a: string, b: string) => { if (await isBatchFile(a, b)) await held; return fsp.rename(a, b) }) as typeof fsp.rename }
    const s = await open(undefined, slow)
    const [org] = await s.organizations.addMany([{ name: 'Mercy General', kind: 'hospital' }])
    const patients = await s.patients.addMany(Array.from({ length: 20 }, (_, i) => ({ name: `P ${i}` })))
    const made = await s.cases.addManyWithEvents(patients.map((p, i) => ({ fields: { patientId: p.id, organizationId: org!.id, references: [{ kind: 'holder-request-id' as const, value: `R-${i}` }] }, events: [received] })))
    expect(await readdir(join(s.dataDir, 'cases')).then((f) => f.filter((x) => x.endsWith('.json')))).toEqual([])
    expect((await readdir(join(s.dataDir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(true)
    expect(s.queries.list()).toHaveLength(20)
    expect((await s.cases.load(made[3]!.id)).references[0]?.value).toBe('R-3')
    // An edit of a case still waiting for its file goes after the batch's file, never under it.
    let edited = false
    const edit = s.cases.addEvent(made[3]!.id, { type: 'follow-up-sent', date: '2026-11-02', summary: 'Follow-up' }).then(() => (edited = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(edited).toBe(false)
    release()
    await edit
    await s.store.flush()
    expect((await readdir(join(s.dataDir, 'cases'))).filter((x) => x.endsWith('.json'))).toHaveLength(20)
    expect((await readdir(join(s.dataDir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(false)
    const dir = s.dataDir
    await s.close()
    const again = await open(dir)
    expect(again.store.recoveries).toEqual([])
    expect((await again.cases.load(made[3]!.id)).events.map((e) => e.type)).toEqual(['request-received', 'follow-up-sent'])
  })

  it('a backup taken right after a batch holds every record of it, though the files were still being written', async () => {
    // The batch's record files are held back for a moment: the backup starts while they are being written.
    const heldUntil = new Promise<void>((resolve) => setTimeout(resolve, 300))
    const slow = { ...fsp, rename: (async (a: string, b: string) => { if (b.includes('/cases/') && (await fsp.readFile(a, 'utf8')).includes('"rev":1,')) await heldUntil; return fsp.rename(a, b) }) as typeof fsp.rename }
    const s = await open(undefined, slow)
    const { cases } = await seed(s, 60)
    const backup = await s.store.backups.create('manual')
    await s.patients.add({ name: 'After the backup' })
    await s.store.backups.restore(backup.id)
    expect(s.queries.list()).toHaveLength(60)
    expect(s.patients.list().some((p) => p.name === 'After the backup')).toBe(false)
    expect((await s.cases.load(cases[59]!.id)).references[0]?.value).toBe('R-59')
  })

  it('record files that cannot be written after the acknowledgement: the journal stays, and the next open finishes the batch', async () => {
    let renames = 0
    const failing = { ...fsp, rename: (async (a: string, b: string) => { if (b.includes('/cases/') && ++renames > 5) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); return fsp.rename(a, b) }) as typeof fsp.rename }
    const s = await open(undefined, failing)
    const { cases } = await seed(s, 30)
    await s.store.flush()
    expect(s.queries.list()).toHaveLength(30)
    expect((await s.cases.load(cases[20]!.id)).references[0]?.value).toBe('R-20')
    expect((await readdir(join(s.dataDir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(true)
    const dir = s.dataDir
    await s.close()
    const again = await open(dir)
    expect(again.store.recoveries).toEqual([])
    expect(again.queries.list()).toHaveLength(30)
    expect((await again.cases.load(cases[29]!.id)).references[0]?.value).toBe('R-29')
    expect((await readdir(join(dir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(false)
  })

  it('a crash before the checkpoint: the journal brings back lost and torn files at the next open, and never undoes a later edit', async () => {
    // Stands in for a power cut after the journal was durable: the journal is never removed.
    const keepJournal = { ...fsp, rm: (async (p: string, o?: Parameters<typeof fsp.rm>[1]) => (String(p).includes('/.local/batch-') ? undefined : fsp.rm(p, o))) as typeof fsp.rm }
    const s = await open(undefined, keepJournal)
    const { cases } = await seed(s, 5)
    await s.cases.addEvent(cases[2]!.id, { type: 'follow-up-sent', date: '2026-11-02', summary: 'Follow-up after the batch' })
    await s.store.flush()
    const dir = s.dataDir
    await s.close()
    expect((await readdir(join(dir, '.local'))).filter((f) => f.startsWith('batch-'))).toEqual(['batch-cases.json'])
    await rm(join(dir, 'cases', `${cases[0]!.id}.json`))
    await truncate(join(dir, 'cases', `${cases[1]!.id}.json`), 40)

    const again = await open(dir)
    expect(again.store.recoveries).toEqual([])
    expect((await readdir(join(dir, '.local'))).some((f) => f.startsWith('batch-'))).toBe(false)
    expect(again.queries.list()).toHaveLength(5)
    expect((await again.cases.load(cases[0]!.id)).references[0]?.value).toBe('R-0')
    expect((await again.cases.load(cases[1]!.id)).events).toHaveLength(1)
    expect((await again.cases.load(cases[2]!.id)).events.map((e) => e.summary)).toEqual(['Request received', 'Follow-up after the batch'])
  })
})
