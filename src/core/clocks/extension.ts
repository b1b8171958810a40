// The one extension (docs/day-counting.md §7), for HIPAA's extension notice and a state's delay
// notice alike. A notice takes effect only if dated on or before the original due date and stating
// a reason (where the rule asks for one) and a new date; each failed condition is its own finding and
// does not use up the extension. The first notice meeting every condition takes effect; later ones
// are flagged `second-extension` and ignored. due = min(newDate, limit), never earlier than
// originalDue, where the limit is originalDue + the extension (HIPAA) or receipt + N days (a state's
// "not later than N days after receiving the request").
import { countDays } from './deadline'
import { formatDate, minDate } from './dates'
import type { AppliedRule } from './profile'
import type { ClockEvent } from './schema'
import type { Finding } from './types'

type Notice = Extract<ClockEvent, { type: 'extension-notice' | 'state-delay-notice' }>

export type ExtensionOutcome = { due: string; findings: Finding[]; lines: string[]; applied: Notice | null }

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export function applyExtension(notices: ReadonlyArray<Notice>, originalDue: string, applied: AppliedRule, received: string): ExtensionOutcome {
  const { rule } = applied
  const findings: Finding[] = []
  const lines: string[] = []
  if (notices.length === 0) return { due: originalDue, findings, lines, applied: null }
  const ext = rule.extension
  if (ext === null) {
    for (const n of notices) lines.push(`${n.type === 'extension-notice' ? 'Extension notice' : 'Delay notice'} of ${formatDate(n.date)}: ${rule.label} allows no extension, so it changes nothing.`)
    return { due: originalDue, findings, lines, applied: null }
  }
  const cite = ext.citation
  const Name = capitalized(ext.noticeName)
  let due = originalDue
  let taken: Notice | null = null
  for (const n of notices) {
    const on = formatDate(n.date)
    if (taken) {
      findings.push({
        code: 'second-extension',
        date: n.date,
        citation: cite,
        message: `The ${ext.noticeName} of ${on} would be a second extension; only one is allowed (the notice of ${formatDate(taken.date)} took effect), so it was ignored.`
      })
      lines.push(`${Name} of ${on}: ignored, the one extension was already taken.`)
      continue
    }
    const failures: string[] = []
    if (n.date > originalDue) {
      failures.push('sent after the original due date')
      findings.push({
        code: 'extension-late',
        date: n.date,
        citation: cite,
        message: `The ${ext.noticeName} of ${on} came after the original due date ${formatDate(originalDue)}; a notice must be sent within the first ${rule.days} ${rule.dayKind} days, so it was ignored.`
      })
    }
    if (ext.reasonRequired && (n.reason === undefined || n.reason.trim() === '')) {
      failures.push('no reason stated')
      findings.push({
        code: 'extension-no-reason',
        date: n.date,
        citation: cite,
        message: `The ${ext.noticeName} of ${on} states no reason for the delay, so it was ignored.`
      })
    }
    if (n.newDate === undefined) {
      failures.push('no new date given')
      findings.push({
        code: 'extension-no-date',
        date: n.date,
        citation: cite,
        message: `The ${ext.noticeName} of ${on} gives no date by which the request will be met, so it was ignored.`
      })
    }
    if (failures.length > 0 || n.newDate === undefined) {
      lines.push(`${Name} of ${on} did not take effect (${failures.join('; ')}); it does not use up the one extension.`)
      continue
    }
    taken = n
    const limit =
      ext.counted === 'after-receipt'
        ? countDays(received, ext.days, applied, `${Name} limit: request received`, cite)
        : countDays(originalDue, ext.days, applied, 'Extension limit: original due date', cite)
    const promised = n.newDate
    if (promised <= originalDue) {
      lines.push(`${Name} of ${on} took effect but promised ${formatDate(promised)}, not after the original due date, so the due date is unchanged.`)
      continue
    }
    due = minDate(promised, limit.date)
    lines.push(`${Name} of ${on} (on or before the original due date ${formatDate(originalDue)}, with ${ext.reasonRequired ? 'a reason and ' : ''}a new date) took effect.`)
    lines.push(...limit.lines)
    if (promised > limit.date) {
      findings.push({
        code: 'extension-too-long',
        date: n.date,
        citation: cite,
        message: `The ${ext.noticeName} of ${on} promised ${formatDate(promised)}, beyond the most the rule allows (${formatDate(limit.date)}, ${ext.days} ${rule.dayKind === 'business' ? 'business' : 'calendar'} days after the ${ext.counted === 'after-receipt' ? 'request was received' : 'original due date'}); the due date is capped at ${formatDate(limit.date)}.`
      })
      lines.push(`The promised date ${formatDate(promised)} is beyond that limit, so the due date is capped at ${formatDate(due)}.`)
    } else {
      lines.push(`New due date: the promised ${formatDate(promised)} (within the limit of ${formatDate(limit.date)}).`)
    }
  }
  return { due, findings, lines, applied: taken }
}
