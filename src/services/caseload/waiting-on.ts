// Who a case waits on as of a day, from its summary and its clock (core/escalation/waiting-on.ts):
// shared by the caseload query's rows and filter, and by Today.
import type { CaseSummary } from '../../core/cases/summary'
import { waitingOnOf, type WaitingOn } from '../../core/escalation'
import type { CaseClock } from '../clock-service'

/** A clock not yet computed (`undefined`) counts as pending: the answer is provisional until it is. */
export function waitingOnOfSummary(s: CaseSummary, clock: CaseClock | undefined, asOf: string): WaitingOn | null {
  const r = clock?.state === 'ok' ? clock.result : undefined
  return waitingOnOf({
    asOf,
    status: clock === undefined ? 'clock-pending' : clock.state === 'not-sent' ? 'not-sent' : clock.state === 'error' ? 'clock-error' : clock.result.status,
    nextStep: r?.nextStep ?? null,
    agency: r?.agency ?? null,
    reminderDates: s.clock?.reminders.map((x) => x.date) ?? [],
    draftLetters: s.drafts?.length ?? 0
  })
}
