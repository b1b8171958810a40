import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportAll } from '../../../src/services/interop/full/export'
import { fullImporter } from '../../../src/services/interop/full/import'
import { DEFAULT_ZIP_LIMITS } from '../../../src/services/interop/zip/read-zip'
import { writeDemo } from '../../../src/services/demo/write'
import { hashFolder } from '../helpers/folder-hash'
import { seedBasics, testServices, type TestServices } from '../helpers/services'

let a: TestServices
let b: TestServices
beforeEach(async () => {
  a = await testServices()
  b = await testServices('2026-12-01T09:00:00.000Z')
})
afterEach(async () => {
  await a.cleanup()
  await b.cleanup()
})

/** fflate tidies names it is given; a hostile zip's names are patched in afterwards (same length, so offsets hold). */
const renamed = (zip: Uint8Array, from: string, to: string) => {
  const out = Buffer.from(zip)
  const [f, t] = [Buffer.from(from), Buffer.from(to)]
  for (let i = out.indexOf(f); i >= 0; i = out.indexOf(f, i + 1)) t.copy(out, i)
  return new Uint8Array(out)
}

const withoutTimestamp = (zip: Uint8Array) => {
  const files = unzipSync(zip)
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']))
  delete manifest.exportedAt
  return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }
}

describe('full export and import', () => {
  it('round-trips: export, import into an empty folder, export again gives the same bytes apart from the export time', async () => {
    await writeDemo(a, { cases: 30, today: '2026-11-25' })
    await a.settings.update({ advocateName: 'Dana Advocate' })
    const first = await exportAll(a)
    expect(first.manifest.counts).toMatchObject({ cases: 30 })
    expect(first.manifest.counts.attachments).toBeGreaterThan(0)
    const preview = await fullImporter(b).preview(first.bytes, 'all.zip')
    expect(preview).toMatchObject({ emptyFolder: true, conflicts: [], unchanged: 0 })
    const result = await fullImporter(b).commit(first.bytes, 'all.zip')
    expect(result.written).toBe(preview.added.length)
    const second = await exportAll(b)
    expect(second.manifest.exportedAt).not.toBe(first.manifest.exportedAt)
    expect(withoutTimestamp(second.bytes)).toEqual(withoutTimestamp(first.bytes))
    // The zips differ only inside the manifest: every other entry is byte-identical, and so is the clock.
    expect(b.queries.list()).toEqual(a.queries.list({ asOf: '2026-12-01' }))
  })

  it('into a folder with data: shows conflicts and merges only what is accepted', async () => {
    const { patient, org } = await seedBasics(a)
    const c = await a.cases.add({ patientId: patient.id, organizationId: org.id })
    const zip = (await exportAll(a)).bytes
    await fullImporter(b).commit(zip, 'a.zip')
    // Both sides change after the first import.
    await b.patients.update(patient.id, { notes: 'prefers e-mail' })
    await a.patients.update(patient.id, { notes: 'prefers fax' })
    await a.cases.addEvent(c.id, { type: 'request-sent', date: '2026-11-01' })
    const other = await a.patients.add({ name: 'New Person' })
    const zip2 = (await exportAll(a)).bytes
    const p = await fullImporter(b).preview(zip2, 'a2.zip')
    expect(p.emptyFolder).toBe(false)
    expect(p.added.map((x) => x.key)).toEqual([`patient:${other.id}`])
    expect(p.conflicts.map((x) => x.key).sort()).toEqual([`case:${c.id}`, `patient:${patient.id}`].sort())
    expect(p.conflicts.find((x) => x.entity === 'patient')!.changes).toContainEqual({ path: 'notes', ours: 'prefers e-mail', theirs: 'prefers fax' })
    const r = await fullImporter(b).commit(zip2, 'a2.zip', { take: [`case:${c.id}`] })
    expect(r.written).toBe(2)
    expect(b.patients.get(patient.id).notes).toBe('prefers e-mail')
    expect(b.patients.get(other.id).name).toBe('New Person')
    expect((await b.cases.load(c.id)).events).toHaveLength(1)
  })

  it('refuses unsafe or damaged zips with a specific message and leaves the folder unchanged', async () => {
    await seedBasics(a)
    await seedBasics(b)
    const before = await hashFolder(b.dataDir)
    const good = unzipSync((await exportAll(a)).bytes)
    const im = fullImporter(b)
    const tryZip = (bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS) => im.commit(bytes, 'x.zip', {}, {}, limits)
    await expect(tryZip(strToU8('not a zip at all'))).rejects.toThrow(/x.zip: is not a readable zip file/)
    await expect(tryZip(zipSync({ 'notes.txt': strToU8('hello') }))).rejects.toThrow(/is not an Access Advocate export \(no manifest.json/)
    await expect(tryZip(zipSync({ ...good, '../evil.txt': strToU8('x') }))).rejects.toThrow(/"..\/evil.txt" climbs out of the folder/)
    await expect(tryZip(renamed(zipSync({ ...good, 'Xetc/passwd': strToU8('x') }), 'Xetc/passwd', '/etc/passwd'))).rejects.toThrow(/"\/etc\/passwd" is an absolute path/)
    await expect(tryZip(zipSync({ ...good, link: [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }))).rejects.toThrow(/"link" is a symbolic link/)
    await expect(tryZip(zipSync({ ...good, 'records/bomb.bin': new Uint8Array(20 * 1024 * 1024) }))).rejects.toThrow(/unpacks to \d+ times its packed size \(a zip bomb\?\)/)
    await expect(tryZip(zipSync(good), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 100 })).rejects.toThrow(/unpacks to more than 1 KB in all \(a zip bomb\?\)/)
    const tampered = { ...good, 'records/patients.json': strToU8('[]\n') }
    await expect(tryZip(zipSync(tampered))).rejects.toThrow(/records\/patients.json does not match its SHA-256 in the manifest/)
    await expect(tryZip(zipSync({ ...good, 'extra.json': strToU8('{}') }))).rejects.toThrow(/extra.json is in the zip but not in the manifest/)
    expect(await hashFolder(b.dataDir)).toBe(before)
  })
})

describe('zip limits', () => {
  it('bounds each entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-zip-'))
    const s = await testServices(undefined, dir)
    const bytes = zipSync({ 'manifest.json': [new Uint8Array(3 * 1024 * 1024).fill(65), { level: 0 }] })
    await expect(fullImporter(s).preview(bytes, 'big.zip', { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024 })).rejects.toThrow(/entry "manifest.json" unpacks to 3 MB, more than the 1 MB allowed for one file/)
    await s.cleanup()
    await rm(dir, { recursive: true, force: true })
  })
})
