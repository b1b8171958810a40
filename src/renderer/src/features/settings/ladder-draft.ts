// The escalation ladder editor's draft: one row per step as typed, checked with the contract's own
// LadderConfigSchema (no duplicates, a step counts only from an earlier one).
import { ESCALATION_STEP_IDS, LadderConfigSchema, type EscalationStepId, type LadderConfig } from '#core/escalation'
import { newLocalId } from '../../ui/format'
import { issuesByPath } from '../../ui/zod-errors'

export type StepDraft = { key: string; step: EscalationStepId; letter: string; after: 'due' | EscalationStepId; days: string }
export type LadderDraft = { steps: StepDraft[] }

/** Row keys are stable for the same ladder, so the first keystroke does not remount the row being typed in. */
export const ladderDraftOf = (ladder: LadderConfig): LadderDraft => ({
  steps: ladder.steps.map((s, i) => ({ key: `stored-${i}`, step: s.step, letter: s.letter, after: s.after, days: String(s.days) }))
})

/** A step not yet on the ladder, counted a week after the last one. */
export function newStep(d: LadderDraft): StepDraft | null {
  const used = new Set(d.steps.map((s) => s.step))
  const step = ESCALATION_STEP_IDS.find((s) => !used.has(s))
  if (!step) return null
  const last = d.steps[d.steps.length - 1]
  return { key: newLocalId('step'), step, letter: step, after: last ? last.step : 'due', days: last ? '7' : '0' }
}

export const moveStep = (d: LadderDraft, i: number, by: -1 | 1): LadderDraft => {
  const j = i + by
  if (j < 0 || j >= d.steps.length) return d
  const steps = [...d.steps]
  const a = steps[i]
  const b = steps[j]
  if (!a || !b) return d
  steps[i] = b
  steps[j] = a
  return { steps }
}

/** "7 days before the due date", "the day after Escalate to the privacy officer". */
export function describeDelay(days: number, anchor: string): string {
  if (days === 0) return `on ${anchor}`
  const n = Math.abs(days)
  const unit = n === 1 ? 'day' : 'days'
  return `${n} ${unit} ${days < 0 ? 'before' : 'after'} ${anchor}`
}

export type LadderCheck = { ok: true; ladder: LadderConfig } | { ok: false; errors: Record<string, string> }

export function checkLadderDraft(d: LadderDraft): LadderCheck {
  const errors: Record<string, string> = {}
  const steps = d.steps.map((s, i) => {
    const t = s.days.trim()
    if (!/^-?\d+$/.test(t)) errors[`steps.${i}.days`] = t === '' ? 'enter a number of days (negative: before)' : `"${t}" is not a whole number of days`
    return { step: s.step, letter: s.letter.trim(), after: s.after, days: Number(t) }
  })
  const parsed = LadderConfigSchema.safeParse({ steps })
  if (!parsed.success) {
    for (const [path, message] of Object.entries(issuesByPath(parsed.error))) errors[path] ??= message
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, ladder: parsed.data }
}

export const sameLadder = (a: LadderConfig, b: LadderConfig): boolean => JSON.stringify(a.steps) === JSON.stringify(b.steps)
