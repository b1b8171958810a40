// The letter's closing carries who signs: the name, the signature block from settings and, for a
// practice, its office name; the patient writing for themselves never gets the user's block.
import { describe, expect, it } from 'vitest'
import { builtInTemplates, buildLetter, type LetterDocument, type LetterTemplate } from './index'
import { signatureLines } from './signature'
import { OVERDUE_EVENTS, sources } from './test-fixtures'

const byId = (id: string): LetterTemplate => {
  const t = builtInTemplates().find((x) => x.id === id)
  if (!t) throw new Error(`no template ${id}`)
  return t
}
const signatureOf = (d: LetterDocument) => d.blocks.flatMap((b) => (b.kind === 'signature' ? [b.lines] : []))
const senderOf = (d: LetterDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' && b.role === 'sender' ? [b.runs.map((r) => r.text).join('')] : []))
const PRACTICE_VALUES = { 'practice.contactName': 'HIM Department', 'practice.contactPhone': '(555) 010-3100' }

describe('the signature', () => {
  it('a practice letter: the staff member, the signature block’s lines, then the office; sent from the office', () => {
    const r = buildLetter(byId('practice-acknowledgement'), sources(true, OVERDUE_EVENTS(true), '2026-10-05', { values: PRACTICE_VALUES, advocateName: 'Dana Cole', officeName: 'Harbor Family Practice', signatureBlock: 'Records Manager\n  \nHealth Information Management' }))
    if (!r.ok) throw new Error(JSON.stringify(r))
    expect(signatureOf(r.document)).toEqual([['Dana Cole', 'Records Manager', 'Health Information Management', 'Harbor Family Practice']])
    // The office writes: its name heads the letter, never the patient's (the letter is to the patient).
    expect(senderOf(r.document)).toEqual(expect.arrayContaining(['Dana Cole', 'Harbor Family Practice']))
    expect(senderOf(r.document).join(' ')).not.toContain('patient advocate')
    expect(r.document.author).toBe('Dana Cole')
  })

  it('a practice letter without an office name in settings signs for the organisation on the case', () => {
    const r = buildLetter(byId('practice-acknowledgement'), sources(true, OVERDUE_EVENTS(true), '2026-10-05', { values: PRACTICE_VALUES, advocateName: undefined }))
    if (!r.ok) throw new Error(JSON.stringify(r))
    const org = sources(true, [], '2026-10-05').organization.name
    expect(signatureOf(r.document)).toEqual([[org]])
    expect(r.document.author).toBe(org)
  })

  it('an advocate’s letter: the name, the signature block in place of the role, and the office worked for', () => {
    const r = buildLetter(byId('follow-up'), sources(true, OVERDUE_EVENTS(true), '2026-11-10', { officeName: 'Patient Rights Clinic', signatureBlock: 'Senior Advocate\nPatient Rights Clinic' }))
    if (!r.ok) throw new Error(JSON.stringify(r))
    // The office named in the block is not printed twice.
    expect(signatureOf(r.document)).toEqual([['Jordan Reyes', 'Senior Advocate', 'Patient Rights Clinic']])
    const plain = buildLetter(byId('follow-up'), sources(true, OVERDUE_EVENTS(true), '2026-11-10'))
    expect(plain.ok && signatureOf(plain.document)).toEqual([['Jordan Reyes', 'patient advocate']])
  })

  it('the patient writing for themselves signs alone: the settings’ block and office are someone else’s', () => {
    const r = buildLetter(byId('follow-up'), sources(true, OVERDUE_EVENTS(true), '2026-11-10', { advocateName: undefined, officeName: 'Patient Rights Clinic', signatureBlock: 'Senior Advocate' }))
    if (!r.ok) throw new Error(JSON.stringify(r))
    const patient = sources(true, [], '2026-11-10').patient.name
    expect(signatureOf(r.document)).toEqual([[patient, 'patient']])
  })

  it('prints the block as typed: template marks in it are text, not merge fields', () => {
    expect(signatureLines({ name: 'A', signatureBlock: '{{patient.fullName}}\r\nB', signerIsUser: true })).toEqual(['A', '{{patient.fullName}}', 'B'])
    expect(signatureLines({ name: 'A', role: 'r', signatureBlock: 'ignored', signerIsUser: false })).toEqual(['A', 'r'])
  })
})
