// Cases: one request to one holder, its correspondence log, reminders, and the trash.
import { z } from 'zod'
import { addCalendarDays } from '../core/clocks'
import {
  applyPatch,
  patchSchema,
  CaseEventInputSchema,
  CaseEventSchema,
  CaseFieldsSchema,
  ReminderEntrySchema,
  type Case,
  type CaseEvent,
  type CaseEventInput,
  type CaseFields,
  type CaseFieldsInput,
  type LetterRecord
} from '../core/schemas'
import { isBuiltInProfileId } from '../core/rules'
import { AppError, type IssuePath } from '#shared/errors'
import type { RequestSent } from '#shared/channels/cases'
import { nowIso, todayOf, type ServiceContext } from './context'
import { commit, commitMany, type AuditNote, type Change } from './write'
import { casesWithReference } from './references'
import type { ClockService } from './clock-service'
import { withIds } from './patients'
import { invalidField, notFound, parseOrThrow } from './validate'
import { checkEventNotTooEarly, checkStateCode } from './plausible'

/** How long a deleted case can be brought back from the trash (an app policy, not a legal number). */
export const TRASH_RETENTION_DAYS = 30

export const CasePatchSchema = patchSchema(CaseFieldsSchema)
export type CasePatch = z.input<typeof CasePatchSchema>

export const BatchInputSchema = CaseFieldsSchema.omit({ organizationId: true, batchId: true }).extend({
  organizationIds: z.array(z.string()).min(1, 'choose at least one organization').max(100)
})
export type BatchInput = z.input<typeof BatchInputSchema>

export const EventPatchSchema = z.record(z.string(), z.unknown())

export const ReminderInputSchema = ReminderEntrySchema.omit({ id: true })

/** A note for the audit entry a write leaves (a bulk change names itself there). */
export type Noted = { note?: string }

/** Cases checked per turn of the event loop in a batch: about 20–50 ms of work. */
const DRAFT_SLICE = 250

/** A batch's drafting: how many are checked so far, and a check that throws to stop before anything is written. */
/** An event input as CaseEventInputSchema gives it back (defaults filled in). */
export type ParsedEventInput = z.output<typeof CaseEventInputSchema>

export type DraftProgress = { onDrafted?: (checked: number) => void; stopIfCancelled?: () => void }

export function caseService(ctx: ServiceContext, clocks: ClockService) {
  const cases = ctx.store.records.cases

  async function load(id: string, opts: { allowTrashed?: boolean } = {}): Promise<Case> {
    const c = await cases.get(id)
    if (!c) throw notFound('case', id)
    if (c.deletedAt && !opts.allowTrashed) {
      throw new AppError('NOT_FOUND', `Case ${id} is in the trash. Restore it first to change it.`, { id })
    }
    return c
  }

  /** Through the one write path (write.ts): audit entry, validation and revision by the store, durable write. */
  async function save(change: Change<Case>): Promise<Case> {
    const written = await commit(ctx, cases, change)
    clocks.forget(written.id)
    return written
  }

  function checkLinks(fields: Pick<CaseFields, 'patientId' | 'organizationId' | 'profile'>): void {
    const patient = ctx.store.sharded.patients.get(fields.patientId)
    if (!patient) throw invalidField(['case', 'patientId'], `no patient with id "${fields.patientId}"`, 'case')
    if (!ctx.store.sharded.organizations.get(fields.organizationId)) {
      throw invalidField(['case', 'organizationId'], `no organization with id "${fields.organizationId}"`, 'case')
    }
    const saved = ctx.store.singletons.settings.get().savedProfiles
    if (!isBuiltInProfileId(fields.profile) && !saved.some((p) => p.id === fields.profile)) {
      throw invalidField(['case', 'profile'], `"${fields.profile}" is neither a built-in rule profile nor one you saved`, 'case')
    }
  }

  /** Reference numbers identify one case: a holder's own request id is unique per holder, others everywhere. */
  function checkReferences(fields: Pick<CaseFields, 'references' | 'organizationId'>, selfId?: string, alsoTaken?: Map<string, string>): void {
    const seen = new Set<string>()
    for (const [i, ref] of fields.references.entries()) {
      const key = `${ref.kind}:${ref.value}`
      if (seen.has(key)) throw invalidField(['case', 'references', i], `"${ref.value}" is listed twice`, 'case')
      seen.add(key)
      const scoped = ref.kind === 'holder-request-id' ? `${key}|${fields.organizationId}` : key
      const inBatch = alsoTaken?.get(scoped)
      const clash =
        casesWithReference(ctx, key).find((s) => s.id !== selfId && (ref.kind !== 'holder-request-id' || s.organizationId === fields.organizationId)) ??
        (inBatch === undefined ? undefined : { id: inBatch })
      alsoTaken?.set(scoped, selfId ?? '')
      if (clash) {
        const message = `${ref.kind} "${ref.value}" is already used by case ${clash.id}`
        throw new AppError('CONFLICT', `case: references[${i}]: ${message}`, { caseId: clash.id, issues: [{ path: ['case', 'references', i], message }] })
      }
    }
  }

  function checkEventDate(event: Pick<CaseEvent, 'date'>, path: IssuePath, today = todayOf(ctx)): void {
    // One day of slack: a fax stamped in the holder's time zone may already be "tomorrow".
    if (event.date > addCalendarDays(today, 1)) {
      throw invalidField([...path, 'date'], `${event.date} is in the future (today is ${today}); log events when they happen, or add a reminder`)
    }
  }

  function checkDeliveredItems(c: Case, event: CaseEvent, path: IssuePath): void {
    if (event.type !== 'partial-delivery' && event.type !== 'records-delivered') return
    const known = new Set(c.requested.items.map((i) => i.id))
    const unknown = event.items.find((id) => !known.has(id))
    if (unknown) throw invalidField([...path, 'items'], `"${unknown}" is not on this case's checklist`)
  }

  /** An item a delivery names stays on the request: removing it would leave the log pointing at nothing. */
  function checkItemsStillKnown(before: Case, next: Case): void {
    const kept = new Set(next.requested.items.map((i) => i.id))
    for (const e of before.events) {
      if (e.type !== 'partial-delivery' && e.type !== 'records-delivered') continue
      const lost = e.items.find((id) => !kept.has(id))
      if (lost === undefined) continue
      const label = before.requested.items.find((i) => i.id === lost)?.label ?? lost
      throw invalidField(['patch', 'requested', 'items'], `"${label}" arrived with the delivery of ${e.date}, so it stays on the request; edit that delivery first`, 'case')
    }
  }

  const withItemIds = (requested: CaseFields['requested']): Case['requested'] => ({
    ...requested,
    items: withIds(ctx, 'item', requested.items)
  })

  /** A new event is summed up in the history by its type; the event itself is the record of it. */
  const eventAdded = (event: CaseEvent): AuditNote => ({
    action: 'add-event',
    entity: 'event',
    subject: { id: event.id, before: undefined, after: event },
    changes: [{ path: 'type', before: null, after: event.type }]
  })

  /** The "Request sent" event a new case may start with (its date checked like any event's, at `sent.date`). */
  const sentEvents = (sent: RequestSent | undefined): CaseEventInput[] =>
    sent ? [{ type: 'request-sent', date: sent.date, direction: 'outgoing', summary: 'Request sent', ...(sent.channel && { channel: sent.channel }) }] : []

  // ISO dates and instants order as plain strings; localeCompare would ask the collator for each pair.
  const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  const byDate = (a: CaseEvent, b: CaseEvent) => byString(a.date, b.date) || byString(a.createdAt, b.createdAt)

  async function create(fields: CaseFields, eventInputs: ReadonlyArray<CaseEventInput> = []): Promise<Case> {
    return save(draft(fields, eventInputs))
  }

  /** A new case and its first events, checked as every new case is; not yet written. */
  function draft(fields: CaseFields, eventInputs: ReadonlyArray<CaseEventInput>, batch?: Map<string, string>, today = todayOf(ctx)): Change<Case> {
    return draftParsed(fields, eventInputs.map((input, i) => parseOrThrow(CaseEventInputSchema, input, `events[${i}]`)), batch, today)
  }

  /** The same, for events already parsed by CaseEventInputSchema (see addManyParsed). */
  function draftParsed(fields: CaseFields, parsedEvents: ReadonlyArray<ParsedEventInput>, batch?: Map<string, string>, today = todayOf(ctx)): Change<Case> {
    checkLinks(fields)
    const id = ctx.newId('case')
    checkReferences(fields, batch ? id : undefined, batch)
    const at = nowIso(ctx)
    const c: Case = { ...fields, requested: withItemIds(fields.requested), id, events: [], reminders: [], letters: [], history: [], createdAt: at, updatedAt: at }
    // Events logged with the case (imports) are validated as addEvents would, in the same write. The
    // stored event is the checked input and what this code adds (id and times), which the store's
    // case schema checks with the rest of the record: a second parse here would check nothing new.
    const events = parsedEvents.map((input, i) => {
      const event: CaseEvent = { ...input, id: ctx.newId('ev'), createdAt: at, updatedAt: at }
      checkEventDate(event, ['events', i], today)
      checkDeliveredItems(c, event, ['events', i])
      return event
    })
    events.forEach((event, i) => checkEventNotTooEarly({ events }, event, ['events', i]))
    c.events = events.sort(byDate)
    return { before: undefined, next: c, audit: [{ action: 'create', entity: 'case' }, ...events.map(eventAdded)] }
  }

  /**
   * `count` new cases in one durable write, drafted in slices with the loop free between them
   * (progress, a cancel, other requests); one that fails its checks: nothing is written.
   */
  async function writeMany(count: number, draftOne: (i: number, taken: Map<string, string>) => Change<Case>, progress: DraftProgress): Promise<Case[]> {
    const taken = new Map<string, string>()
    const changes: Array<Change<Case>> = []
    for (let from = 0; from < count; from += DRAFT_SLICE) {
      progress.stopIfCancelled?.()
      for (let i = from; i < Math.min(count, from + DRAFT_SLICE); i++) changes.push(draftOne(i, taken))
      progress.onDrafted?.(changes.length)
      if (changes.length < count) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    progress.stopIfCancelled?.()
    const written = await commitMany(ctx, cases, changes)
    for (const c of written) clocks.forget(c.id)
    return written
  }

  return {
    load,

    /** With `sent`, the case is made with its "Request sent" event in the same write. */
    async add(input: CaseFieldsInput, sent?: RequestSent): Promise<Case> {
      const fields = parseOrThrow(CaseFieldsSchema, input, 'case')
      checkStateCode(fields.state, ['case', 'state'])
      return create(fields, sentEvents(sent))
    },

    /** A case and its first events in one write (imports): one file written, not one per step. */
    async addWithEvents(input: CaseFieldsInput, events: ReadonlyArray<CaseEventInput>): Promise<Case> {
      const fields = parseOrThrow(CaseFieldsSchema, input, 'case')
      checkStateCode(fields.state, ['case', 'state'])
      return create(fields, events)
    },

    /**
     * Many cases with their first events in one durable write (imports): each checked and audited
     * exactly as addWithEvents would (reference numbers against the caseload and the rest of the
     * batch); one that fails: nothing is written.
     */
    async addManyWithEvents(items: ReadonlyArray<{ fields: CaseFieldsInput; events: ReadonlyArray<CaseEventInput> }>, progress: DraftProgress = {}): Promise<Case[]> {
      const today = todayOf(ctx)
      return writeMany(items.length, (i, taken) => draft(parseOrThrow(CaseFieldsSchema, items[i]!.fields, `cases[${i}]`), items[i]!.events, taken, today), progress)
    },

    /**
     * addManyWithEvents for fields and events its caller has already parsed with their schemas (the
     * CSV import parses every row to report each problem at its row and column): not parsed a
     * second time here, but checked by everything else exactly as addManyWithEvents checks them
     * (links, reference numbers, event dates), and the store validates every composed case with
     * the case schema, which holds every rule of both input schemas.
     */
    async addManyParsed(items: ReadonlyArray<{ fields: CaseFields; events: ReadonlyArray<ParsedEventInput> }>, progress: DraftProgress = {}): Promise<Case[]> {
      const today = todayOf(ctx)
      return writeMany(items.length, (i, taken) => draftParsed(items[i]!.fields, items[i]!.events, taken, today), progress)
    },

    /** One patient's requests to several holders, created together under one batch id. */
    async addBatch(input: BatchInput, sent?: RequestSent): Promise<Case[]> {
      const { organizationIds, ...shared } = parseOrThrow(BatchInputSchema, input, 'batch')
      checkStateCode(shared.state, ['batch', 'state'])
      if (new Set(organizationIds).size !== organizationIds.length) throw invalidField(['batch', 'organizationIds'], 'an organization is listed twice', 'batch')
      for (const organizationId of organizationIds) checkLinks({ ...shared, organizationId })
      const batchId = ctx.newId('batch')
      const created: Case[] = []
      for (const organizationId of organizationIds) created.push(await create({ ...shared, organizationId, batchId }, sentEvents(sent)))
      return created
    },

    async update(id: string, patch: CasePatch, opts: Noted = {}): Promise<Case> {
      const before = await load(id)
      const changes = parseOrThrow(CasePatchSchema, patch, 'case')
      checkStateCode(changes.state, ['patch', 'state'])
      const merged: Case = applyPatch(before, changes)
      if (changes.requested) {
        merged.requested = withItemIds(changes.requested)
        checkItemsStillKnown(before, merged)
      }
      checkLinks(merged)
      checkReferences(merged, id)
      return save({ before, next: merged, audit: [{ action: 'update', entity: 'case', ...opts }] })
    },

    async addEvent(caseId: string, input: CaseEventInput, opts: Noted = {}): Promise<CaseEvent> {
      const before = await load(caseId)
      const fields = parseOrThrow(CaseEventInputSchema, input, 'event')
      const at = nowIso(ctx)
      const event = parseOrThrow(CaseEventSchema, { ...fields, id: ctx.newId('ev'), createdAt: at, updatedAt: at }, 'event')
      checkEventDate(event, ['event'])
      checkEventNotTooEarly(before, event, ['event'])
      checkDeliveredItems(before, event, ['event'])
      await save({ before, next: { ...before, events: [...before.events, event].sort(byDate) }, audit: [{ ...eventAdded(event), ...opts }], at })
      return event
    },

    /** Logs several events in one write (imports, the sample caseload); each is validated as addEvent would. */
    async addEvents(caseId: string, inputs: ReadonlyArray<CaseEventInput>): Promise<CaseEvent[]> {
      const before = await load(caseId)
      const at = nowIso(ctx)
      const events = inputs.map((input, i) => {
        const fields = parseOrThrow(CaseEventInputSchema, input, `events[${i}]`)
        const event = parseOrThrow(CaseEventSchema, { ...fields, id: ctx.newId('ev'), createdAt: at, updatedAt: at }, `events[${i}]`)
        checkEventDate(event, ['events', i])
        checkDeliveredItems(before, event, ['events', i])
        return event
      })
      events.forEach((event, i) => checkEventNotTooEarly({ events: [...before.events, ...events] }, event, ['events', i]))
      await save({ before, next: { ...before, events: [...before.events, ...events].sort(byDate) }, audit: events.map(eventAdded), at })
      return events
    },

    async editEvent(caseId: string, eventId: string, patch: Record<string, unknown>): Promise<CaseEvent> {
      const before = await load(caseId)
      const old = before.events.find((e) => e.id === eventId)
      if (!old) throw notFound('event', eventId)
      const changes = parseOrThrow(EventPatchSchema, patch, 'event')
      for (const key of ['id', 'createdAt', 'updatedAt', 'type']) {
        if (key in changes) throw invalidField(['patch', key], 'cannot be changed; log a new event instead', 'event')
      }
      const at = nowIso(ctx)
      // As in every patch, null clears a field; the schema then refuses it where a field is required.
      const event = parseOrThrow(CaseEventSchema, { ...applyPatch(old, changes), updatedAt: at }, 'event')
      checkEventDate(event, ['event'])
      checkEventNotTooEarly(before, event, ['event'])
      checkDeliveredItems(before, event, ['event'])
      const next: Case = { ...before, events: before.events.map((e) => (e.id === eventId ? event : e)).sort(byDate) }
      await save({ before, next, audit: [{ action: 'edit-event', entity: 'event', subject: { id: eventId, before: old, after: event } }], at })
      return event
    },

    async addReminder(caseId: string, input: z.input<typeof ReminderInputSchema>) {
      const before = await load(caseId)
      const fields = parseOrThrow(ReminderInputSchema, input, 'reminder')
      const reminder = { ...fields, id: ctx.newId('rem') }
      await save({ before, next: { ...before, reminders: [...before.reminders, reminder] }, audit: [{ action: 'update', entity: 'case' }] })
      return reminder
    },

    async removeReminder(caseId: string, reminderId: string, opts: Noted = {}): Promise<void> {
      const before = await load(caseId)
      if (!before.reminders.some((r) => r.id === reminderId)) throw notFound('reminder', reminderId)
      await save({ before, next: { ...before, reminders: before.reminders.filter((r) => r.id !== reminderId) }, audit: [{ action: 'update', entity: 'case', ...opts }] })
    },

    /**
     * Letters (services/letters): saves a letter record and, with it, its draft event or the event the
     * draft became (same id), in one write of the case file. A record or event with the same id is replaced.
     */
    async saveLetter(caseId: string, letter: LetterRecord, eventInput?: CaseEventInput & { id: string }): Promise<Case> {
      const before = await load(caseId)
      const at = nowIso(ctx)
      let events = before.events
      const audit: AuditNote[] = []
      if (eventInput) {
        const old = before.events.find((e) => e.id === eventInput.id)
        const event = parseOrThrow(CaseEventSchema, { ...eventInput, createdAt: old?.createdAt ?? at, updatedAt: at }, 'event')
        checkEventDate(event, ['event', 'date'])
        events = [...before.events.filter((e) => e.id !== event.id), event].sort(byDate)
        audit.push(
          old
            ? { action: 'edit-event', entity: 'event', subject: { id: event.id, before: old, after: event } }
            : { action: 'add-event', entity: 'event', subject: { id: event.id, before: undefined, after: event }, changes: [{ path: 'type', before: null, after: event.type }] }
        )
      }
      const letters = before.letters.some((l) => l.id === letter.id) ? before.letters.map((l) => (l.id === letter.id ? letter : l)) : [...before.letters, letter]
      audit.push({ action: 'update', entity: 'case', subject: { id: caseId, before: { letters: before.letters }, after: { letters } } })
      return save({ before, next: { ...before, events, letters }, audit, at })
    },

    /** Moves a case to the trash, from which it can be restored for {@link TRASH_RETENTION_DAYS} days. */
    async trash(id: string, opts: Noted = {}): Promise<Case> {
      const before = await load(id)
      const at = nowIso(ctx)
      return save({ before, next: { ...before, deletedAt: at }, audit: [{ action: 'delete', entity: 'case', ...opts }], at })
    },

    async restore(id: string): Promise<Case> {
      const before = await load(id, { allowTrashed: true })
      if (!before.deletedAt) throw new AppError('CONFLICT', `Case ${id} is not in the trash.`)
      const { deletedAt: _deleted, ...rest } = before
      return save({ before, next: rest, audit: [{ action: 'restore', entity: 'case' }] })
    },

    /** Removes for good the cases that have been in the trash longer than the retention period. */
    async purgeExpiredTrash(): Promise<string[]> {
      const cutoff = new Date(ctx.now().getTime() - TRASH_RETENTION_DAYS * 86_400_000).toISOString()
      const expired = cases.summaries().filter((s) => s.summary.deletedAt && s.summary.deletedAt < cutoff)
      for (const s of expired) {
        await cases.remove(s.id)
        clocks.forget(s.id)
      }
      return expired.map((s) => s.id)
    }
  }
}

export type CaseService = ReturnType<typeof caseService>
