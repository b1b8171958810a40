import { describe, expect, it } from 'vitest'
import { builtInTemplates, CITATIONS, DIRECTIVES, FIELD_PATHS, LetterTemplateSchema, buildLetter, documentText, namesIn, templateNames, type LetterTemplate } from './index'
import { BAD_OUTPUT } from './model'
import { OVERDUE_EVENTS, sources } from './test-fixtures'

const byId = (id: string): LetterTemplate => {
  const t = builtInTemplates().find((x) => x.id === id)
  if (!t) throw new Error(`no template ${id}`)
  return t
}

/** Values that satisfy every template's required fields, for the "full" run. */
const FILL: Record<string, string> = {
  'request.format': 'PDF', 'deliverTo.name': 'Dr. Lee, Valley Cardiology', 'deliverTo.address': 'records@valleycardio.example', 'extension.noticeDate': 'October 20, 2026',
  'fee.amount': '$85.00', 'fee.quoteDate': 'October 12, 2026', 'denial.date': 'October 15, 2026', 'amendment.record': 'Visit note of March 3, 2026', 'amendment.change': 'Allergy to penicillin, not to aspirin',
  'practice.contactName': 'HIM Department', 'practice.contactPhone': '(555) 010-3100', 'practice.extensionReason': 'the records are archived off site', 'practice.extensionDate': '2026-11-20',
  'practice.approximateFee': '$6.50', 'denial.ground': 'psychotherapy-notes', 'denial.provided': 'all other records', 'holder.privacyOfficer': 'Privacy Officer', 'holder.privacyOfficerPhone': '(555) 010-3000', 'ocr.goodCauseStatement': 'The patient was in hospital.'
}

describe('every built-in template', () => {
  it('ladder letters exist for every escalation step', () => {
    for (const step of ['follow-up', 'privacy-officer-escalation', 'notice-of-intent', 'ocr-complaint', 'information-blocking-report']) {
      expect(builtInTemplates().find((t) => t.id === step)?.steps).toContain(step)
    }
  })

  it('cites only entries of the citation table, and types no citation of its own', () => {
    for (const t of builtInTemplates()) {
      for (const name of templateNames(t)) {
        const [head, id] = name.split('.')
        if (head === 'law' || head === 'cite') expect(Object.keys(CITATIONS), `${t.id}: ${name}`).toContain(id)
        else expect(FIELD_PATHS.has(name), `${t.id}: ${name}`).toBe(true)
      }
      const text = [t.attention, ...t.re, t.salutation, t.body, ...t.enclosures, ...t.cc].join('\n')
      expect(text, t.id).not.toMatch(/CFR|\d{3}\.\d{3}|§/)
      for (const f of [...t.required, ...t.optional]) expect(FIELD_PATHS.has(f), `${t.id}: ${f}`).toBe(true)
    }
  })

  it('the citation table has the paragraph numbers public kits get wrong right', () => {
    expect(CITATIONS.accessExtension.cite).toBe('45 CFR 164.524(b)(2)(iii)')
    expect(CITATIONS.accessDeadline.cite).toBe('45 CFR 164.524(b)(2)')
    expect(CITATIONS.thirdPartyDirective.cite).toBe('45 CFR 164.524(c)(3)(ii)')
    for (const c of Object.values(CITATIONS)) expect(c.statement.endsWith(`(${c.cite}).`)).toBe(true)
  })

  for (const t of builtInTemplates()) {
    for (const full of [false, true]) {
      it(`${t.id} on a ${full ? 'full' : 'sparse'} case never prints a missing value or template syntax`, () => {
        const date = t.id === 'practice-extension-notice' ? '2026-10-20' : '2026-11-10'
        const events = t.needsClock ? OVERDUE_EVENTS(full) : []
        const extra = t.id === 'extension-response' || t.id === 'denial-review' || t.id === 'fee-dispute'
          ? [...events, { type: 'extension-notice' as const, date: '2026-10-20', reason: 'archived records', newDate: '2026-12-15' }, { type: 'fee-quoted' as const, date: '2026-10-12', amount: 85, includesSearchRetrieval: true, itemization: [{ label: 'Search and retrieval', amount: 60 }, { label: 'Copies', amount: 25 }] }, { type: 'denial' as const, date: '2026-10-15', basis: 'endangerment', reviewable: true }]
          : events
        // The practice's closed-list ground would override the denial recorded on the case.
        const values = full ? Object.fromEntries(Object.entries(FILL).filter(([k]) => t.id === 'practice-denial' || k !== 'denial.ground')) : {}
        const src = sources(full, extra, date, { values, projected: !t.needsClock, extensionCap: '2026-12-01' }, t.kinds[0])
        const r = buildLetter(t, src)
        if (!r.ok) {
          expect(full, `${t.id} full should build: ${r.refusal ?? r.missing.map((m) => m.path).join(', ')}`).toBe(false)
          // Sparse: every missing field is one the template declares required.
          for (const m of r.missing) expect([...t.required, ...t.requiredWhen.flatMap((w) => w.fields)]).toContain(m.path)
          return
        }
        const text = documentText(r.document)
        expect(text).not.toMatch(BAD_OUTPUT)
        // No bare label left by an empty value ("MRN:"), and no empty brackets; salutations end in a colon.
        const bare = text.split('\n').filter((l) => /:\s*$/.test(l) && !/^(Dear |To |Enclosures \()/.test(l))
        expect(bare).toEqual([])
        expect(text).not.toMatch(/\(\s*\)/)
        expect(text).toContain('Maria Lopez')
        expect(r.document.author).not.toBe('')
        if (t.needsClock && extra === events && templateNames(t).includes('clock.due')) expect(text).toContain('Sunday, November 1, 2026')
      })
    }
  }
})

describe('merge fields', () => {
  it('an empty optional field removes its whole line: no bare "MRN:"', () => {
    const sparse = buildLetter(byId('follow-up'), sources(false, OVERDUE_EVENTS(false), '2026-10-26'))
    const full = buildLetter(byId('follow-up'), sources(true, OVERDUE_EVENTS(true), '2026-10-26'))
    if (!sparse.ok || !full.ok) throw new Error('should build')
    expect(documentText(full.document)).toContain('MRN: MRN-778')
    expect(documentText(sparse.document)).not.toMatch(/MRN|Date of birth/)
  })

  it('lists every required field that is missing, and builds once they are given', () => {
    const t = byId('privacy-officer-escalation')
    const r = buildLetter(t, sources(false, OVERDUE_EVENTS(false), '2026-11-10'))
    expect(r).toMatchObject({ ok: false, missing: [{ path: 'holder.privacyOfficer', label: 'Privacy officer (name or title)' }] })
    const filled = buildLetter(t, sources(false, OVERDUE_EVENTS(false), '2026-11-10', { values: { 'holder.privacyOfficer': 'Jane Roe' } }))
    expect(filled.ok && documentText(filled.document)).toContain('Dear Jane Roe:')
  })

  it('the deadline is the clock engine\u2019s date with its weekday, and the day counts are the clock\u2019s', () => {
    const src = sources(true, OVERDUE_EVENTS(true), '2026-11-10')
    const r = buildLetter(byId('privacy-officer-escalation'), src)
    if (!r.ok) throw new Error('should build')
    const text = documentText(r.document)
    expect(src.clock?.due).toBe('2026-11-01')
    expect(src.clock?.daysLate).toBe(9)
    expect(text).toContain('You were required to act by Sunday, November 1, 2026 (45 CFR 164.524(b)(2)).')
    expect(text).toContain('As of November 10, 2026 you are 9 days late.')
    expect(text).toContain(`by ${'Saturday, May 1, 2027'}`)
    const before = buildLetter(byId('follow-up'), sources(true, OVERDUE_EVENTS(true), '2026-10-26'))
    expect(before.ok && documentText(before.document)).toContain('which is 6 days from the date of this letter')
  })

  it('refuses a template naming an unknown field, partials, or a citation not in the table', () => {
    const base = { ...byId('follow-up'), version: 1 }
    expect(LetterTemplateSchema.safeParse({ ...base, body: 'Hello {{patient.fullname}}' }).error?.issues[0]?.message).toMatch(/"\{\{patient.fullname\}\}" is not a merge field/)
    expect(LetterTemplateSchema.safeParse({ ...base, body: '{{> evil}}' }).success).toBe(false)
    expect(LetterTemplateSchema.safeParse({ ...base, body: '{{law.madeUp}}' }).error?.issues[0]?.message).toMatch(/not in the citation table/)
    expect(LetterTemplateSchema.safeParse({ ...base, body: '{{constructor}}' }).success).toBe(false)
    expect(LetterTemplateSchema.safeParse({ ...base, body: '[[nonsense]]' }).success).toBe(false)
    expect(() => namesIn('{{#flags.overdue}}open')).toThrow(/same line/)
    expect(DIRECTIVES).toContain('chronology')
  })
})

describe('the OCR complaint packet', () => {
  const build = (date: string, values: Record<string, string> = {}) => buildLetter(byId('ocr-complaint'), sources(true, OVERDUE_EVENTS(true), date, { values }))

  it('has a numbered chronology (receipt is day 0) with computed rows and a summary, and every exhibit label in both tables', () => {
    const r = build('2026-11-10')
    if (!r.ok) throw new Error('should build')
    const tables = r.document.blocks.filter((b) => b.kind === 'table')
    const chrono = tables.find((t) => t.title === 'Chronology')!
    const exhibits = tables.find((t) => t.title === 'Exhibit list')!
    expect(chrono.columns.map((c) => c.header)).toEqual(['No.', 'Date', 'Day', 'Who', 'What happened', 'Deadline status', 'Exhibit'])
    expect(chrono.rows.map((row) => row[0])).toEqual(chrono.rows.map((_, i) => String(i + 1)))
    expect(chrono.rows[0]).toEqual(['1', 'October 2, 2026', '0', 'Jordan Reyes', 'Request sent by fax: Access request faxed', '30 days before due', 'Ex. A, B'])
    expect(chrono.rows.find((row) => row[4]!.startsWith('Due date'))).toEqual(['4', 'November 1, 2026', '30', 'computed', 'Due date (45 CFR 164.524(b)(2))', 'due today', 'computed'])
    expect(chrono.rows.find((row) => row[4]!.startsWith('Complaint window'))?.[4]).toBe('Complaint window closes (45 CFR 160.306(b)(3))')
    expect(documentText(r.document)).toContain('Summary: 2 requests and follow-ups sent; not delivered as of November 10, 2026, 39 days after receipt; 9 days past due.')
    const cited = new Set(chrono.rows.flatMap((row) => (row[6]!.startsWith('Ex. ') ? row[6]!.slice(4).split(', ') : [])))
    const listed = exhibits.rows.map((row) => row[0])
    expect(listed).toEqual(['A', 'B', 'C'])
    expect([...cited].sort()).toEqual(listed)
    // Cross-checked against the case's attachments: one label per stored file, in order of first reference.
    const attached = sources(true, OVERDUE_EVENTS(true), '2026-11-10').case.events.flatMap((e) => e.attachments.map((a) => a.sha256))
    expect(r.document.exhibits.map((e) => e.sha256)).toEqual([...new Set(attached)])
  })

  it('follows the HHS form\u2019s fields in order', () => {
    const r = build('2026-11-10')
    if (!r.ok) throw new Error('should build')
    const headings = r.document.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    const order = ['Part A: Complaint', '1–4. Complainant', '6–7. Filing for someone else?', '8. Entity', '10. When the violation occurred', '11. What happened', 'Findings', '12. Signature', 'Part B: Chronology', 'Part C: Exhibit list']
    expect(headings.filter((h) => order.includes(h))).toEqual(order)
  })

  it('after the 180-day window asks for the good-cause statement, then adds the waiver section', () => {
    expect(build('2027-06-01')).toMatchObject({ ok: false, missing: [{ path: 'ocr.goodCauseStatement' }] })
    const r = build('2027-06-01', { 'ocr.goodCauseStatement': 'The patient was in hospital from May to June 2027.' })
    if (!r.ok) throw new Error('should build')
    const text = documentText(r.document)
    expect(text).toContain('Request for waiver of the time limit for good cause')
    expect(text).toContain('The Secretary may waive the time limit if good cause is shown (45 CFR 160.306(b)(3)). The patient was in hospital')
  })
})

describe('safeguards', () => {
  it('the fee dispute is not offered for a third-party directive (Ciox)', () => {
    const r = buildLetter(byId('fee-dispute'), sources(true, OVERDUE_EVENTS(true), '2026-11-10', {}, 'access-third-party'))
    expect(r).toMatchObject({ ok: false })
    expect(!r.ok && r.refusal).toMatch(/Ciox/)
  })

  it('an extension notice dated after the original due date is refused; a promised date beyond the cap too', () => {
    const t = byId('practice-extension-notice')
    const values = { 'practice.extensionReason': 'archived', 'practice.contactName': 'HIM', 'practice.contactPhone': '1', 'practice.extensionDate': '2026-11-20' }
    expect(buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-11-02', { values }))).toMatchObject({ ok: false, refusal: expect.stringMatching(/after the original due date \(2026-11-01\)/) })
    expect(buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-10-20', { values: { ...values, 'practice.extensionDate': '2026-12-05' }, extensionCap: '2026-12-01' }))).toMatchObject({ ok: false, refusal: expect.stringMatching(/latest permissible date is 2026-12-01/) })
    const ok = buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-10-20', { values, extensionCap: '2026-12-01' }))
    expect(ok.ok && documentText(ok.document)).toContain('We will complete our action by Friday, November 20, 2026.')
  })

  it('a written denial refuses without the complaint contact, and gives review rights only for a reviewable ground', () => {
    const t = byId('practice-denial')
    const base = { 'denial.provided': 'the rest of the chart' }
    const sparse = buildLetter(t, sources(false, OVERDUE_EVENTS(false), '2026-10-20', { values: { ...base, 'denial.ground': 'psychotherapy-notes' } }))
    expect(!sparse.ok && sparse.missing.map((m) => m.path)).toEqual(['holder.privacyOfficer', 'holder.privacyOfficerPhone'])
    const unreviewable = buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-10-20', { values: { ...base, 'denial.ground': 'psychotherapy-notes' } }))
    const text = unreviewable.ok ? documentText(unreviewable.document) : ''
    expect(text).toContain('This ground carries no right of review')
    expect(text).not.toContain('Your right to a review')
    expect(text).toContain('Dana Smith, Privacy Officer, telephone (555) 010-3000')
    const reviewable = buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-10-20', { values: { ...base, 'denial.ground': 'endangerment' } }))
    expect(reviewable).toMatchObject({ ok: false, missing: [{ path: 'denial.reviewAddress' }] })
    expect(buildLetter(t, sources(true, OVERDUE_EVENTS(true), '2026-10-20', { values: { ...base, 'denial.ground': 'it felt wrong' } }))).toMatchObject({ ok: false, refusal: expect.stringMatching(/not one of/) })
  })

  it('the acknowledgement never calls itself required', () => {
    const r = buildLetter(byId('practice-acknowledgement'), sources(true, OVERDUE_EVENTS(true), '2026-10-05', { values: FILL }))
    expect(r.ok && documentText(r.document)).toMatch(/courtesy/)
    expect(r.ok && documentText(r.document)).not.toMatch(/required|must acknowledge/i)
  })
})
