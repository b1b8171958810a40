// The clock of one case as of a given day: due dates, status, findings, complaint window, next
// escalation step and the explanation that leads to each date. Pure: "today" is `input.asOf`.
import {
  AGENCY_CHECK_DEFAULT_DAYS,
  DEFAULT_LADDER,
  ESCALATION_STEP_IDS,
  agencyState,
  planEscalation,
  type AgencyVenue,
  type EscalationStepId,
  type LadderConfig,
  type StepSkip
} from '../escalation'
import { FEES } from '../rules'
import { addCalendarDays, diffCalendarDays, formatDate } from './dates'
import { initialDeadline } from './deadline'
import { checkDateOrder } from './parse'
import { asOfFilter, ofType } from './event-log'
import { applyExtension } from './extension'
import { barrierFinding, denialFindings, feeFindings, formatFinding, sortFindings } from './findings'
import { resolveProfile } from './profile'
import type { ClockEvent, ClockInput, ProfileDefinition } from './schema'
import type { ClockResult, ClockStatus, Finding, HipaaAloneClock } from './types'
import { complaintWindow } from './window'
import { stepLabel } from '../labels'

export type ComputeOptions = {
  savedProfiles?: ReadonlyArray<ProfileDefinition>
  ladder?: LadderConfig
  /** Days after filing a complaint to check the agency acknowledged it (default: a working default, not law). */
  agencyCheckDays?: number
  /** Also judge a state overlay's case under HIPAA alone (`hipaaAlone` in the result): the audit needs both. */
  hipaaAlone?: boolean
}

const VENUE_WORDS: Record<AgencyVenue, string> = {
  ocr: 'HHS Office for Civil Rights',
  'information-blocking': 'the information-blocking portal (ONC/OIG)',
  state: 'a state agency'
}

type Stopper = Extract<ClockEvent, { type: 'delivered' | 'denied' | 'withdrawn' }>

const stopsClock = (e: ClockEvent): e is Stopper =>
  (e.type === 'delivered' && e.complete) || e.type === 'denied' || e.type === 'withdrawn'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export function computeClock(input: ClockInput, options: ComputeOptions = {}): ClockResult {
  const orderError = checkDateOrder(input)
  if (orderError) throw orderError
  const { kind, received, asOf, requestType } = input
  const resolved = resolveProfile(input.profile, kind, received, options.savedProfiles ?? [])
  const explanation: string[] = [...resolved.lines]
  for (const w of resolved.warnings) explanation.push(`Warning: ${w}`)

  const { kept, leftOut: leftOutAll } = asOfFilter(input.events, asOf)
  // Notes never change a result, not even this line.
  const leftOut = leftOutAll.filter((e) => e.type !== 'note')
  if (leftOut.length > 0) {
    explanation.push(`${plural(leftOut.length, 'event')} dated after the as-of date ${formatDate(asOf)} ${leftOut.length === 1 ? 'was' : 'were'} left out.`)
  }

  // 1. Due dates: the primary rule, its one extension, then any state overlay with its own delay
  //    notice (docs/day-counting.md §7, §8).
  const primary = resolved.primary
  const primaryStart = initialDeadline(received, primary)
  explanation.push(...primaryStart.lines)
  const ext = applyExtension(ofType(kept, 'extension-notice'), primaryStart.date, primary, received)
  explanation.push(...ext.lines)
  const findings: Finding[] = [...ext.findings]

  let originalDue = primaryStart.date
  let due = ext.due
  let controllingRule = primary.rule.citation
  const overlay = resolved.overlay
  const delayNotices = ofType(kept, 'state-delay-notice')
  if (overlay) {
    const stateStart = initialDeadline(received, overlay)
    explanation.push(...stateStart.lines)
    const stateExt = applyExtension(delayNotices, stateStart.date, overlay, received)
    explanation.push(...stateExt.lines)
    findings.push(...stateExt.findings)
    if (ext.applied || delayNotices.length > 0) {
      // The overlay's reading where the law is silent on how the two notices combine.
      explanation.push(
        overlay.rule.extension
          ? `Each notice counts under the rule it was recorded for: an extension notice moves only HIPAA's date, a state delay notice only the state's (${overlay.rule.citation}); a letter meant as both should be recorded as both.`
          : `${overlay.rule.label} allows no extension, so the extension does not move its date.`
      )
    }
    const stateDue = stateExt.due
    // Name the roll-forward where it made the state's date, so the controlling line shows both.
    const rolled = stateStart.rolledFrom && stateDue === stateStart.date && overlay.rollForward ? ` (rolled forward from ${formatDate(stateStart.rolledFrom)} under ${overlay.rollForward.citation})` : ''
    if (stateDue <= due) {
      controllingRule = overlay.rule.citation
      explanation.push(
        stateDue === due
          ? `Both rules give ${formatDate(due)}; the state rule is named as controlling.`
          : `The earlier date controls: ${formatDate(stateDue)} under ${overlay.rule.citation}${rolled}, before ${formatDate(due)} under ${primary.rule.citation}.`
      )
      due = stateDue
    } else {
      explanation.push(`The earlier date controls: ${formatDate(due)} under ${primary.rule.citation}, before ${formatDate(stateDue)} under ${overlay.rule.citation}${rolled}.`)
    }
    if (stateStart.date < originalDue) originalDue = stateStart.date
  } else {
    for (const n of delayNotices) explanation.push(`Delay notice of ${formatDate(n.date)}: no state rule applies to this case, so it changes nothing.`)
  }
  explanation.push(`Controlling rule: ${controllingRule}; due ${formatDate(due)}${due !== originalDue ? ` (originally ${formatDate(originalDue)})` : ''}.`)

  // 2. Status (docs/day-counting.md §4–§6): the first complete delivery, denial or withdrawal stops the clock.
  for (const p of kept.filter((e) => e.type === 'delivered' && !e.complete)) {
    explanation.push(`Partial delivery on ${formatDate(p.date)} recorded; a partial delivery does not stop the clock.`)
  }
  const stopper = kept.find(stopsClock)
  const verdict = judge(due, controllingRule, stopper, asOf, true)
  explanation.push(...verdict.lines)
  const { status, daysLate, daysRemaining } = verdict
  if (verdict.late) findings.push(verdict.late)
  if (stopper) {
    const later = kept.filter((e) => stopsClock(e) && e !== stopper)
    if (later.length > 0) explanation.push(`${plural(later.length, 'later response')} recorded; the first response ends the clock, so ${later.length === 1 ? 'it changes' : 'they change'} no date.`)
  }
  const factsFrom = findings.length

  // 3. Findings from recorded facts (docs/day-counting.md §11): denial contents for every kind whose
  //    rule lists them; fees (only for the individual's own copy), formats and barriers for access.
  const denials = ofType(kept, 'denied')
  for (const d of denials) findings.push(...denialFindings(d, kind))
  if (kind === 'accounting' && denials.length > 0) {
    explanation.push('Denial-content findings are not assessed for accounting requests: 45 CFR 164.528 lists no contents for a denial.')
  }
  if (kind === 'access') {
    const fees = ofType(kept, 'fee-quoted')
    if (requestType === 'self') for (const f of fees) findings.push(...feeFindings(f))
    else if (fees.length > 0) {
      explanation.push(`Fees were not assessed: the HIPAA patient-rate fee limit covers only the individual's own copy, not a ${requestType} request (${FEES.selfOnlySource}).`)
    }
    const requests = ofType(kept, 'requested-format')
    for (const d of ofType(kept, 'delivered')) {
      const f = formatFinding(d, requests)
      if (f) findings.push(f)
    }
    for (const b of ofType(kept, 'barrier')) findings.push(barrierFinding(b))
  } else if (kept.some((e) => e.type === 'fee-quoted' || e.type === 'barrier' || e.type === 'requested-format')) {
    explanation.push(`Fee, format and barrier findings are assessed for access requests only, not for ${kind} requests.`)
  }
  const sorted = sortFindings(findings)
  // HIPAA alone, for a state overlay whose primary rule is HIPAA's: the same facts judged against
  // HIPAA's own date, exactly what computing the case under the profile "hipaa" gives (audit reports).
  let hipaaAlone: HipaaAloneClock | undefined
  if (options.hipaaAlone && overlay) {
    const primaryVerdict = judge(ext.due, primary.rule.citation, stopper, asOf, false)
    hipaaAlone = {
      due: ext.due,
      originalDue: primaryStart.date,
      status: primaryVerdict.status,
      daysLate: primaryVerdict.daysLate,
      daysRemaining: primaryVerdict.daysRemaining,
      findings: sortFindings([...ext.findings, ...(primaryVerdict.late ? [primaryVerdict.late] : []), ...findings.slice(factsFrom)]),
      controllingRule: primary.rule.citation,
      profileVersion: primary.ref
    }
  }

  // 4. Complaint window (docs/day-counting.md §9) and escalation.
  const window = complaintWindow(
    sorted,
    denials.map((d) => d.date),
    asOf
  )
  explanation.push(...window.lines)

  const takenOn = new Map<EscalationStepId, string>()
  for (const e of kept) {
    if ((ESCALATION_STEP_IDS as ReadonlyArray<string>).includes(e.type) && !takenOn.has(e.type as EscalationStepId)) {
      takenOn.set(e.type as EscalationStepId, e.date)
    }
  }
  const running = status === 'awaiting' || status === 'overdue'
  const skipped = new Map<EscalationStepId, StepSkip>()
  for (const e of ofType(kept, 'step-skipped')) if (!skipped.has(e.step)) skipped.set(e.step, { on: e.date, reason: e.reason.trim() })
  const plan = planEscalation({ ladder: options.ladder ?? DEFAULT_LADDER, received, due, takenOn, skipped, clockRunning: running })
  for (const s of plan.steps.filter((x) => x.status !== 'pending')) {
    explanation.push(
      s.status === 'taken'
        ? `${stepLabel(s.step)}: done on ${formatDate(s.takenOn ?? s.due)}.`
        : s.skip
          ? `${stepLabel(s.step)}: skipped for this case on ${formatDate(s.skip.on)}: ${s.skip.reason}. It is no longer suggested or overdue.`
          : `${stepLabel(s.step)}: skipped (a later step was taken).`
    )
  }

  // 5. With an agency (docs/escalation.md): a complaint filed moves the case off the ladder.
  const checkDays = options.agencyCheckDays ?? AGENCY_CHECK_DEFAULT_DAYS
  const agency = agencyState({
    filings: kept.flatMap((e): Array<{ venue: AgencyVenue; date: string }> =>
      e.type === 'ocr-complaint'
        ? [{ venue: 'ocr' as const, date: e.date }]
        : e.type === 'information-blocking-report'
          ? [{ venue: 'information-blocking' as const, date: e.date }]
          : e.type === 'state-complaint'
            ? [{ venue: 'state' as const, date: e.date }]
            : []
    ),
    acknowledgements: ofType(kept, 'agency-acknowledged').map((e) => ({ date: e.date, venue: e.venue })),
    resolutions: ofType(kept, 'resolution').map((e) => e.date),
    checkDays
  })
  for (const f of agency?.filings ?? []) {
    explanation.push(
      f.acknowledgedOn
        ? `Complaint filed with ${VENUE_WORDS[f.venue]} on ${formatDate(f.filedOn)}, acknowledged on ${formatDate(f.acknowledgedOn)}.`
        : `Complaint filed with ${VENUE_WORDS[f.venue]} on ${formatDate(f.filedOn)}: check for its acknowledgement by ${formatDate(f.checkDue ?? f.filedOn)} (${plural(checkDays, 'day')} after filing, a working default, not a legal deadline).`
    )
  }
  const nextStep = agency ? null : plan.nextStep
  explanation.push(
    agency
      ? 'The case is with the agency: no further ladder step is suggested while the complaint is open (log a resolution to end it).'
      : nextStep
        ? `Next step: ${stepLabel(nextStep.step)}, due ${formatDate(nextStep.due)}.`
        : running
          ? 'Every escalation step has been taken or skipped.'
          : 'No next escalation step: the clock has stopped.'
  )

  const reminders = [...input.reminders]
    .filter((r) => r.date >= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.note ?? '') < (b.note ?? '') ? -1 : 1))
    .map((r) => ({ date: r.date, note: r.note ?? null }))

  return {
    due,
    originalDue,
    status,
    daysLate,
    daysRemaining,
    findings: sorted,
    complaintWindowCloses: window.closes,
    nextStep,
    controllingRule,
    explanation,
    complaintWindowWarning: window.warning,
    profileVersion: resolved.profileVersion,
    warnings: resolved.warnings,
    escalation: plan.steps,
    agency,
    reminders,
    ...(hipaaAlone && { hipaaAlone })
  }
}

type Verdict = { status: ClockStatus; daysLate: number | null; daysRemaining: number | null; late: Finding | null; lines: string[] }

/** Status, lateness and the late finding of a request against one due date (docs/day-counting.md §4–§6). */
function judge(due: string, controllingRule: string, stopper: Stopper | undefined, asOf: string, explain: boolean): Verdict {
  const lines: string[] = []
  const say = (line: () => string) => {
    if (explain) lines.push(line())
  }
  const lateFrom = addCalendarDays(due, 1)
  const lateFinding = (message: string): Finding => ({ code: 'response-late', date: lateFrom, citation: controllingRule, message })
  if (!stopper) {
    if (asOf <= due) {
      const daysRemaining = diffCalendarDays(due, asOf)
      say(() => `As of ${formatDate(asOf)} no complete response or denial: awaiting, ${plural(daysRemaining, 'day')} remaining.`)
      return { status: 'awaiting', daysLate: null, daysRemaining, late: null, lines }
    }
    const daysLate = diffCalendarDays(asOf, due)
    say(() => `As of ${formatDate(asOf)} no complete response or denial: overdue since ${formatDate(lateFrom)}, ${plural(daysLate, 'day')} late.`)
    return {
      status: 'overdue',
      daysLate,
      daysRemaining: null,
      late: lateFinding(`No complete response or denial by the due date ${formatDate(due)}; ${plural(daysLate, 'day')} late as of ${formatDate(asOf)}.`),
      lines
    }
  }
  const on = formatDate(stopper.date)
  const late = stopper.date > due
  const lateBy = diffCalendarDays(stopper.date, due)
  if (stopper.type === 'withdrawn') {
    say(() => `The request was withdrawn on ${on}; the clock stopped.`)
    return { status: 'withdrawn', daysLate: null, daysRemaining: null, late: late ? lateFinding(`The request was overdue from ${formatDate(lateFrom)} until it was withdrawn on ${on}.`) : null, lines }
  }
  const what = stopper.type === 'denied' ? 'denial' : 'complete delivery'
  say(() => `The ${what} of ${on} stopped the clock: ${late ? `${plural(lateBy, 'day')} late` : 'on time'}.`)
  return {
    status: stopper.type === 'denied' ? 'denied' : late ? 'fulfilled-late' : 'fulfilled-on-time',
    daysLate: late ? lateBy : null,
    daysRemaining: null,
    late: late ? lateFinding(`The ${what} of ${on} came ${plural(lateBy, 'day')} after the due date ${formatDate(due)}.`) : null,
    lines
  }
}
