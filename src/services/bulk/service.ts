// Bulk actions and undo. Each action runs case by case through the cases service (so every write
// goes through commit(), with its validation and an audit entry that names the bulk change), keeps
// each case's state from before, and records one change set. Undo writes those states back,
// through commit() again with an "undo" audit entry, and only while nothing else has touched the
// cases since: otherwise it would silently wipe out later work.
import { z } from 'zod'
import type { Case } from '../../core/schemas'
import { BulkInputSchema, type BulkResultValue, type ChangeSetInfoValue } from '#shared/channels/bulk'
import { AppError } from '#shared/errors'
import type { CaseService } from '../cases'
import type { ClockService } from '../clock-service'
import { nowIso, type ServiceContext } from '../context'
import type { LettersService } from '../letters/service'
import { parseOrThrow } from '../validate'
import { commit } from '../write'
import { KEPT_CHANGE_SETS, type ChangeKind, type ChangeSet } from './change-set'
import { describeAction, caseLabel, plainType, type CaseNames } from './summary'

type Deps = { cases: CaseService; clocks: ClockService; letters: LettersService }

type Outcome = { caseId: string; before: Case } | { caseId: string; unchanged: string }

export function bulkService(ctx: ServiceContext, deps: Deps) {
  const records = ctx.store.records.cases
  const doc = ctx.store.singletons.changeSets
  const names: CaseNames = {
    patient: (id) => ctx.store.sharded.patients.get(id)?.name,
    organization: (id) => ctx.store.sharded.organizations.get(id)?.name
  }

  /** Remembers the change; older change sets lose their snapshots (only the newest can be undone). */
  async function record(kind: ChangeKind, summary: string, touched: ReadonlyArray<{ caseId: string; before: Case }>): Promise<ChangeSet | null> {
    if (touched.length === 0) return null
    const entries = []
    for (const t of touched) {
      const after = await records.get(t.caseId)
      if (!after) continue
      entries.push({ caseId: t.caseId, before: t.before, after: { updatedAt: after.updatedAt, historyLength: after.history.length } })
    }
    const set: ChangeSet = { id: ctx.newId('change'), at: nowIso(ctx), kind, summary, caseIds: touched.map((t) => t.caseId), entries }
    const older = doc.get().sets.map((s) => ({ ...s, entries: [] }))
    await doc.put({ sets: [...older, set].slice(-KEPT_CHANGE_SETS) })
    return set
  }

  const info = (s: ChangeSet): ChangeSetInfoValue => ({ id: s.id, at: s.at, kind: s.kind, summary: s.summary, caseIds: s.caseIds, undoneAt: s.undoneAt ?? null })

  /** One case: its state before, or why it was left as it was. A failure of one case does not stop the rest. */
  async function each(ids: ReadonlyArray<string>, run: (c: Case) => Promise<string | null>): Promise<Outcome[]> {
    const out: Outcome[] = []
    for (const caseId of new Set(ids)) {
      const before = await records.get(caseId)
      if (!before) {
        out.push({ caseId, unchanged: 'no such case' })
        continue
      }
      try {
        const unchanged = await run(before)
        out.push(unchanged === null ? { caseId, before } : { caseId, unchanged })
      } catch (error) {
        out.push({ caseId, unchanged: error instanceof AppError ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}` })
      }
    }
    return out
  }

  async function finish(kind: ChangeKind, outcomes: Outcome[], described: (n: number) => string): Promise<BulkResultValue> {
    const touched = outcomes.filter((o): o is { caseId: string; before: Case } => 'before' in o)
    const unchanged = outcomes.filter((o): o is { caseId: string; unchanged: string } => 'unchanged' in o).map((o) => ({ caseId: o.caseId, reason: o.unchanged }))
    const main = touched.length > 0 ? described(touched.length) : 'Nothing changed'
    const summary = unchanged.length > 0 ? `${main} · ${unchanged.length === 1 ? '1 case' : `${unchanged.length} cases`} left as ${unchanged.length === 1 ? 'it was' : 'they were'}` : main
    const set = await record(kind, main, touched)
    return { changeSetId: set?.id ?? null, summary, changed: touched.map((t) => t.caseId), unchanged }
  }

  const trashed = (c: Case): string | null => (c.deletedAt ? 'is in the trash (restore it first)' : null)

  return {
    async apply(input: z.input<typeof BulkInputSchema>): Promise<BulkResultValue> {
      const { ids, action } = parseOrThrow(BulkInputSchema, input, 'bulk', [])
      const { kind, sentence } = describeAction(action, deps.letters.templates())
      const note = (n: number) => `Part of a bulk change: ${sentence(n)}`
      const n = new Set(ids).size
      switch (action.kind) {
        case 'assign': {
          const to = action.assignee ?? undefined
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return trashed(c)
            if (c.assignee === to) return to ? `already assigned to ${to}` : 'has no advocate already'
            await deps.cases.update(c.id, { assignee: action.assignee }, { note: note(n) })
            return null
          })
          return finish(kind, outcomes, sentence)
        }
        case 'tag': {
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return trashed(c)
            const tags = [...c.tags.filter((t) => !action.remove.includes(t)), ...action.add.filter((t) => !c.tags.includes(t))]
            if (tags.length === c.tags.length && tags.every((t) => c.tags.includes(t))) return 'already tagged so'
            await deps.cases.update(c.id, { tags }, { note: note(n) })
            return null
          })
          return finish(kind, outcomes, sentence)
        }
        case 'priority': {
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return trashed(c)
            if (c.priority === action.priority) return `already ${action.priority}`
            await deps.cases.update(c.id, { priority: action.priority }, { note: note(n) })
            return null
          })
          return finish(kind, outcomes, sentence)
        }
        case 'event': {
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return trashed(c)
            if (c.events.some((e) => e.type === action.event.type && e.date === action.event.date)) return `already has “${plainType(action.event.type)}” on ${action.event.date}`
            await deps.cases.addEvent(c.id, action.event, { note: note(n) })
            return null
          })
          return finish(kind, outcomes, sentence)
        }
        case 'letters': {
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return trashed(c)
            const r = await deps.letters.bulk({ templateId: action.templateId, caseIds: [c.id], values: action.values, ...(action.date !== undefined && { date: action.date }) })
            return r.made.length > 0 ? null : (r.skipped[0]?.reason ?? 'skipped')
          })
          return finish(kind, outcomes, sentence)
        }
        case 'trash': {
          const outcomes = await each(ids, async (c) => {
            if (c.deletedAt) return 'already in the trash'
            await deps.cases.trash(c.id, { note: note(n) })
            return null
          })
          return finish(kind, outcomes, sentence)
        }
        case 'restore': {
          const outcomes = await each(ids, async (c) => {
            if (!c.deletedAt) return 'is not in the trash'
            await deps.cases.restore(c.id)
            return null
          })
          return finish(kind, outcomes, sentence)
        }
      }
    },

    /** cases.trash: one case to the trash, undoable. */
    async trashOne(id: string): Promise<Case> {
      const before = await deps.cases.load(id)
      const written = await deps.cases.trash(id)
      await record('trash', `Moved the case of ${caseLabel(before, names)} to the trash`, [{ caseId: id, before }])
      return written
    },

    /** cases.removeReminder: undoable. */
    async removeReminder(caseId: string, reminderId: string): Promise<void> {
      const before = await deps.cases.load(caseId)
      const reminder = before.reminders.find((r) => r.id === reminderId)
      await deps.cases.removeReminder(caseId, reminderId)
      const what = reminder?.note ? ` “${reminder.note.length > 60 ? `${reminder.note.slice(0, 59)}…` : reminder.note}”` : ''
      await record('remove-reminder', `Removed the reminder of ${reminder?.date ?? ''}${what} from the case of ${caseLabel(before, names)}`, [{ caseId, before }])
    },

    last(): ChangeSetInfoValue | null {
      const sets = doc.get().sets
      const newest = sets[sets.length - 1]
      return newest ? info(newest) : null
    },

    /** Takes the newest change set back exactly; refuses, changing nothing, when that would lose later work. */
    async undo(changeSetId: string): Promise<{ summary: string; restored: string[] }> {
      const sets = doc.get().sets
      const set = sets.find((s) => s.id === changeSetId)
      if (!set) {
        throw new AppError('NOT_FOUND', `No change "${changeSetId}" is remembered: only the last change can be undone, and the last ${KEPT_CHANGE_SETS} are remembered.`, { id: changeSetId })
      }
      if (set.undoneAt) throw new AppError('CONFLICT', `“${set.summary}” was already undone.`, { id: changeSetId })
      const newest = sets[sets.length - 1]
      if (newest && newest.id !== set.id) {
        throw new AppError('CONFLICT', `“${set.summary}” can no longer be undone: a later change came after it (“${newest.summary}”). Only the last change can be undone.`, { id: changeSetId })
      }
      const current: Case[] = []
      for (const entry of set.entries) {
        const now = await records.get(entry.caseId)
        const label = caseLabel(entry.before, names)
        if (!now) throw new AppError('CONFLICT', `“${set.summary}” cannot be undone: the case of ${label} was deleted for good since. Nothing was undone.`, { caseId: entry.caseId })
        if (now.updatedAt !== entry.after.updatedAt || now.history.length !== entry.after.historyLength) {
          throw new AppError(
            'CONFLICT',
            `“${set.summary}” cannot be undone: the case of ${label} was changed afterwards (${now.updatedAt.slice(0, 16).replace('T', ' ')} UTC), and undoing would wipe out that change. Nothing was undone; change the cases back by hand.`,
            { caseId: entry.caseId }
          )
        }
        current.push(now)
      }
      const note = `Undid “${set.summary}”`
      for (const [i, entry] of set.entries.entries()) {
        const now = current[i] as Case
        // The case exactly as it was, with its history carried on (commit appends the undo entry).
        await commit(ctx, records, { before: now, next: { ...entry.before, history: now.history }, audit: [{ action: 'undo', entity: 'case', note }] })
        deps.clocks.forget(entry.caseId)
      }
      await doc.put({ sets: sets.map((s) => (s.id === set.id ? { ...s, undoneAt: nowIso(ctx), entries: [] } : s)) })
      return { summary: note, restored: set.entries.map((e) => e.caseId) }
    }
  }
}

export type BulkService = ReturnType<typeof bulkService>
