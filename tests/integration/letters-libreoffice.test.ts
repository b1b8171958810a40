// Every built-in template's DOCX through headless LibreOffice, in ONE soffice run (each run costs
// 1–3 s of start-up): the PDF opens, has a sane page count, Letter pages and the letter's text; one
// archive copy is checked for PDF/A-2b and tagging. Skipped, with the reason, where soffice is missing.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtInTemplates, buildLetter, type LetterDocument } from '../../src/core/letters'
import { OVERDUE_EVENTS, sources } from '../../src/core/letters/test-fixtures'
import { convertToPdf, findSoffice, pdfPageCount } from '../../src/services/letters/archive'
import { renderDocx } from '../../src/services/letters/docx'

const soffice = await findSoffice()
const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const reason = !soffice ? 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui' : !poppler ? 'poppler-utils (pdfinfo, pdftotext) is not installed' : ''

const VALUES: Record<string, string> = {
  'request.format': 'PDF', 'deliverTo.name': 'Valley Cardiology', 'deliverTo.address': 'records@valley.example', 'extension.noticeDate': 'October 20, 2026', 'fee.amount': '$85.00', 'fee.quoteDate': 'October 12, 2026',
  'denial.date': 'October 15, 2026', 'amendment.record': 'Visit note of March 3, 2026', 'amendment.change': 'Allergy to penicillin', 'practice.contactName': 'HIM', 'practice.contactPhone': '(555) 010-3100',
  'practice.extensionReason': 'the records are archived off site', 'practice.extensionDate': '2026-11-20', 'practice.approximateFee': '$6.50', 'denial.ground': 'endangerment', 'denial.provided': 'all other records', 'denial.reviewAddress': 'Dana Smith, 1 Hospital Way'
}

let dir: string
const docs = new Map<string, LetterDocument>()
let pdfs = new Map<string, Uint8Array>()

describe.skipIf(reason !== '')(`letters through LibreOffice${reason ? ` (skipped: ${reason})` : ''}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aa-lo-'))
    const files: { name: string; bytes: Uint8Array }[] = []
    for (const t of builtInTemplates()) {
      const date = t.id === 'practice-extension-notice' ? '2026-10-20' : '2026-11-10'
      const extra = t.id === 'extension-response' || t.id === 'denial-review' || t.id === 'fee-dispute'
        ? [{ type: 'extension-notice' as const, date: '2026-10-20', reason: 'archived records', newDate: '2026-12-15' }, { type: 'fee-quoted' as const, date: '2026-10-12', amount: 85, includesSearchRetrieval: true, itemization: [{ label: 'Search and retrieval', amount: 60 }, { label: 'Copies', amount: 25 }] }, { type: 'denial' as const, date: '2026-10-15', basis: 'endangerment', reviewable: true }]
        : []
      const values = t.id === 'denial-review' ? Object.fromEntries(Object.entries(VALUES).filter(([k]) => k !== 'denial.ground')) : VALUES
      const r = buildLetter(t, sources(true, [...(t.needsClock ? OVERDUE_EVENTS(true) : []), ...extra], date, { values, projected: !t.needsClock, extensionCap: '2026-12-01' }, t.kinds[0]))
      if (!r.ok) throw new Error(`${t.id}: ${r.refusal ?? r.missing.map((m) => m.path).join(', ')}`)
      docs.set(t.id, r.document)
      files.push({ name: t.id, bytes: await renderDocx(r.document) })
    }
    pdfs = await convertToPdf(files, { archive: true, soffice })
  }, 120_000)
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('every built-in template opens as a PDF with Letter pages, 1–6 of them, and its own text', async () => {
    expect([...pdfs.keys()].sort()).toEqual(builtInTemplates().map((t) => t.id).sort())
    for (const [id, pdf] of pdfs) {
      const file = join(dir, `${id}.pdf`)
      await writeFile(file, pdf)
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
      expect(pages, id).toBeGreaterThanOrEqual(1)
      expect(pages, id).toBeLessThanOrEqual(id === 'ocr-complaint' ? 6 : 4)
      expect(info, id).toMatch(/Page size:\s+612 x 792 pts/)
      // The fax cover's count reads the same number poppler does.
      expect(pdfPageCount(pdf), id).toBe(pages)
      expect(info, id).toContain(`Title:           ${docs.get(id)!.title}`)
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      expect(text, id).toContain('Maria Lopez')
      expect(text, id).toMatch(/Page 1 of \d/)
      expect(text, id).not.toMatch(/undefined|NaN|\{\{|\[\[/)
    }
  })

  it('the archive copy is PDF/A-2b, tagged, in en-US, with headings and table headers as structure', async () => {
    const file = join(dir, 'ocr-complaint.pdf')
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' })
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    expect(Buffer.from(pdfs.get('ocr-complaint')!).toString('latin1')).toMatch(/\/Lang\s*\(en-US\)/)
    const struct = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' })
    for (const tag of ['H1', 'H2', 'Table', 'TH', 'TR']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Sunday, November 1, 2026')
    expect(text).toMatch(/Part C: Exhibit list/)
  })
})
