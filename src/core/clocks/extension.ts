// The one extension (DOMAIN 0.7). A notice takes effect only if dated on or before the original due
// date and stating a reason and a new date; each failed condition is its own finding and does not
// use up the extension. The first notice meeting every condition takes effect; later ones are
// flagged `second-extension` and ignored. due = min(newDate, originalDue + extension), never earlier
// than originalDue.
import { countDays } from './deadline'
import { formatDate, minDate } from './dates'
import type { AppliedRule } from './profile'
import type { ClockEvent } from './schema'
import type { Finding } from './types'

type Notice = Extract<ClockEvent, { type: 'extension-notice' }>

export type ExtensionOutcome = { due: string; findings: Finding[]; lines: string[]; applied: Notice | null }

export function applyExtension(notices: ReadonlyArray<Notice>, originalDue: string, applied: AppliedRule): ExtensionOutcome {
  const { rule } = applied
  const findings: Finding[] = []
  const lines: string[] = []
  if (notices.length === 0) return { due: originalDue, findings, lines, applied: null }
  const ext = rule.extension
  if (ext === null) {
    for (const n of notices) lines.push(`Extension notice of ${formatDate(n.date)}: ${rule.label} allows no extension, so it changes nothing.`)
    return { due: originalDue, findings, lines, applied: null }
  }
  const cite = ext.citation
  let due = originalDue
  let taken: Notice | null = null
  for (const n of notices) {
    const on = formatDate(n.date)
    if (taken) {
      findings.push({
        code: 'second-extension',
        date: n.date,
        citation: cite,
        message: `The extension notice of ${on} would be a second extension; only one is allowed (the notice of ${formatDate(taken.date)} took effect), so it was ignored.`
      })
      lines.push(`Extension notice of ${on}: ignored, the one extension was already taken.`)
      continue
    }
    const failures: string[] = []
    if (n.date > originalDue) {
      failures.push('sent after the original due date')
      findings.push({
        code: 'extension-late',
        date: n.date,
        citation: cite,
        message: `The extension notice of ${on} came after the original due date ${formatDate(originalDue)}; a notice must be sent within the first ${rule.days} ${rule.dayKind} days, so it was ignored.`
      })
    }
    if (n.reason === undefined || n.reason.trim() === '') {
      failures.push('no reason stated')
      findings.push({
        code: 'extension-no-reason',
        date: n.date,
        citation: cite,
        message: `The extension notice of ${on} states no reason for the delay, so it was ignored.`
      })
    }
    if (n.newDate === undefined) {
      failures.push('no new date given')
      findings.push({
        code: 'extension-no-date',
        date: n.date,
        citation: cite,
        message: `The extension notice of ${on} gives no date by which access will be provided, so it was ignored.`
      })
    }
    if (failures.length > 0 || n.newDate === undefined) {
      lines.push(`Extension notice of ${on} did not take effect (${failures.join('; ')}); it does not use up the one extension.`)
      continue
    }
    taken = n
    const limit = countDays(originalDue, ext.days, applied, 'Extension limit: original due date', cite)
    const promised = n.newDate
    if (promised <= originalDue) {
      lines.push(`Extension notice of ${on} took effect but promised ${formatDate(promised)}, not after the original due date, so the due date is unchanged.`)
      continue
    }
    due = minDate(promised, limit.date)
    lines.push(`Extension notice of ${on} (on or before the original due date ${formatDate(originalDue)}, with a reason and a new date) took effect.`)
    lines.push(...limit.lines)
    if (promised > limit.date) {
      findings.push({
        code: 'extension-too-long',
        date: n.date,
        citation: cite,
        message: `The extension notice of ${on} promised ${formatDate(promised)}, beyond the most the rule allows (${formatDate(limit.date)}, ${ext.days} ${rule.dayKind === 'business' ? 'business' : 'calendar'} days after the original due date); the due date is capped at ${formatDate(limit.date)}.`
      })
      lines.push(`The promised date ${formatDate(promised)} is beyond that limit, so the due date is capped at ${formatDate(due)}.`)
    } else {
      lines.push(`New due date: the promised ${formatDate(promised)} (within the limit of ${formatDate(limit.date)}).`)
    }
  }
  return { due, findings, lines, applied: taken }
}
