// Builds a letter: the template's text with the case's facts, the computed tables, and the letter
// skeleton (sender, date, delivery line, inside address, RE block, salutation, body, close,
// signature, enclosures, cc). Pure: the letter date is an argument. Refuses rather than guesses.
import { FIELD_CATALOGUE } from './catalogue'
import { buildChronology, type Chronology } from './chronology'
import { longDate, money, plainDate } from './dates'
import { renderLine, TemplateError } from './engine'
import { buildFacts, lookup, type Facts, type LetterSources } from './facts'
import { checkGuards } from './guards'
import { signatureLines } from './signature'
import { BAD_OUTPUT, PAGE, documentText, type Block, type LetterDocument, type Run } from './model'
import type { Directive, LetterTemplate } from './template'

export type MissingField = { path: string; label: string }

export type BuildResult =
  | { ok: true; document: LetterDocument; facts: Facts }
  | { ok: false; missing: MissingField[]; refusal: string | null }

const labelOf = (path: string) => FIELD_CATALOGUE.find((f) => f.path === path)?.label ?? path

/** `**bold**` marks in a line become bold runs. */
function runs(text: string): Run[] {
  const out: Run[] = []
  text.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    if (part === '') return
    if (part.startsWith('**') && part.endsWith('**')) out.push({ text: part.slice(2, -2), bold: true })
    else out.push({ text: part })
  })
  return out
}

const CHRONO_COLUMNS = [
  { header: 'No.', width: 500 },
  { header: 'Date', width: 1450 },
  { header: 'Day', width: 550 },
  { header: 'Who', width: 1400 },
  { header: 'What happened', width: 2800 },
  { header: 'Deadline status', width: 1360 },
  { header: 'Exhibit', width: 1300 }
]
const EXHIBIT_COLUMNS = [
  { header: 'Exhibit', width: 1000 },
  { header: 'Description', width: 4960 },
  { header: 'Date', width: 1500 },
  { header: 'File (SHA-256)', width: 1900 }
]
const FEE_COLUMNS = [
  { header: 'Item', width: 7000 },
  { header: 'Amount', width: 2360 }
]

function directiveBlocks(d: Directive, src: LetterSources, chrono: Chronology): Block[] {
  const clock = src.clock
  switch (d) {
    case 'chronology':
      return [
        {
          kind: 'table',
          title: 'Chronology',
          columns: CHRONO_COLUMNS,
          rows: chrono.rows.map((r) => [String(r.no), plainDate(r.date), r.day, r.who, r.what, r.status, r.computed ? 'computed' : r.exhibits.length > 0 ? `Ex. ${r.exhibits.join(', ')}` : 'no document'])
        },
        { kind: 'paragraph', runs: [{ text: chrono.summary }] }
      ]
    case 'exhibits':
      return chrono.exhibits.length === 0
        ? [{ kind: 'paragraph', runs: [{ text: 'No documents are attached to the case yet.' }] }]
        : [{ kind: 'table', title: 'Exhibit list', columns: EXHIBIT_COLUMNS, rows: chrono.exhibits.map((e) => [e.label, e.title, plainDate(e.date), `${e.sha256.slice(0, 16)}…`]) }]
    case 'findings': {
      const findings = clock?.findings ?? []
      return findings.length === 0 ? [] : [{ kind: 'list', ordered: false, items: findings.map((f) => [{ text: `${f.message} (arose ${plainDate(f.date)}; ${f.citation})` }]) }]
    }
    case 'fee-items': {
      const fee = [...src.case.events].reverse().find((e) => e.type === 'fee-quoted')
      if (!fee || fee.type !== 'fee-quoted' || fee.itemization.length === 0) return []
      return [{ kind: 'table', title: 'Fee as quoted', columns: FEE_COLUMNS, rows: [...fee.itemization.map((i) => [i.label, money(i.amount)]), ['Total quoted', money(fee.amount)]] }]
    }
    case 'dates':
      return chrono.rows.length === 0 ? [] : [{ kind: 'list', ordered: false, items: chrono.rows.map((r) => [{ text: `${longDate(r.date)}: ${r.what}` }]) }]
  }
}

/** A heading whose section lost every line (all its fields optional and empty) goes too. */
function dropEmptyHeadings(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!
    if (b.kind !== 'heading') continue
    const next = blocks[i + 1]
    if (!next || (next.kind === 'heading' && next.level <= b.level)) blocks.splice(i, 1)
  }
}

export function buildLetter(template: LetterTemplate, src: LetterSources): BuildResult {
  if (template.needsClock && !src.clock) {
    return { ok: false, missing: [], refusal: 'This letter needs the case\u2019s clock: log when the request was sent or received first.' }
  }
  const facts = buildFacts({ ...src, recipient: template.recipient, side: template.side })
  const refusal = checkGuards(template, src, facts)
  if (refusal) return { ok: false, missing: [], refusal }

  const required = new Set(template.required)
  for (const r of template.requiredWhen) if (lookup(facts, r.flag) === true) for (const f of r.fields) required.add(f)
  const missing = new Set<string>([...required].filter((p) => lookup(facts, p) === undefined))

  const line = (text: string, where: string): string | null => {
    const r = renderLine(text, facts, required, where)
    if ('missing' in r) {
      r.missing.forEach((m) => missing.add(m))
      return null
    }
    return 'dropped' in r ? null : r.text
  }
  const lines = (list: ReadonlyArray<string>, where: string) => list.map((l, i) => line(l, `${where} ${i + 1}`)).filter((l): l is string => l !== null)

  const chrono = buildChronology(src.case, src.clock, src.letterDate, { sender: String(lookup(facts, 'sender.name') ?? 'Sender'), holder: src.organization.name })
  const blocks: Block[] = []
  const para = (text: string, role: Extract<Block, { kind: 'paragraph' }>['role'] = 'body', keepNext = false) =>
    blocks.push({ kind: 'paragraph', runs: runs(text), role, ...(keepNext ? { keepNext } : {}) })

  for (const l of lines(['**{{sender.name}}**', '{{sender.org}}', '{{sender.address}}', '{{sender.phone}}', '{{sender.email}}'], 'sender')) para(l, 'sender')
  para(plainDate(src.letterDate), 'date')
  for (const l of lines(['By {{letter.channel}}{{#letter.channelDetail}} ({{letter.channelDetail}}){{/letter.channelDetail}}'], 'delivery')) para(l, 'delivery')
  const inside =
    template.recipient === 'patient'
      ? ['{{patient.fullName}}', template.attention, '{{patient.address}}']
      : template.recipient === 'holder'
        ? ['{{holder.legalName}}', template.attention, '{{holder.addressLine}}', '{{holder.cityLine}}']
        : ['{{office.name}}', template.attention, '{{office.line1}}', '{{office.line2}}', '{{office.line3}}']
  for (const l of lines(inside, 'inside address')) para(l, 'address')
  const re = lines(template.re, 're')
  re.forEach((l, i) => para(i === 0 ? `**RE: ${l}**` : l, 're'))
  const salutation = line(template.salutation, 'salutation')
  if (salutation) para(salutation, 'salutation')

  let list: Extract<Block, { kind: 'list' }> | null = null
  template.body.split('\n').forEach((raw, i) => {
    const where = `body line ${i + 1}`
    const directive = /^\s*\[\[(.*)\]\]\s*$/.exec(raw)
    if (directive) {
      list = null
      blocks.push(...directiveBlocks(directive[1] as Directive, src, chrono))
      return
    }
    if (raw.trim() === '') {
      list = null
      return
    }
    // Rendered first, then read for markup: a section may wrap a whole heading or list item.
    const rendered = line(raw, where)
    // A list item or heading whose only content was a section not taken is no line at all.
    if (rendered === null || /^(#{1,2}|-|\d+\.)$/.test(rendered)) return
    const m = /^(#{1,2}) (.*)$|^(-|\d+\.) (.*)$/.exec(rendered)
    const text = m ? (m[2] ?? m[4] ?? '').trim() : rendered
    if (text === '') return
    if (m?.[1]) {
      list = null
      blocks.push({ kind: 'heading', level: m[1].length as 1 | 2, text })
    } else if (m?.[3]) {
      const ordered = m[3] !== '-'
      if (!list || list.ordered !== ordered) {
        list = { kind: 'list', ordered, items: [] }
        blocks.push(list)
      }
      list.items.push(runs(text))
    } else {
      list = null
      para(text)
    }
  })

  dropEmptyHeadings(blocks)
  const close = line(template.close, 'close')
  if (close) para(close, 'close', true)
  const senderFact = (k: string) => {
    const v = lookup(facts, `sender.${k}`)
    return typeof v === 'string' ? v : undefined
  }
  const signerIsUser = template.side === 'practice' || Boolean(src.advocateName)
  blocks.push({ kind: 'signature', lines: signatureLines({ name: senderFact('name'), role: senderFact('role'), org: senderFact('org'), signatureBlock: src.signatureBlock, signerIsUser }) })
  const enclosures = lines(template.enclosures, 'enclosures')
  if (chrono.exhibits.length > 0 && template.body.includes('[[exhibits]]')) enclosures.push(`Exhibits ${chrono.exhibits[0]!.label}–${chrono.exhibits[chrono.exhibits.length - 1]!.label} as listed`)
  if (enclosures.length > 0) {
    para(`Enclosures (${enclosures.length}):`, 'notation', true)
    blocks.push({ kind: 'list', ordered: false, items: enclosures.map((e) => [{ text: e }]) })
  }
  for (const l of lines(template.cc, 'cc')) para(`cc: ${l}`, 'notation')

  if (missing.size > 0) return { ok: false, missing: [...missing].map((path) => ({ path, label: labelOf(path) })), refusal: null }

  const patient = src.patient.name
  const ourRef = String(lookup(facts, 'letter.ourRef'))
  const theirRef = lookup(facts, 'holder.theirRef')
  const document: LetterDocument = {
    title: `${template.title}: ${patient}`,
    subject: `${template.title}, ${src.organization.name}`,
    author: String(lookup(facts, 'sender.name') ?? lookup(facts, 'sender.org') ?? 'Access Advocate'),
    description: `Generated by Access Advocate from template ${template.id} version ${template.version} on ${plainDate(src.letterDate)}.`,
    keywords: ['HIPAA', 'right of access', template.id].join(','),
    language: 'en-US',
    headerText: [`RE: ${patient}`, `Our ref. ${ourRef}`, theirRef ? `Your ref. ${String(theirRef)}` : null, plainDate(src.letterDate)].filter(Boolean).join(' · '),
    blocks,
    templateId: template.id,
    templateVersion: template.version,
    letterDate: src.letterDate,
    exhibits: chrono.exhibits
  }
  const bad = BAD_OUTPUT.exec(documentText(document))
  if (bad) throw new TemplateError(`template ${template.id}: the letter would contain "${bad[0]}"; this is a bug in the template or its facts`)
  return { ok: true, document, facts }
}

export { PAGE }
