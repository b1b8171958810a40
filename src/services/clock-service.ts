// Computes each case's clock as of a day, from the scenario kept in its summary, and remembers the
// result by (case revision, as-of date, rules version): a result is recomputed only when one of the
// three changes. The caseload lists thousands of cases at once; the first list of a day fills this
// cache in slices (caseload/clock-sweep.ts) rather than in one long block.
import { createHash } from 'node:crypto'
import { computeClock, ClockInputError, type ClockResult, type FindingCode } from '../core/clocks'
import type { CaseClockScenario } from '../core/cases/to-clock'
import { RULES_VERSION } from '../core/rules/version'
import { ladderFor } from '../core/perspective'
import type { ServiceContext } from './context'

/** A clock with everything a case's own page shows: how it was counted, every ladder step. */
export type FullCaseClock =
  | { state: 'not-sent' }
  | { state: 'ok'; result: ClockResult; receiptAssumed: boolean }
  | { state: 'error'; message: string }

/**
 * What the caseload, Today and the reports read of a clock, and what is remembered for every case:
 * a full result without its explanation and ladder steps (most of its size: at 30,000 cases they
 * would hold some 80 MB for nobody). The case's page computes its one clock in full (`full`).
 */
export type ClockFigures = Omit<ClockResult, 'explanation' | 'escalation' | 'warnings' | 'hipaaAlone' | 'findings'> & {
  /** The findings' codes, each once (their wording and citations are the case page's). */
  findingCodes: FindingCode[]
}

export type CaseClock =
  | { state: 'not-sent' }
  | { state: 'ok'; result: ClockFigures; receiptAssumed: boolean }
  | { state: 'error'; message: string }

type Memo = { rev: number; asOf: string; rules: string; clock: CaseClock }

const NOT_SENT = { state: 'not-sent' } as const

function figuresOf(clock: FullCaseClock): CaseClock {
  if (clock.state !== 'ok') return clock
  const r = clock.result
  // Written out, not `{ ...rest }`: V8 gave each object made by rest and spread a hidden class of
  // its own, 21,000 of them at 30,000 cases (11 MB of maps and descriptors); a literal shares one.
  const figures: ClockFigures = {
    due: r.due,
    originalDue: r.originalDue,
    status: r.status,
    daysLate: r.daysLate,
    daysRemaining: r.daysRemaining,
    complaintWindowCloses: r.complaintWindowCloses,
    nextStep: r.nextStep,
    controllingRule: r.controllingRule,
    complaintWindowWarning: r.complaintWindowWarning,
    profileVersion: r.profileVersion,
    agency: r.agency,
    reminders: r.reminders,
    findingCodes: [...new Set(r.findings.map((f) => f.code))]
  }
  return { state: 'ok', result: figures, receiptAssumed: clock.receiptAssumed }
}

export function clockService(ctx: ServiceContext) {
  const memo = new Map<string, Memo>()
  // The settings object is replaced on every save, so its identity tells when to hash again.
  let rulesFor: { settings: unknown; version: string } | null = null

  /**
   * What the clocks depend on besides the case and the day: the built-in rules (RULES_VERSION) and
   * the user's saved profiles, escalation ladder, perspective and agency check days (all read by
   * compute below). A saved profile's edit changes every result.
   */
  function rulesVersion(): string {
    const settings = ctx.store.singletons.settings.get()
    if (rulesFor?.settings !== settings) {
      const hash = createHash('sha256')
        .update(JSON.stringify([settings.savedProfiles, settings.ladder ?? null, settings.perspective ?? null, settings.agencyCheckDays ?? null]))
        .digest('base64url')
        .slice(0, 16)
      rulesFor = { settings, version: `${RULES_VERSION}+${hash}` }
    }
    return rulesFor.version
  }

  function compute(scenario: CaseClockScenario | undefined, asOf: string): FullCaseClock {
    if (!scenario) return NOT_SENT
    const settings = ctx.store.singletons.settings.get()
    const { receiptAssumed, ignoredBeforeReceipt, perspective, ...input } = scenario
    try {
      const result = computeClock(
        { ...input, asOf: asOf < input.received ? input.received : asOf },
        {
          savedProfiles: settings.savedProfiles,
          ladder: ladderFor(perspective ?? settings.perspective ?? 'advocate', settings.ladder),
          ...(settings.agencyCheckDays !== undefined ? { agencyCheckDays: settings.agencyCheckDays } : {})
        }
      )
      if (receiptAssumed) {
        result.explanation.unshift('No proof of receipt is logged, so the day the request was sent is taken as the day it was received.')
      }
      if (ignoredBeforeReceipt > 0) {
        result.warnings.push(`${ignoredBeforeReceipt} logged event(s) dated before the request was received were not counted.`)
      }
      return { state: 'ok', result, receiptAssumed }
    } catch (error) {
      if (error instanceof ClockInputError) return { state: 'error', message: error.message }
      // Anything else (a stored profile whose numbers overflow the calendar) is this case's clock
      // error: one broken case or profile must never fail the whole caseload.
      return { state: 'error', message: `the clock could not be computed: ${error instanceof Error ? error.message : String(error)}` }
    }
  }

  let computed = 0

  return {
    compute,
    rulesVersion,
    /** The clock of a stored case at `rev`, from the cache when (rev, asOf, rules version) match. */
    forCase(id: string, rev: number, scenario: CaseClockScenario | undefined, asOf: string): CaseClock {
      if (!scenario) return NOT_SENT
      const rules = rulesVersion()
      const hit = memo.get(id)
      if (hit && hit.rev === rev && hit.asOf === asOf && hit.rules === rules) return hit.clock
      const clock = figuresOf(compute(scenario, asOf))
      computed++
      memo.set(id, { rev, asOf, rules, clock })
      return clock
    },
    /** The cached clock, or undefined when it would have to be computed (a case never sent needs none). */
    peek(id: string, rev: number, scenario: CaseClockScenario | undefined, asOf: string): CaseClock | undefined {
      if (!scenario) return NOT_SENT
      const hit = memo.get(id)
      return hit && hit.rev === rev && hit.asOf === asOf && hit.rules === rulesVersion() ? hit.clock : undefined
    },
    forget(id: string): void {
      memo.delete(id)
    },
    /** How many clocks were computed (not served from the cache) so far: tests and benchmarks. */
    computedCount: (): number => computed
  }
}

export type ClockService = ReturnType<typeof clockService>
