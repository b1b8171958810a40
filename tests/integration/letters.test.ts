// Letters through the real services and router: the DOCX unzipped and read, the letter filed in the
// case with a draft event, "Mark sent" moving the clock's ladder, bulk, .eml, fax cover, user templates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import JSZip from 'jszip'
import { findSoffice } from '../../src/services/letters/archive'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers'
import { createRouter } from '../../src/services/router'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract'
import { testServices, type TestServices } from './helpers/services'

const soffice = await findSoffice()
let s: TestServices
let invoke: <C extends Channel>(c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>
beforeEach(async () => {
  s = await testServices('2026-11-10T15:00:00.000Z')
  const router = createRouter(createHandlers(s), { validateOutput: true })
  invoke = async (c, i) => {
    const r = await router.invoke(c, i)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value as never
  }
})
afterEach(async () => {
  await s.cleanup()
})

async function overdueCase(privacyOfficer = true) {
  const patient = await s.patients.add({ name: 'Maria Lopez', dateOfBirth: '1980-02-29' })
  const org = await s.organizations.add({
    name: 'Springfield General Hospital', kind: 'hospital', address: { line1: '1 Hospital Way', city: 'Springfield', state: 'IL', postalCode: '62702' },
    records: { name: 'HIM Department', fax: '(555) 010-3199', email: 'him@sgh.example' }, privacyOfficer: privacyOfficer ? { name: 'Dana Smith', phone: '(555) 010-3000' } : {}
  })
  await s.settings.update({ advocateName: 'Jordan Reyes' })
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, requestedFormat: 'PDF' })
  const sent = await s.cases.addEvent(c.id, { type: 'request-sent', date: '2026-10-02', direction: 'outgoing', channel: 'fax', summary: 'Access request faxed' })
  const files = await mkdtemp(join(tmpdir(), 'aa-letter-files-'))
  for (const [name, text] of [['request.pdf', '%PDF-1.4 request'], ['fax-confirmation.pdf', '%PDF-1.4 confirmation']] as const) {
    await writeFile(join(files, name), text)
    await s.attachments.attachFile(c.id, join(files, name), sent.id)
  }
  await rm(files, { recursive: true, force: true })
  await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-10-02', direction: 'incoming' })
  return c.id
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
  return { document: await read('word/document.xml'), core: await read('docProps/core.xml'), styles: await read('word/styles.xml'), footer: await read('word/footer1.xml'), header: await read('word/header1.xml') }
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

describe('letters: DOCX', () => {
  it('the OCR packet: patient, due date in words, day counts, chronology rows, exhibit labels, and the structure the checklist asks for', async () => {
    const caseId = await overdueCase()
    const letter = await invoke('letters.generate', { caseId, templateId: 'ocr-complaint' })
    const x = await unzip(await s.letters.docxBytes(caseId, letter.id))
    const text = textOf(x.document)
    expect(text).toContain('Maria Lopez')
    expect(text).toContain('Sunday, November 1, 2026')
    expect(text).toContain('9 days after the due date')
    expect(text).toContain('Summary: 1 request sent; not delivered as of November 10, 2026, 39 days after receipt; 9 days past due.')
    // Chronology rows, in cells: No., Date, Day (receipt = 0), Who, What, status, Exhibit.
    expect(text).toContain('1October 2, 20260Jordan ReyesRequest sent by fax: Access request faxed30 days before dueEx. A, B')
    expect(text).toContain('November 1, 202630computedDue date (45 CFR 164.524(b)(2))due todaycomputed')
    expect(text).toMatch(/AExhibit|Arequest\.pdf/)
    expect(text).toContain('Brequest.pdf'.replace('request', 'fax-confirmation'))
    expect(x.document).toContain('<w:tblHeader/>')
    expect(x.document).toMatch(/<w:tblLayout w:type="fixed"\/>/)
    expect(x.document).toMatch(/<w:gridCol w:w="500"\/>/)
    expect(x.document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/)
    expect(x.document).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/)
    expect(x.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/)
    expect(x.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/)
    expect(x.styles).toMatch(/<w:lang w:val="en-US"/)
    expect(x.styles).toContain('Liberation Serif')
    expect(x.core).toContain('<dc:title>Health Information Privacy Complaint (OCR complaint packet): Maria Lopez</dc:title>')
    expect(x.core).toContain('<dc:creator>Jordan Reyes</dc:creator>')
    expect(x.core).toContain('<cp:lastModifiedBy>Jordan Reyes</cp:lastModifiedBy>')
    expect(x.core).not.toContain('Un-named')
    expect(x.footer).toMatch(/PAGE[\s\S]*NUMPAGES/)
    expect(textOf(x.header)).toContain('RE: Maria Lopez')
  })

  it('refuses to generate with a required field missing, naming it, and the preview lists it', async () => {
    const caseId = await overdueCase(false)
    const prepared = await invoke('letters.prepare', { caseId, templateId: 'privacy-officer-escalation' })
    expect(prepared).toMatchObject({ missing: [{ path: 'holder.privacyOfficer' }], html: null })
    await expect(invoke('letters.generate', { caseId, templateId: 'privacy-officer-escalation' })).rejects.toThrow(/INVALID_INPUT: letter: these required fields are missing: holder.privacyOfficer/)
    const filled = await invoke('letters.prepare', { caseId, templateId: 'privacy-officer-escalation', values: { 'holder.privacyOfficer': 'Jane Roe' } })
    expect(filled.html).toContain('Dear Jane Roe:')
    // The typed value is kept with the letter, so its page for "Save as PDF" says the same.
    const made = await invoke('letters.generate', { caseId, templateId: 'privacy-officer-escalation', values: { 'holder.privacyOfficer': 'Jane Roe' } })
    expect(made.values).toEqual({ 'holder.privacyOfficer': 'Jane Roe' })
    const page = (await invoke('letters.html', { caseId, letterId: made.id })).html
    expect(page).toMatch(/^<!doctype html><html lang="en-US">/)
    expect(page).toContain('@page { size: Letter; margin: 1in; }')
    expect(page).toContain('Dear Jane Roe:')
    expect(filled.html).not.toMatch(/<script/)
    await expect(invoke('letters.prepare', { caseId, templateId: 'follow-up', values: { 'clock.due': '2027-01-01' } })).rejects.toThrow(/computed .* cannot be typed/)
  })
})

describe('letters: filed in the case', () => {
  it('generating saves the DOCX and a draft event; Mark sent turns it into the step and the ladder moves on', async () => {
    const caseId = await overdueCase()
    expect((await invoke('cases.get', { id: caseId })).clock).toMatchObject({ result: { nextStep: { step: 'follow-up' } } })
    const letter = await invoke('letters.generate', { caseId, templateId: 'privacy-officer-escalation' })
    let view = await invoke('cases.get', { id: caseId })
    expect(view.case.letters).toEqual([expect.objectContaining({ id: letter.id, template: 'privacy-officer-escalation', templateVersion: 1, status: 'draft' })])
    const draft = view.case.events.find((e) => e.id === letter.eventId)
    expect(draft).toMatchObject({ type: 'letter-draft', letterId: letter.id, attachments: [letter.file] })
    expect(Buffer.from(await s.store.attachments.read(letter.file.sha256)).equals(Buffer.from(await s.letters.docxBytes(caseId, letter.id)))).toBe(true)
    // A draft moves nothing.
    expect(view.clock).toMatchObject({ result: { nextStep: { step: 'follow-up' } } })

    const sent = await invoke('letters.markSent', { caseId, letterId: letter.id, date: '2026-11-10', channel: 'certified-mail', channelDetail: 'article no. 9407 1000 0000 0000 0001', proof: { name: 'receipt.jpg', base64: Buffer.from('jpeg').toString('base64') } })
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2026-11-10' })
    view = await invoke('cases.get', { id: caseId })
    const event = view.case.events.find((e) => e.id === letter.eventId)
    expect(event).toMatchObject({ type: 'privacy-officer-escalation', channel: 'certified-mail', proofOfDelivery: 'article no. 9407 1000 0000 0000 0001' })
    expect(event?.attachments.map((a) => a.name)).toEqual([letter.file.name, 'receipt.jpg'])
    expect(view.clock).toMatchObject({ result: { nextStep: { step: 'notice-of-intent', due: '2026-11-17' } } })
    await expect(invoke('letters.markSent', { caseId, letterId: letter.id, date: '2026-11-10', channel: 'fax' })).rejects.toThrow(/already marked sent/)
  })

  it('.eml draft and fax cover sheet', async () => {
    const caseId = await overdueCase()
    const letter = await invoke('letters.generate', { caseId, templateId: 'follow-up' })
    const eml = Buffer.from(await s.store.attachments.read((await invoke('letters.eml', { caseId, letterId: letter.id })).sha256)).toString('utf8')
    expect(eml).toMatch(/^X-Unsent: 1\r\n/)
    expect(eml).toContain('To: HIM Department <him@sgh.example>\r\n')
    expect(eml).toMatch(/Subject: Follow-up on a request for access: Maria Lopez \(our ref\. case-\d+\)/)
    expect(eml).toContain(`filename="${letter.file.name}"`)
    const cover = await invoke('letters.faxCover', { caseId, letterId: letter.id, pages: 2 })
    const text = textOf((await unzip(await s.store.attachments.read(cover.sha256))).document)
    expect(text).toContain('(555) 010-3199')
    expect(text).toContain('3 (including this cover sheet)')
    expect((await invoke('cases.get', { id: caseId })).case.letters[0]?.extraFiles.map((f) => f.type)).toEqual(['message/rfc822', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'])
  })

  it.skipIf(!soffice)('a fax cover with no page count given counts the letter\u2019s pages (LibreOffice lays it out) and files that PDF', async () => {
    const caseId = await overdueCase()
    const letter = await invoke('letters.generate', { caseId, templateId: 'privacy-officer-escalation' })
    const cover = await invoke('letters.faxCover', { caseId, letterId: letter.id })
    const extra = (await invoke('cases.get', { id: caseId })).case.letters[0]!.extraFiles
    const pdf = extra.find((f) => f.type === 'application/pdf')!
    expect(pdf.name).toBe(letter.file.name.replace(/\.docx$/, '.pdf'))
    const dir = await mkdtemp(join(tmpdir(), 'aa-fax-'))
    await writeFile(join(dir, 'l.pdf'), await s.store.attachments.read(pdf.sha256))
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'l.pdf')], { encoding: 'utf8' }))?.[1])
    await rm(dir, { recursive: true, force: true })
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(textOf((await unzip(await s.store.attachments.read(cover.sha256))).document)).toContain(`${pages + 1} (including this cover sheet)`)
  }, 60_000)

  it('bulk: one letter per overdue case, the others skipped with the reason, progress per case', async () => {
    const caseId = await overdueCase(false)
    const patient = (await s.patients.list())[0]!
    const other = await s.cases.add({ patientId: patient.id, organizationId: (await invoke('cases.get', { id: caseId })).case.organizationId })
    const seen: string[] = []
    const r = await s.letters.bulk({ templateId: 'privacy-officer-escalation', caseIds: [caseId, other.id] }, { onCase: (e) => seen.push(`${e.index + 1}/${e.total} ${e.caseId} ${e.made ? 'made' : 'skipped'}`) })
    expect(r.made).toEqual([])
    expect(r.skipped).toEqual([{ caseId, reason: 'missing holder.privacyOfficer', patient: 'Maria Lopez' }, { caseId: other.id, reason: expect.stringMatching(/log when the request was sent/), patient: 'Maria Lopez' }])
    expect(seen).toEqual([`1/2 ${caseId} skipped`, `2/2 ${other.id} skipped`])
    const ok = await s.letters.bulk({ templateId: 'privacy-officer-escalation', filter: 'overdue', values: { 'holder.privacyOfficer': 'Privacy Officer' } })
    expect(ok.made.map((m) => m.caseId)).toEqual([caseId])
    // A case named twice gets one letter, never two written over each other.
    const twice = await s.letters.bulk({ templateId: 'follow-up', caseIds: [caseId, caseId] })
    expect(twice.made.map((m) => m.caseId)).toEqual([caseId])
    expect((await s.cases.load(caseId)).letters.map((l) => l.template)).toEqual(['privacy-officer-escalation', 'follow-up'])
    const controller = new AbortController()
    controller.abort()
    expect(await s.letters.bulk({ templateId: 'follow-up', filter: 'overdue' }, { signal: controller.signal })).toMatchObject({ made: [], cancelled: true })
  })
})

describe('letters: templates the user owns', () => {
  it('duplicate, edit, save as a new version; the letter records id and version; built-ins are never overwritten', async () => {
    const caseId = await overdueCase()
    const copy = await invoke('letters.duplicateTemplate', { templateId: 'follow-up' })
    expect(copy).toMatchObject({ id: 'my-follow-up', version: 1, base: 'follow-up' })
    const edited = await invoke('letters.saveTemplate', { template: { ...copy, body: `${copy.body}\nWith thanks, {{sender.name}}.` } })
    expect(edited.version).toBe(2)
    const letter = await invoke('letters.generate', { caseId, templateId: 'my-follow-up' })
    expect(letter).toMatchObject({ template: 'my-follow-up', templateVersion: 2 })
    expect(textOf((await unzip(await s.letters.docxBytes(caseId, letter.id))).document)).toContain('With thanks, Jordan Reyes.')
    const older = await invoke('letters.prepare', { caseId, templateId: 'my-follow-up', templateVersion: 1 })
    expect(older.text).not.toContain('With thanks')
    await expect(invoke('letters.saveTemplate', { template: { ...copy, id: 'follow-up' } })).rejects.toThrow(/built-in template and cannot be changed/)
    await expect(invoke('letters.saveTemplate', { template: { ...copy, body: 'Dear {{patient.nmae}}' } })).rejects.toThrow(/patient\.nmae.*is not a merge field/)
    const list = await invoke('letters.templates', {})
    expect(list.find((t) => t.id === 'my-follow-up')).toMatchObject({ builtIn: false, version: 2, versions: [1, 2] })
    expect(list.find((t) => t.id === 'follow-up')).toMatchObject({ builtIn: true, version: 1 })
  })
})

describe('letters: who signs', () => {
  it('a practice’s letter carries the staff member, the signature block and the office name, in the DOCX and in the preview', async () => {
    const patient = await s.patients.add({ name: 'Jordan Patel', contact: { address: '4 Elm St, Springfield, IL 62701' } })
    const org = await s.organizations.add({ name: 'Harbor Family Practice LLC', kind: 'provider', address: { line1: '9 Harbor Rd', city: 'Springfield', state: 'IL', postalCode: '62702' }, records: { phone: '(555) 010-4000' } })
    await invoke('settings.update', { advocateName: 'Dana Cole', officeName: 'Harbor Family Practice', signatureBlock: 'Records Manager\nHealth Information Management' })
    const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, perspective: 'practice' })
    await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-11-02', direction: 'incoming', channel: 'fax' })
    const values = { 'practice.contactName': 'Dana Cole', 'practice.contactPhone': '(555) 010-4000' }

    const prepared = await invoke('letters.prepare', { caseId: c.id, templateId: 'practice-acknowledgement', values })
    expect(prepared.html).toContain('<div class="signature"><p>Dana Cole</p><p>Records Manager</p><p>Health Information Management</p><p>Harbor Family Practice</p></div>')

    const letter = await invoke('letters.generate', { caseId: c.id, templateId: 'practice-acknowledgement', values })
    const x = await unzip(await s.letters.docxBytes(c.id, letter.id))
    const signature = [...x.document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?w:val="LetterSignature"(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => textOf(m[0]))
    expect(signature).toEqual(['Dana Cole', 'Records Manager', 'Health Information Management', 'Harbor Family Practice'])
    // The office heads the letter as its sender; the patient is the addressee, not the writer.
    expect(textOf(x.document)).toMatch(/^Dana ColeHarbor Family Practice9 Harbor Rd, Springfield, IL 62702/)
    expect(x.core).toContain('<dc:creator>Dana Cole</dc:creator>')

    // Cleared in settings: the closing falls back to the organisation on the case.
    await invoke('settings.update', { officeName: null, signatureBlock: null })
    const plain = await invoke('letters.prepare', { caseId: c.id, templateId: 'practice-acknowledgement', values })
    expect(plain.html).toContain('<div class="signature"><p>Dana Cole</p><p>Harbor Family Practice LLC</p></div>')
  })
})
