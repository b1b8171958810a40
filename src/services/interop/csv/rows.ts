// One CSV row to the records it will become, field by field, with every problem named by row,
// column and value. Nothing here touches the store: it is the preview's and the commit's common
// ground, so what the preview shows is exactly what is written.
import type { z } from 'zod'
import {
  CaseFieldsSchema,
  DateSchema,
  EmailSchema,
  NameSchema,
  OrganizationFieldsSchema,
  ORGANIZATION_KINDS,
  PatientFieldsSchema,
  PRIORITIES,
  REQUEST_KINDS,
  TagSchema,
  UsStateSchema,
  CaseEventInputSchema,
  controlCharacterProblem,
  LONG_TEXT_KEYS,
  isUsStateCode,
  type CaseEventInput,
  type CaseFields,
  type OrganizationFields,
  type PatientFields
} from '../../../core/schemas'
import { toIsoDate, type DateOrder } from './dates'
import { targetField, type ImportKind } from './targets'

export type RowProblem = { row: number; column: string; value: string; problem: string }

/** A row's values by field key, with the column each came from (for messages). */
export type RowValues = { row: number; values: Record<string, string>; columnOf: Record<string, string> }

export type PatientDraft = PatientFields
export type OrgDraft = OrganizationFields
export type CaseDraft = { fields: Omit<CaseFields, 'patientId' | 'organizationId'>; events: Array<z.output<typeof CaseEventInputSchema>> }
export type RowDraft = { row: number; patient?: PatientDraft; organization?: OrgDraft; case?: CaseDraft }

export type RowContext = { kind: ImportKind; dateOrder: Record<string, DateOrder | null>; today: string; memo?: RowMemo }

type Verdict<T> = { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } }

/**
 * One import's verdicts by input. A patient's four requests, or a practice's five hundred, give the
 * same patient or organization input, and a schema's verdict on the same input is the same: it is
 * parsed once, and every row still gets that verdict (its problem named at its own row). Dates
 * likewise (a log has a few hundred distinct days). The parsed values are shared and never changed.
 */
export type RowMemo = {
  patients: Map<string, Verdict<PatientFields>>
  orgs: Map<string, Verdict<OrganizationFields>>
  dates: Map<string, DateReading>
  /** An imported event is its type and date (the rest is fixed by the type): a log has a few hundred. */
  events: Map<string, ParsedEvent>
  /** A cell's verdict by field and value (a field is always checked with the same schema). */
  cells: Map<string, Verdict<unknown>>
}
export const newRowMemo = (): RowMemo => ({ patients: new Map(), orgs: new Map(), dates: new Map(), events: new Map(), cells: new Map() })

type ParsedEvent = z.output<typeof CaseEventInputSchema>

/** The event as CaseEventInputSchema gives it back; it throws for one that is not valid, as parse does. */
function parsedEvent(memo: Map<string, ParsedEvent> | undefined, e: CaseEventInput): ParsedEvent {
  if (memo === undefined) return CaseEventInputSchema.parse(e)
  const key = JSON.stringify(e)
  let parsed = memo.get(key)
  if (parsed === undefined) memo.set(key, (parsed = CaseEventInputSchema.parse(e)))
  return parsed
}

type DateReading = { ok: true; date: string } | { ok: false; problem: string }

function remembered<T>(memo: Map<string, Verdict<T>> | undefined, schema: z.ZodType<T>, input: object): Verdict<T> {
  if (memo === undefined) return schema.safeParse(input)
  // Every value in these inputs is a string or an object of strings, so equal JSON is equal input.
  const key = JSON.stringify(input)
  let verdict = memo.get(key)
  if (verdict === undefined) memo.set(key, (verdict = schema.safeParse(input)))
  return verdict
}

/** `raw` (not empty) read as a date of this column's order, and checked as every stored date is. */
function readDate(raw: string, order: DateOrder | null, todayYear: number): DateReading {
  const read = toIsoDate(raw, order, todayYear)
  if (!read.ok) return read
  const checked = DateSchema.safeParse(read.date)
  return checked.success ? read : { ok: false, problem: first(checked.error.issues) }
}

/** The entries whose value is neither undefined nor empty (left out, as the schemas expect). */
function present<T>(o: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const key in o) {
    const x = o[key]
    if (x !== undefined && x !== '') out[key] = x
  }
  return out
}

/** Built once: zod compiles each schema on first use, and a schema made per row was most of an import's time. */
const RowCaseFieldsSchema = CaseFieldsSchema.omit({ patientId: true, organizationId: true })

const first = (issues: z.core.$ZodIssue[]) => issues[0]?.message ?? 'is not valid'

export function draftRow(r: RowValues, ctx: RowContext): { draft: RowDraft; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const v = (key: string) => (r.values[key] ?? '').trim()
  const problem = (key: string, text: string) => problems.push({ row: r.row, column: r.columnOf[key] ?? key, value: r.values[key] ?? '', problem: text })
  const check = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
    const raw = v(key)
    if (!raw) {
      if (targetField(ctx.kind, key)?.required) problem(key, 'is required and empty')
      return undefined
    }
    // A column of names or states holds the same few values over and over: one verdict per value.
    const memoKey = `${key}|${raw}`
    let parsed = ctx.memo?.cells.get(memoKey) as Verdict<T> | undefined
    if (parsed === undefined) {
      parsed = schema.safeParse(raw)
      ctx.memo?.cells.set(memoKey, parsed)
    }
    if (!parsed.success) {
      problem(key, first(parsed.error.issues))
      return undefined
    }
    return parsed.data
  }
  const date = (key: string, notAfterToday: boolean): string | undefined => {
    const raw = v(key)
    if (!raw) {
      if (targetField(ctx.kind, key)?.required) problem(key, 'is required and empty')
      return undefined
    }
    const order = ctx.dateOrder[r.columnOf[key] ?? ''] ?? null
    const memoKey = `${order ?? ''}|${raw}`
    let read = ctx.memo?.dates.get(memoKey)
    if (read === undefined) {
      read = readDate(raw, order, todayYear)
      ctx.memo?.dates.set(memoKey, read)
    }
    if (!read.ok) return void problem(key, read.problem)
    if (notAfterToday && read.date > ctx.today) return void problem(key, `${read.date} is in the future (today is ${ctx.today})`)
    return read.date
  }
  const opt = present
  const todayYear = Number(ctx.today.slice(0, 4))

  // Control characters (terminal escapes, a bell, NUL) are refused in every cell, as at every front
  // door; line breaks and tabs only outside the long-text columns (notes).
  for (const key of Object.keys(r.values)) {
    const bad = controlCharacterProblem(r.values[key] ?? '', LONG_TEXT_KEYS.has(key) ? 'long' : 'line')
    if (bad) problem(key, bad)
  }
  const draft: RowDraft = { row: r.row }
  if (ctx.kind === 'patients' || ctx.kind === 'cases' || ctx.kind === 'requests') {
    const name = check('patientName', NameSchema)
    const dateOfBirth = date('dateOfBirth', true)
    const email = ctx.kind === 'patients' ? check('email', EmailSchema) : undefined
    const input = {
      name,
      ...opt({ dateOfBirth, preferredLanguage: v('preferredLanguage'), notes: ctx.kind === 'patients' ? v('notes') : undefined }),
      contact: opt({ email, phone: v('phone'), address: v('address') })
    }
    const parsed = name ? remembered(ctx.memo?.patients, PatientFieldsSchema, input) : undefined
    if (parsed?.success) draft.patient = parsed.data
    else if (parsed) problem('patientName', first(parsed.error.issues))
  }
  if (ctx.kind === 'orgs' || ctx.kind === 'cases' || ctx.kind === 'requests') {
    const name = check('organizationName', NameSchema)
    const checkedState = check('organizationState', UsStateSchema)
    if (checkedState !== undefined && !isUsStateCode(checkedState)) problem('organizationState', `"${checkedState}" is not a US state or territory; use its two-letter postal code, such as CA, TX or DC`)
    const state = checkedState !== undefined && isUsStateCode(checkedState) ? checkedState : undefined
    const kindRaw = v('kind').toLowerCase().replace(/\s+/g, '-')
    const kind = kindRaw === '' ? 'provider' : (ORGANIZATION_KINDS as readonly string[]).includes(kindRaw) ? kindRaw : undefined
    if (kind === undefined) problem('kind', `is not one of ${ORGANIZATION_KINDS.join(', ')}`)
    const recordsEmail = check('recordsEmail', EmailSchema)
    const privacyEmail = check('privacyOfficerEmail', EmailSchema)
    const input = {
      name,
      kind,
      ...opt({ state, notes: v('notes') && ctx.kind === 'orgs' ? v('notes') : undefined }),
      address: opt({ city: v('city'), postalCode: v('postalCode'), state }),
      records: opt({ email: recordsEmail, fax: v('recordsFax') }),
      privacyOfficer: opt({ email: privacyEmail })
    }
    if (name && kind) {
      const parsed = remembered(ctx.memo?.orgs, OrganizationFieldsSchema, input)
      if (parsed.success) draft.organization = parsed.data
      else {
        const issue = parsed.error.issues[0]
        const key = issue?.path.includes('postalCode') ? 'postalCode' : 'organizationName'
        problem(key, issue?.message ?? 'is not valid')
      }
    }
  }
  if (ctx.kind === 'cases' || ctx.kind === 'requests') {
    const kindRaw = v('requestKind').toLowerCase()
    const requestKind = requestKindOf(kindRaw)
    if (kindRaw && !requestKind) problem('requestKind', `is not a request kind (${REQUEST_KINDS.join(', ')}, or self / third party)`)
    const priority = v('priority').toLowerCase()
    if (priority && !(PRIORITIES as readonly string[]).includes(priority)) problem('priority', `is not one of ${PRIORITIES.join(', ')}`)
    const tags: string[] = []
    for (const t of v('tags').split(';').map((x) => x.trim()).filter(Boolean)) {
      const parsed = TagSchema.safeParse(t)
      if (parsed.success) tags.push(parsed.data)
      else problem('tags', `"${t}" ${first(parsed.error.issues)}`)
    }
    const reference = v('reference')
    const fields = RowCaseFieldsSchema.safeParse({
      ...opt({ requestKind, priority: priority || undefined, notes: v('notes') }),
      tags,
      references: reference ? [{ kind: 'holder-request-id', value: reference }] : []
    })
    if (!fields.success) problem('reference', first(fields.error.issues))
    const events: CaseEventInput[] = []
    const sent = date('sent', true)
    const received = date('received', true)
    const delivered = date('delivered', true)
    const denied = date('denied', true)
    if (sent) events.push({ type: 'request-sent', date: sent, direction: 'outgoing', summary: 'Request sent (imported)' })
    if (received) events.push({ type: 'request-received', date: received, direction: 'incoming', summary: 'Request received (imported)' })
    if (delivered) events.push({ type: 'records-delivered', date: delivered, direction: 'incoming', summary: 'Records delivered (imported)' })
    if (denied) events.push({ type: 'denial', date: denied, direction: 'incoming', summary: 'Request denied (imported)' })
    const start = received ?? sent
    for (const [key, d] of [['delivered', delivered], ['denied', denied]] as const) {
      if (d && start && d < start) problem(key, `${d} is before the request (${start})`)
    }
    if (sent && received && received < sent) problem('received', `${received} is before the request was sent (${sent})`)
    if (fields.success) draft.case = { fields: fields.data, events: events.map((e) => parsedEvent(ctx.memo?.events, e)) }
  }
  return { draft, problems }
}

function requestKindOf(raw: string): CaseFields['requestKind'] | undefined {
  if (!raw) return undefined
  if ((REQUEST_KINDS as readonly string[]).includes(raw)) return raw as CaseFields['requestKind']
  const words: Record<string, CaseFields['requestKind']> = {
    self: 'access-self',
    access: 'access-self',
    'third party': 'access-third-party',
    'third-party': 'access-third-party',
    directive: 'access-third-party',
    authorization: 'authorization-disclosure'
  }
  return words[raw]
}
