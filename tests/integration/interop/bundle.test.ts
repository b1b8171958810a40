import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../src/services/interop/bundle/bundle'
import { complaintPacketFrom } from '../../../src/services/interop/bundle/packet'
import { findSoffice } from '../../../src/services/letters/archive'
import { testServices, type TestServices } from '../helpers/services'

let s: TestServices
let out: string
beforeEach(async () => {
  s = await testServices()
  out = await mkdtemp(join(tmpdir(), 'aa-bundle-'))
})
afterEach(async () => {
  await s.cleanup()
  await rm(out, { recursive: true, force: true })
})

async function fileOf(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aa-att-'))
  await writeFile(join(dir, name), text)
  return join(dir, name)
}

async function seedCase() {
  const org = await s.organizations.add({ name: 'Mercy General', kind: 'hospital', state: 'CA' })
  const patient = await s.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-29', identifiers: [{ organizationId: org.id, kind: 'mrn', value: 'MRN-556677' }] })
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, references: [{ kind: 'holder-request-id', value: 'REQ-9' }] })
  const rec = await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-09-01', summary: 'Request faxed, confirmation received' })
  await s.attachments.attachFile(c.id, await fileOf('fax confirmation.pdf', '%PDF fax ok'), rec.id)
  const ev = await s.cases.addEvent(c.id, { type: 'follow-up-sent', date: '2026-10-09', summary: 'Follow-up letter (DOB 1980-02-29, MRN-556677)' })
  await s.attachments.attachFile(c.id, await fileOf('follow up.docx', 'letter bytes'), ev.id)
  return c
}

async function unpack(bytes: Uint8Array): Promise<string> {
  const files = unzipSync(bytes)
  for (const [path, b] of Object.entries(files)) {
    await mkdir(dirname(join(out, path)), { recursive: true })
    await writeFile(join(out, path), b)
  }
  return out
}

describe('complaint evidence bundle', () => {
  it('holds the chronology, the exhibits renamed in order, and a MANIFEST.txt that sha256sum -c verifies', async () => {
    const c = await seedCase()
    const b = await buildBundle(s, { caseId: c.id })
    expect(b.exhibits.map((e) => e.fileName)).toEqual(['Exhibit-A-2026-09-01-request-faxed-confirmation-received.pdf', 'Exhibit-B-2026-10-09-follow-up-letter-dob-1980-02-29-mrn-5566.docx'])
    const dir = await unpack(b.bytes)
    expect((await readdir(join(dir, 'Exhibits'))).sort()).toEqual(b.exhibits.map((e) => e.fileName))
    const check = execFileSync('sha256sum', ['-c', 'MANIFEST.txt'], { cwd: dir, encoding: 'utf8' })
    expect(check.trim().split('\n')).toHaveLength(b.files.length - 1)
    expect(check).not.toMatch(/FAILED/)
    const files = unzipSync(b.bytes)
    const doc = strFromU8(unzipSync(files['Chronology.docx']!)['word/document.xml']!)
    expect(doc).toContain('1980-02-29')
    expect(doc).toContain('Exhibit-A-2026-09-01')
    const csv = strFromU8(files['Chronology.csv']!)
    // Day counts from the clock engine: receipt is day 0; the follow-up 38 days later is 8 days past the 1 Oct due date.
    expect(csv).toContain('"2026-09-01","0","","request-received"')
    expect(csv).toContain('"2026-10-09","38","8","follow-up-sent"')
    expect(strFromU8(files['README.txt']!)).toMatch(/complaint packet is not included/)
    // A changed file fails the check.
    await writeFile(join(dir, 'Chronology.csv'), 'tampered')
    expect(() => execFileSync('sha256sum', ['-c', 'MANIFEST.txt'], { cwd: dir, stdio: 'pipe' })).toThrow()
  })

  it('minimum necessary: leaves out unticked exhibits and writes [withheld] for the date of birth and identifiers', async () => {
    const c = await seedCase()
    const b = await buildBundle(s, { caseId: c.id, exclude: ['B'], withhold: { dateOfBirth: true, identifiers: true } })
    expect(b.excluded).toEqual(['B'])
    const named = await buildBundle(s, { caseId: c.id, withhold: { dateOfBirth: true, identifiers: true } })
    expect(named.exhibits[1]!.fileName).toBe('Exhibit-B-2026-10-09-follow-up-letter-dob-withheld-withheld.docx')
    const files = unzipSync(b.bytes)
    expect(Object.keys(files).filter((f) => f.startsWith('Exhibits/'))).toEqual(['Exhibits/Exhibit-A-2026-09-01-request-faxed-confirmation-received.pdf'])
    const doc = strFromU8(unzipSync(files['Chronology.docx']!)['word/document.xml']!)
    const csv = strFromU8(files['Chronology.csv']!)
    for (const text of [doc, csv]) {
      expect(text).not.toContain('1980-02-29')
      expect(text).not.toContain('MRN-556677')
      expect(text).toContain('[withheld]')
    }
    execFileSync('sha256sum', ['-c', 'MANIFEST.txt'], { cwd: await unpack(b.bytes), stdio: 'pipe' })
    await expect(buildBundle(s, { caseId: c.id, exclude: ['Q'] })).rejects.toThrow(/there is no exhibit "Q"/)
  })

  it('holds the OCR complaint packet from the letters service, as DOCX and archive PDF, with withheld values replaced in it too', async () => {
    const c = await seedCase()
    // Without withholding, the packet's chronology quotes the follow-up's summary with both (so the check below is not empty).
    const plain = await buildBundle(s, { caseId: c.id, packet: complaintPacketFrom(s.letters, { soffice: null }) })
    const plainText = strFromU8(unzipSync(unzipSync(plain.bytes)['Complaint-packet.docx']!)['word/document.xml']!)
    expect(plainText).toContain('DOB 1980-02-29, MRN-556677')
    const soffice = await findSoffice()
    const b = await buildBundle(s, { caseId: c.id, withhold: { dateOfBirth: true, identifiers: true }, packet: complaintPacketFrom(s.letters, { soffice }) })
    expect(b.packetIncluded).toBe(true)
    const files = unzipSync(b.bytes)
    const packet = strFromU8(unzipSync(files['Complaint-packet.docx']!)['word/document.xml']!)
    expect(packet).toContain('Mercy General')
    expect(packet).toContain('[withheld]')
    // The letters write a date of birth as "February 29, 1980": that form is withheld too.
    for (const secret of ['1980-02-29', 'February 29, 1980', 'MRN-556677']) expect(packet).not.toContain(secret)
    if (soffice) {
      expect(b.files).toContain('Complaint-packet.pdf')
      expect(strFromU8(files['Complaint-packet.pdf']!.slice(0, 5))).toBe('%PDF-')
      expect(b.packetNote).toBeNull()
    } else {
      expect(b.packetNote).toMatch(/LibreOffice is not installed/)
    }
    expect(strFromU8(files['README.txt']!)).toMatch(/Complaint-packet.docx/)
    execFileSync('sha256sum', ['-c', 'MANIFEST.txt'], { cwd: await unpack(b.bytes), stdio: 'pipe' })
  }, 120_000)

  it('says why the packet is missing when the complaint cannot be made yet (no clock: the request was never logged)', async () => {
    const org = await s.organizations.add({ name: 'Quiet Clinic', kind: 'provider' })
    const patient = await s.patients.add({ name: 'Bo Li' })
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    const b = await buildBundle(s, { caseId: c.id, packet: complaintPacketFrom(s.letters, { soffice: null }) })
    expect(b.packetIncluded).toBe(false)
    expect(b.packetNote).toMatch(/clock/)
    expect(strFromU8(unzipSync(b.bytes)['README.txt']!)).toMatch(/The OCR complaint packet is not included: .*clock/)
  })
})
