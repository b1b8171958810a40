// Letters as a service: picks the template (built-in or the user's, by version), gathers the case's
// facts and its clock as of the letter date (from the clock engine, never recomputed here), builds
// the document model, renders it, and files the result in the case: the DOCX in the attachments, a
// letter record, and a draft event that "Mark sent" turns into the event that moves the clocks.
import type { z } from 'zod'
import { caseClockScenario, type CaseClockScenario } from '../../core/cases/to-clock'
import {
  builtInTemplates,
  FIELD_CATALOGUE,
  LetterTemplateSchema,
  TemplateError,
  buildFaxCover,
  buildLetter,
  documentText,
  isBuiltInTemplateId,
  type LetterDocument,
  type LetterSources,
  type LetterTemplate
} from '../../core/letters'
import type { AttachmentRef, Case, CaseEventInput, LetterRecord } from '../../core/schemas'
import { LATEST_DATE } from '../../core/schemas'
import { AppError } from '#shared/errors'
import {
  BulkInputSchema,
  GenerateInputSchema,
  MarkSentInputSchema,
  PrepareInputSchema,
  type BulkResultValue,
  type PreparedLetterValue,
  type TemplateInfoValue
} from '#shared/channels/letters'
import type { CaseQueries } from '../case-queries'
import type { CaseService } from '../cases'
import type { ClockService } from '../clock-service'
import { todayOf, type ServiceContext } from '../context'
import type { Task, TaskRegistry } from '../tasks'
import { parseOrThrow } from '../validate'
import { convertToPdf, findSoffice, pdfPageCount } from './archive'
import { renderDocx } from './docx'
import { buildEml } from './eml'
import { renderHtml, renderHtmlFragment } from './html'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Bulk work reports each case as it goes, so a window can show progress and a CLI one line per case. */
export type BulkProgress = {
  onCase?: (e: { index: number; total: number; caseId: string; made: { letterId: string; name: string; bytes: Uint8Array } | null; skipped: string | null }) => void
  signal?: AbortSignal
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'letter'

export function lettersService(ctx: ServiceContext, deps: { cases: CaseService; clocks: ClockService; queries: CaseQueries; tasks?: TaskRegistry; printPdf?: (html: string) => Promise<Uint8Array> }) {
  const userTemplates = () => ctx.store.singletons.settings.get().letterTemplates

  function findTemplate(id: string, version?: number): LetterTemplate {
    const builtIn = builtInTemplates().find((t) => t.id === id)
    if (builtIn) {
      if (version !== undefined && version !== builtIn.version) throw new AppError('NOT_FOUND', `Built-in template "${id}" has version ${builtIn.version}, not ${version}.`)
      return builtIn
    }
    const versions = userTemplates().filter((t) => t.id === id)
    if (versions.length === 0) throw new AppError('NOT_FOUND', `There is no letter template "${id}". List them with letters templates.`)
    const pick = version === undefined ? versions.reduce((a, b) => (b.version > a.version ? b : a)) : versions.find((t) => t.version === version)
    if (!pick) throw new AppError('NOT_FOUND', `Template "${id}" has no version ${version} (it has ${versions.map((t) => t.version).join(', ')}).`)
    return pick
  }

  function templates(): TemplateInfoValue[] {
    const info = (t: LetterTemplate, builtIn: boolean, versions: number[]): TemplateInfoValue => ({
      id: t.id, version: t.version, title: t.title, side: t.side, kinds: t.kinds, steps: t.steps, required: t.required, optional: t.optional, builtIn, base: t.base, versions
    })
    const own = new Map<string, LetterTemplate[]>()
    for (const t of userTemplates()) own.set(t.id, [...(own.get(t.id) ?? []), t])
    return [
      ...builtInTemplates().map((t) => info(t, true, [t.version])),
      ...[...own.values()].map((vs) => {
        const latest = vs.reduce((a, b) => (b.version > a.version ? b : a))
        return info(latest, false, vs.map((v) => v.version).sort((a, b) => a - b))
      })
    ]
  }

  /** The clock as of the letter date: the case's own, or, before the request is sent, one assuming receipt on the letter date. */
  function clockFor(c: Case, letterDate: string, extraNotice?: boolean) {
    let scenario: CaseClockScenario | undefined = caseClockScenario(c)
    const projected = !scenario
    if (!scenario) {
      const kind = c.requestKind === 'amendment' ? 'amendment' : c.requestKind === 'accounting' ? 'accounting' : 'access'
      const requestType = c.requestKind === 'access-third-party' ? 'third-party-directive' : c.requestKind === 'authorization-disclosure' ? 'authorization' : 'self'
      scenario = { kind, requestType, profile: c.profile, received: letterDate, events: [], reminders: [], receiptAssumed: true, ignoredBeforeReceipt: 0 }
    }
    const clock = deps.clocks.compute(scenario, letterDate)
    if (clock.state === 'error') throw new AppError('INVALID_INPUT', `The case's clock cannot be computed: ${clock.message}`)
    const result = clock.state === 'ok' ? clock.result : null
    let extensionCap: string | undefined
    if (extraNotice && result && scenario) {
      // The latest date one extension dated on the letter date could reach, as the clock engine caps it.
      const probe = deps.clocks.compute({ ...scenario, events: [...scenario.events, { type: 'extension-notice', date: letterDate, reason: 'probe', newDate: LATEST_DATE }] }, letterDate)
      if (probe.state === 'ok' && probe.result.due !== result.due) extensionCap = probe.result.due
    }
    return { clock: result, projected, extensionCap }
  }

  async function sourcesFor(caseId: string, template: LetterTemplate, date: string | undefined, values: Record<string, string>): Promise<{ c: Case; src: LetterSources }> {
    const c = await deps.cases.load(caseId)
    if (!template.kinds.includes(c.requestKind)) {
      throw new AppError('INVALID_INPUT', `template: "${template.id}" is not for this kind of request (${c.requestKind}); it fits ${template.kinds.join(', ')}.`)
    }
    for (const path of Object.keys(values)) {
      const f = FIELD_CATALOGUE.find((x) => x.path === path)
      if (!f) throw new AppError('INVALID_INPUT', `values: "${path}" is not a merge field`)
      if (f.computed) throw new AppError('INVALID_INPUT', `values: "${path}" is computed from the case (by the clock engine) and cannot be typed in`)
    }
    const patient = ctx.store.sharded.patients.get(c.patientId)
    const organization = ctx.store.sharded.organizations.get(c.organizationId)
    if (!patient || !organization) throw new AppError('NOT_FOUND', `Case ${caseId} refers to a patient or organization that no longer exists.`)
    const letterDate = date ?? todayOf(ctx)
    const { clock, projected, extensionCap } = clockFor(c, letterDate, template.base === 'practice-extension-notice')
    const { advocateName, officeName, signatureBlock } = ctx.store.singletons.settings.get()
    // A letter about a request in progress needs the real clock; only a request itself may assume receipt on its date.
    const usable = projected && template.needsClock ? null : clock
    return { c, src: { case: c, patient, organization, advocateName, officeName, signatureBlock, clock: usable, projected, letterDate, values, extensionCap } }
  }

  function build(template: LetterTemplate, src: LetterSources) {
    try {
      return buildLetter(template, src)
    } catch (error) {
      if (error instanceof TemplateError) throw new AppError('INVALID_INPUT', error.message)
      throw error
    }
  }

  async function prepare(input: z.input<typeof PrepareInputSchema>): Promise<PreparedLetterValue> {
    const i = parseOrThrow(PrepareInputSchema, input, 'letter')
    const template = i.draft ?? findTemplate(i.templateId, i.templateVersion)
    const { src } = await sourcesFor(i.caseId, template, i.date, i.values)
    const r = build(template, src)
    const base = { templateId: template.id, templateVersion: template.version, title: template.title, letterDate: src.letterDate }
    if (!r.ok) return { ...base, missing: r.missing, refusal: r.refusal, html: null, text: null }
    return { ...base, missing: [], refusal: null, html: renderHtmlFragment(r.document), text: documentText(r.document) }
  }

  function fileName(doc: LetterDocument, patientName: string, ext: string) {
    return `${doc.letterDate}-${doc.templateId}-${slug(patientName)}.${ext}`
  }

  async function store(bytes: Uint8Array, name: string, type: string): Promise<AttachmentRef> {
    const { sha256, size } = await ctx.store.attachments.add(bytes)
    return { sha256, size, name, type }
  }

  /** Builds, renders and files one letter; a refusal or missing fields come back as a reason, not an error. */
  async function make(caseId: string, template: LetterTemplate, date: string | undefined, values: Record<string, string>): Promise<{ ok: true; letter: LetterRecord; bytes: Uint8Array } | { ok: false; reason: string; missing: string[] }> {
    const { src } = await sourcesFor(caseId, template, date, values)
    const r = build(template, src)
    if (!r.ok) return { ok: false, reason: r.refusal ?? `missing ${r.missing.map((m) => m.path).join(', ')}`, missing: r.missing.map((m) => m.path) }
    const bytes = await renderDocx(r.document)
    const file = await store(bytes, fileName(r.document, src.patient.name, 'docx'), DOCX_TYPE)
    const letterId = ctx.newId('letter')
    const eventId = ctx.newId('ev')
    const letter: LetterRecord = {
      id: letterId, template: template.id, templateVersion: template.version, title: template.title, letterDate: src.letterDate, values, createdAt: new Date(ctx.now()).toISOString(), file, extraFiles: [], eventId, status: 'draft'
    }
    const draft: CaseEventInput & { id: string } = {
      id: eventId, type: 'letter-draft', letterId, date: src.letterDate, direction: 'outgoing', summary: `Draft: ${template.title}`, attachments: [file]
    }
    await deps.cases.saveLetter(caseId, letter, draft)
    return { ok: true, letter, bytes }
  }

  async function letterOf(caseId: string, letterId: string): Promise<{ c: Case; letter: LetterRecord }> {
    const c = await deps.cases.load(caseId)
    const letter = c.letters.find((l) => l.id === letterId)
    if (!letter) throw new AppError('NOT_FOUND', `Case ${caseId} has no letter "${letterId}".`)
    return { c, letter }
  }

  async function addExtra(caseId: string, letterId: string, file: AttachmentRef): Promise<AttachmentRef> {
    const { letter } = await letterOf(caseId, letterId)
    const extraFiles = [...letter.extraFiles.filter((f) => f.name !== file.name), file]
    await deps.cases.saveLetter(caseId, { ...letter, extraFiles })
    return file
  }

  /** The letter rebuilt from what it recorded (template version, date, typed values): for its HTML and PDF. The DOCX stays the record. */
  async function documentOf(caseId: string, letterId: string): Promise<{ doc: LetterDocument; c: Case; letter: LetterRecord }> {
    const { c, letter } = await letterOf(caseId, letterId)
    const template = findTemplate(letter.template, letter.templateVersion)
    const { src } = await sourcesFor(caseId, template, letter.letterDate, letter.values)
    const r = build(template, src)
    if (!r.ok) throw new AppError('CONFLICT', `This letter needs values typed when it was made (${r.refusal ?? r.missing.map((m) => m.path).join(', ')}); open its DOCX instead.`)
    return { doc: r.document, c, letter }
  }

  return {
    templates,
    template: (id: string, version?: number) => findTemplate(id, version),
    fields: () => [...FIELD_CATALOGUE],
    prepare,

    async generate(input: z.input<typeof GenerateInputSchema>): Promise<LetterRecord> {
      const i = parseOrThrow(GenerateInputSchema, input, 'letter')
      const r = await make(i.caseId, findTemplate(i.templateId, i.templateVersion), i.date, i.values)
      if (!r.ok) throw new AppError('INVALID_INPUT', r.missing.length > 0 ? `letter: these required fields are missing: ${r.missing.join(', ')}` : `letter: ${r.reason}`, { missing: r.missing })
      return r.letter
    },

    /**
     * A letter's document built from the case as of `date` (default today), filed nowhere: for
     * exports such as the complaint evidence bundle. A refusal or missing fields come back as a reason.
     */
    async documentFor(caseId: string, templateId: string, date?: string): Promise<{ ok: true; document: LetterDocument } | { ok: false; reason: string }> {
      const { src } = await sourcesFor(caseId, findTemplate(templateId), date, {})
      const r = build(findTemplate(templateId), src)
      return r.ok ? { ok: true, document: r.document } : { ok: false, reason: r.refusal ?? `it needs ${r.missing.map((m) => m.label).join(', ')}` }
    },

    /** The DOCX bytes of a letter (for the CLI's --out and for "save as"). */
    async docxBytes(caseId: string, letterId: string): Promise<Uint8Array> {
      const { letter } = await letterOf(caseId, letterId)
      return ctx.store.attachments.read(letter.file.sha256)
    },

    /** Turns the draft into the event the letter is (same id): a follow-up, an escalation, a complaint… */
    async markSent(input: z.input<typeof MarkSentInputSchema>): Promise<LetterRecord> {
      const i = parseOrThrow(MarkSentInputSchema, input, 'mark sent')
      const { c, letter } = await letterOf(i.caseId, i.letterId)
      if (letter.status === 'sent') throw new AppError('CONFLICT', `This letter was already marked sent on ${letter.sentOn ?? 'an earlier day'}.`)
      if (letter.letterDate && i.date < letter.letterDate) throw new AppError('INVALID_INPUT', `mark sent: date: ${i.date} is before the letter's own date ${letter.letterDate}`)
      const template = findTemplate(letter.template, letter.templateVersion)
      const proof = i.proof ? await store(Buffer.from(i.proof.base64, 'base64'), i.proof.name, 'application/octet-stream') : undefined
      const draft = c.events.find((e) => e.id === letter.eventId)
      const attachments = [letter.file, ...letter.extraFiles.filter((f) => f.name.endsWith('.pdf')), ...(proof ? [proof] : [])]
      const common = {
        id: letter.eventId ?? ctx.newId('ev'), date: i.date, direction: 'outgoing' as const, channel: i.channel, summary: `${template.title} sent`, attachments,
        ...(i.channelDetail ? { proofOfDelivery: i.channelDetail } : {}), ...(draft?.body ? { body: draft.body } : {})
      }
      const sendAs = template.sendAs
      const event: CaseEventInput & { id: string } =
        sendAs === 'complaint-filed:ocr'
          ? { ...common, type: 'complaint-filed', venue: 'ocr' }
          : sendAs === 'complaint-filed:information-blocking'
            ? { ...common, type: 'complaint-filed', venue: 'information-blocking' }
            : sendAs === 'extension-notice'
              ? { ...common, type: 'extension-notice' }
              : sendAs === 'denial'
                ? { ...common, type: 'denial', reviewRights: true, complaintContact: true }
                : { ...common, type: sendAs }
      const next: LetterRecord = { ...letter, status: 'sent', sentOn: i.date, eventId: event.id, extraFiles: proof ? [...letter.extraFiles, proof] : letter.extraFiles }
      await deps.cases.saveLetter(i.caseId, next, event)
      return next
    },

    async html(caseId: string, letterId: string): Promise<string> {
      return renderHtml((await documentOf(caseId, letterId)).doc)
    },

    /** Archive PDF/A-2b from the stored DOCX, through LibreOffice. */
    async archivePdf(caseId: string, letterId: string): Promise<AttachmentRef> {
      const { letter } = await letterOf(caseId, letterId)
      const bytes = await ctx.store.attachments.read(letter.file.sha256)
      const pdf = (await convertToPdf([{ name: letter.file.name, bytes }], { archive: true })).get(letter.file.name)!
      return addExtra(caseId, letterId, await store(pdf, letter.file.name.replace(/\.docx$/, '.pdfa.pdf'), 'application/pdf'))
    },

    /** "Save as PDF": the letter's HTML printed by the front door's printer (Electron's printToPDF), filed with the letter. */
    async savePdf(caseId: string, letterId: string): Promise<AttachmentRef> {
      if (!deps.printPdf) throw new AppError('UNAVAILABLE', 'Save as PDF prints through the app window, which is not available here. Use Archive PDF (PDF/A, with LibreOffice) or the command line\u2019s --out FILE.pdf.')
      const html = renderHtml((await documentOf(caseId, letterId)).doc)
      let pdf: Uint8Array
      try {
        pdf = await deps.printPdf(html)
      } catch (error) {
        throw new AppError('INTERNAL', `The letter could not be printed to PDF (${error instanceof Error ? error.message : String(error)}). Try again, or make the Archive PDF (PDF/A) instead.`)
      }
      return this.attachPdf(caseId, letterId, pdf)
    },

    /** A PDF printed by the window (Electron printToPDF of the letter's HTML), filed with the letter. */
    async attachPdf(caseId: string, letterId: string, bytes: Uint8Array): Promise<AttachmentRef> {
      const { letter } = await letterOf(caseId, letterId)
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new AppError('INVALID_INPUT', 'pdf: the file is not a PDF')
      return addExtra(caseId, letterId, await store(bytes, letter.file.name.replace(/\.docx$/, '.pdf'), 'application/pdf'))
    },

    /** An unsent e-mail draft to the holder's records (or privacy) contact with the letter attached. */
    async eml(caseId: string, letterId: string): Promise<AttachmentRef> {
      const { c, letter } = await letterOf(caseId, letterId)
      const org = ctx.store.sharded.organizations.get(c.organizationId)
      const patient = ctx.store.sharded.patients.get(c.patientId)
      const to = org?.records.email ?? org?.privacyOfficer.email ?? null
      const ref = c.references.find((r) => r.kind === 'holder-request-id')?.value
      const bytes = await ctx.store.attachments.read(letter.file.sha256)
      const subject = `${letter.title ?? letter.template}: ${patient?.name ?? ''}${ref ? ` (your ref. ${ref})` : ''} (our ref. ${c.references.find((r) => r.kind === 'other')?.value ?? c.id})`
      const text = `Please find attached: ${letter.title ?? letter.template}, dated ${letter.letterDate ?? ''}.\n\n${ctx.store.singletons.settings.get().advocateName ?? patient?.name ?? ''}\n`
      const eml = buildEml({ to, ...(org?.records.name ? { toName: org.records.name } : {}), subject, text, attachment: { name: letter.file.name, type: letter.file.type, bytes }, boundary: `aa-${ctx.newId('mime')}` })
      return addExtra(caseId, letterId, await store(Buffer.from(eml, 'utf8'), letter.file.name.replace(/\.docx$/, '.eml'), 'message/rfc822'))
    },

    /** A fax cover sheet for the holder's fax number; pages = the letter's PDF pages + this sheet. */
    async faxCover(caseId: string, letterId: string, pages?: number): Promise<AttachmentRef> {
      const { c, letter } = await letterOf(caseId, letterId)
      const org = ctx.store.sharded.organizations.get(c.organizationId)
      const fax = org?.records.fax ?? org?.privacyOfficer.fax
      if (!fax) throw new AppError('INVALID_INPUT', 'fax: the records holder has no fax number; add it to the organization first')
      let letterPages = pages
      if (letterPages === undefined) {
        const pdf = letter.extraFiles.find((f) => f.type === 'application/pdf')
        letterPages = pdf ? (pdfPageCount(await ctx.store.attachments.read(pdf.sha256)) ?? undefined) : undefined
      }
      if (letterPages === undefined) {
        // No PDF yet: LibreOffice lays the DOCX out as a fax machine would see it; that PDF is filed too (it is what gets faxed).
        const soffice = await findSoffice()
        if (soffice) {
          const pdf = (await convertToPdf([{ name: letter.file.name, bytes: await ctx.store.attachments.read(letter.file.sha256) }], { archive: false, soffice })).get(letter.file.name)!
          letterPages = pdfPageCount(pdf) ?? undefined
          await addExtra(caseId, letterId, await store(pdf, letter.file.name.replace(/\.docx$/, '.pdf'), 'application/pdf'))
        }
      }
      if (letterPages === undefined) throw new AppError('INVALID_INPUT', 'fax: say how many pages the letter has (pages), or make its PDF first (Save as PDF); LibreOffice, which would count them, is not installed')
      const settings = ctx.store.singletons.settings.get()
      const patient = ctx.store.sharded.patients.get(c.patientId)
      const doc = buildFaxCover({
        to: org?.records.name ?? org?.name ?? 'Records department', fax, from: settings.advocateName ?? patient?.name ?? 'Sender', fromPhone: settings.advocateName ? undefined : patient?.contact.phone,
        re: `${letter.title ?? letter.template}: ${patient?.name ?? ''}`, letterPages, date: letter.letterDate ?? todayOf(ctx), ourRef: c.references.find((r) => r.kind === 'other')?.value ?? c.id
      })
      return addExtra(caseId, letterId, await store(await renderDocx(doc), letter.file.name.replace(/\.docx$/, '.fax-cover.docx'), DOCX_TYPE))
    },

    /** Saves a user template as a new version of its id (version numbers are assigned here); built-ins are never overwritten. */
    async saveTemplate(input: unknown): Promise<LetterTemplate> {
      const t = parseOrThrow(LetterTemplateSchema, input, 'template')
      if (isBuiltInTemplateId(t.id)) throw new AppError('CONFLICT', `template: "${t.id}" is a built-in template and cannot be changed; duplicate it and edit the copy`)
      if (!isBuiltInTemplateId(t.base)) throw new AppError('INVALID_INPUT', `template: base: "${t.base}" is not a built-in template`)
      const settings = ctx.store.singletons.settings.get()
      const version = Math.max(0, ...settings.letterTemplates.filter((x) => x.id === t.id).map((x) => x.version)) + 1
      const saved = { ...t, version }
      await ctx.store.singletons.settings.put({ ...settings, letterTemplates: [...settings.letterTemplates, saved] })
      return saved
    },

    async duplicateTemplate(id: string, version?: number, newId?: string, title?: string): Promise<LetterTemplate> {
      const from = findTemplate(id, version)
      const taken = (x: string) => isBuiltInTemplateId(x) || userTemplates().some((t) => t.id === x)
      let target = newId ?? `my-${from.id}`.slice(0, 64)
      if (newId && taken(newId)) throw new AppError('CONFLICT', `template: "${newId}" is already taken`)
      for (let n = 2; taken(target); n++) target = `my-${from.id}`.slice(0, 60) + `-${n}`
      return this.saveTemplate({ ...from, id: target, version: 1, title: title ?? `${from.title} (my copy)` })
    },

    /**
     * One letter per case; a case that cannot have it is skipped with the reason. Runs as a task
     * (task.progress events, tasks.cancel), and stops between cases when cancelled, returning what
     * it made so far with cancelled: true.
     */
    async bulk(input: z.input<typeof BulkInputSchema>, progress: BulkProgress = {}): Promise<BulkResultValue> {
      const i = parseOrThrow(BulkInputSchema, input, 'bulk')
      const template = findTemplate(i.templateId)
      const date = i.date ?? todayOf(ctx)
      let ids = i.caseIds
      if (!ids) {
        const list = deps.queries.list({ asOf: date, ...(i.filter === 'overdue' ? { status: ['overdue'] } : i.filter === 'awaiting' ? { status: ['awaiting'] } : {}) })
        ids = (i.filter === 'next-step' ? list.filter((x) => x.nextStep && x.nextStep.letter === template.id && x.nextStep.due <= date) : list).map((x) => x.id)
      }
      // One letter per case: a case named twice gets one letter (and two letters in flight never touch one case).
      const all = [...new Set(ids)]
      const names = new Map(ctx.store.records.cases.summaries().map((e) => [e.id, e.summary.patientId]))
      const patientOf = (caseId: string) => {
        const patientId = names.get(caseId)
        return patientId === undefined ? undefined : ctx.store.sharded.patients.get(patientId)?.name
      }
      type Outcome = { made: { letterId: string; name: string; bytes: Uint8Array } | null; skipped: string | null }
      const attempt = async (caseId: string): Promise<Outcome> => {
        try {
          const r = await make(caseId, template, date, i.values)
          return r.ok ? { made: { letterId: r.letter.id, name: r.letter.file.name, bytes: r.bytes }, skipped: null } : { made: null, skipped: r.reason }
        } catch (error) {
          return { made: null, skipped: error instanceof AppError ? bulkReason(error.message) : `failed: ${error instanceof Error ? error.message : String(error)}` }
        }
      }
      const work = async (task: Task | undefined): Promise<BulkResultValue> => {
        const result: BulkResultValue = { made: [], skipped: [], cancelled: false }
        const stopped = () => progress.signal?.aborted === true || task?.signal.aborted === true
        // Two letters in flight: the next one is built and packed while this one's files are written
        // and flushed to disk, so a batch costs the CPU work alone, not CPU plus every fsync wait.
        // Results are still taken in order, and a cancel starts no new letter.
        let next: Promise<Outcome> | null = all.length > 0 && !stopped() ? attempt(all[0]!) : null
        for (const [index, caseId] of all.entries()) {
          if (!next) {
            result.cancelled = true
            break
          }
          const current = next
          next = index + 1 < all.length && !stopped() ? attempt(all[index + 1]!) : null
          const { made, skipped } = await current
          const patient = patientOf(caseId)
          const who = patient === undefined ? {} : { patient }
          if (made) result.made.push({ caseId, letterId: made.letterId, name: made.name, ...who })
          else result.skipped.push({ caseId, reason: skipped ?? 'skipped', ...who })
          progress.onCase?.({ index, total: all.length, caseId, made, skipped })
          task?.progress(index + 1, all.length)
        }
        return result
      }
      if (!deps.tasks) return work(undefined)
      const label = `Making ${all.length.toLocaleString('en-US')} letters: ${template.title}`.slice(0, 200)
      return deps.tasks.run(label, work, { total: all.length, ...(i.taskId !== undefined && { taskId: i.taskId }) })
    }
  }
}

/** A case of the wrong kind is refused by the letter's own check; in a bulk summary, its reason reads short. */
function bulkReason(message: string): string {
  const kind = /is not for this kind of request \(([^)]+)\)/.exec(message)
  return kind ? `not for this kind of request (${kind[1]})` : message
}

export type LettersService = ReturnType<typeof lettersService>
