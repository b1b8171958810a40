// Computes each case's clock as of a day, from the scenario kept in its summary, and remembers the
// result until the case changes or the day does: the caseload lists thousands of cases at once.
import { computeClock, ClockInputError, type ClockResult } from '../core/clocks'
import type { CaseClockScenario } from '../core/cases/to-clock'
import { ladderFor } from '../core/perspective'
import type { ServiceContext } from './context'

export type CaseClock =
  | { state: 'not-sent' }
  | { state: 'ok'; result: ClockResult; receiptAssumed: boolean }
  | { state: 'error'; message: string }

export function clockService(ctx: ServiceContext) {
  const memo = new Map<string, { rev: number; asOf: string; settingsVersion: unknown; clock: CaseClock }>()

  function compute(scenario: CaseClockScenario | undefined, asOf: string): CaseClock {
    if (!scenario) return { state: 'not-sent' }
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

  return {
    compute,
    /** The clock of a stored case at `rev`, memoised per day and per settings (saved profiles, ladder). */
    forCase(id: string, rev: number, scenario: CaseClockScenario | undefined, asOf: string): CaseClock {
      const settingsVersion = ctx.store.singletons.settings.get()
      const hit = memo.get(id)
      if (hit && hit.rev === rev && hit.asOf === asOf && hit.settingsVersion === settingsVersion) return hit.clock
      const clock = compute(scenario, asOf)
      memo.set(id, { rev, asOf, settingsVersion, clock })
      return clock
    },
    forget(id: string): void {
      memo.delete(id)
    }
  }
}

export type ClockService = ReturnType<typeof clockService>
