// E-mail messages (.eml, and Outlook .msg through msg.ts) onto a case: each becomes a correspondence event with its date, its
// direction (from the holder's known addresses, or to them), subject, plain-text body and
// attachments stored by hash; the original message is kept as an attachment too. A message whose
// Message-ID the case already holds is skipped, and the result says so.
import { basename } from 'node:path'
import { format } from 'date-fns'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import { AttachmentRefSchema, LongTextSchema, type AttachmentRef, type CaseEventInput } from '../../../core/schemas'
import { AppError } from '#shared/errors'
import type { AppServices } from '../../app-services'
import { MAX_EML_BYTES } from '../limits'
import { addCalendarDays } from '../../../core/clocks'
import { todayOf } from '../../context'
import type { MailMessage } from './message'
import { looksLikeMsg, parseMsg } from './msg'

export type EmlFile = { name: string; bytes: Uint8Array }
export type EmlOutcome =
  | { file: string; status: 'imported'; eventId: string; date: string; direction: 'incoming' | 'outgoing'; subject: string; attachments: number }
  | { file: string; status: 'skipped'; reason: string }

const MAX_BODY = 100_000
const MAX_SUMMARY = 500
/** One event holds at most this many files (the schema's bound), the original message among them. */
const MAX_FILES_PER_EVENT = 100

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean)

const domainOf = (addr: string) => addr.slice(addr.lastIndexOf('@') + 1)

/** A file name that is safe to store and show: no folders, no control characters, not too long. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim()
  const short = cleaned.length > 200 ? `${cleaned.slice(0, 190)}${cleaned.slice(cleaned.lastIndexOf('.')).slice(0, 10)}` : cleaned
  return short || fallback
}

async function parseOne(f: EmlFile): Promise<MailMessage> {
  if (f.bytes.byteLength > MAX_EML_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${f.name} is larger than ${MAX_EML_BYTES / 1024 / 1024} MB; nothing was imported.`)
  if (/\.msg$/i.test(f.name) || looksLikeMsg(f.bytes)) return parseMsg(f.name, f.bytes)
  const mail = await parseEml(f)
  return {
    from: addresses(mail.from),
    fromText: mail.from?.text ?? '',
    date: mail.date!,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    messageId: mail.messageId ?? null,
    attachments: mail.attachments.map((a, i) => ({ filename: a.filename ?? `attachment-${i + 1}`, content: new Uint8Array(a.content), contentType: a.contentType || 'application/octet-stream' })),
    originalType: 'message/rfc822',
    originalExt: '.eml'
  }
}

async function parseEml(f: EmlFile): Promise<ParsedMail> {
  let mail: ParsedMail
  try {
    mail = await simpleParser(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength))
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${f.name} cannot be read as an e-mail message (${error instanceof Error ? error.message : String(error)}); nothing was imported.`)
  }
  const missing = [!mail.headers.has('from') && 'From', !mail.headers.has('date') && 'Date'].filter(Boolean)
  if (missing.length) throw new AppError('INVALID_INPUT', `${f.name} is not an e-mail message (.eml): it has no ${missing.join(' or ')} header. Save the message from your mail program as .eml and try again; nothing was imported.`)
  // mailparser puts "now" in place of a Date header it cannot read: check the header itself.
  const raw = mail.headerLines.find((h) => h.key === 'date')?.line.replace(/^date:\s*/i, '') ?? ''
  if (Number.isNaN(Date.parse(raw.replace(/\s*\([^)]*\)\s*$/, ''))) || !mail.date) throw new AppError('INVALID_INPUT', `${f.name}: its Date header "${raw.slice(0, 80)}" is not a date; nothing was imported.`)
  return mail
}

export async function importEml(s: AppServices, caseId: string, files: ReadonlyArray<EmlFile>): Promise<EmlOutcome[]> {
  if (files.length === 0) throw new AppError('INVALID_INPUT', 'import eml: name at least one .eml file')
  const c = await s.cases.load(caseId)
  const org = s.store.sharded.organizations.get(c.organizationId)
  const known = [org?.records.email, org?.privacyOfficer.email].filter((x): x is string => !!x).map((x) => x.toLowerCase())
  const knownDomains = new Set(known.map(domainOf))
  const seen = new Set(c.events.map((e) => e.proofOfDelivery).filter((x): x is string => !!x && x.startsWith('Message-ID: ')))
  // Every file is read and checked before anything is stored: one bad file stops them all.
  const parsed = []
  const latest = addCalendarDays(todayOf(s.context), 1)
  for (const f of files) {
    const mail = await parseOne(f)
    const day = format(mail.date, 'yyyy-MM-dd')
    if (day > latest) throw new AppError('INVALID_INPUT', `${f.name} is dated ${day}, in the future (today is ${todayOf(s.context)}); check the computer's clock or the message, nothing was imported.`)
    parsed.push({ f, mail })
  }

  const outcomes: EmlOutcome[] = []
  const inputs: Array<{ input: CaseEventInput; outcome: Extract<EmlOutcome, { status: 'imported' }> }> = []
  for (const { f, mail } of parsed) {
    const id = mail.messageId ? `Message-ID: ${mail.messageId}`.slice(0, MAX_SUMMARY) : undefined
    if (id && seen.has(id)) {
      outcomes.push({ file: f.name, status: 'skipped', reason: `already imported (same Message-ID ${mail.messageId})` })
      continue
    }
    if (id) seen.add(id)
    const from = mail.from
    const fromHolder = from.some((a) => known.includes(a) || knownDomains.has(domainOf(a)))
    // From the holder is incoming; anything else (to the holder, or cc'd) was sent on the patient's side.
    const direction: 'incoming' | 'outgoing' = fromHolder ? 'incoming' : 'outgoing'
    const date = format(mail.date, 'yyyy-MM-dd')
    const subject = (mail.subject || '(no subject)').replace(/\s+/g, ' ').trim().slice(0, MAX_SUMMARY)
    const text = mail.text.replace(/\r\n/g, '\n')
    const body = text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 80)}\n\n[The rest of this message is in the attached original.]` : text
    const refs: AttachmentRef[] = []
    const store = async (bytes: Uint8Array, name: string, type: string) => {
      const info = await s.store.attachments.add(bytes)
      refs.push(AttachmentRefSchema.parse({ sha256: info.sha256, size: info.size, name, type: type.slice(0, 200) }))
    }
    const ext = mail.originalExt
    await store(f.bytes, safeFileName(f.name.toLowerCase().endsWith(ext) ? f.name : `${f.name}${ext}`, `message${ext}`), mail.originalType)
    for (const [i, a] of mail.attachments.slice(0, MAX_FILES_PER_EVENT - 1).entries()) {
      await store(a.content, safeFileName(a.filename, `attachment-${i + 1}`), a.contentType)
    }
    const fromText = mail.fromText ? `From ${mail.fromText}` : ''
    const input: CaseEventInput = {
      type: 'note',
      date,
      direction,
      channel: 'email',
      summary: subject,
      body: LongTextSchema.parse(`${fromText}${fromText ? '\n\n' : ''}${body}`.slice(0, MAX_BODY)),
      attachments: refs,
      ...(id && { proofOfDelivery: id })
    }
    const outcome = { file: f.name, status: 'imported' as const, eventId: '', date, direction, subject, attachments: refs.length - 1 }
    inputs.push({ input, outcome })
    outcomes.push(outcome)
  }
  if (inputs.length) {
    const events = await s.cases.addEvents(caseId, inputs.map((x) => x.input))
    for (const [i, e] of events.entries()) inputs[i]!.outcome.eventId = e.id
  }
  return outcomes
}
