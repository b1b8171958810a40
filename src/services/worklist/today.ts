// Today's worklist from the case index: each live case's clock as of the day (memoised), who it
// waits on, its reminders and unsent letters, handed to the pure core function.
import { buildWorklist, type Worklist, type WorklistCase } from '../../core/worklist'
import { parseReferences } from '../../core/escalation'
import { todayOf, type ServiceContext } from '../context'
import type { ClockService } from '../clock-service'
import { waitingOnOfSummary } from '../case-queries'

export function worklistService(ctx: ServiceContext, clocks: ClockService) {
  const store = ctx.store
  const nameOf = (kind: 'patients' | 'organizations', id: string): string => store.sharded[kind].get(id)?.name ?? `(missing ${kind === 'patients' ? 'patient' : 'organization'})`

  return {
    today(asOf?: string): Worklist {
      const day = asOf ?? todayOf(ctx)
      const cases: WorklistCase[] = []
      for (const { id, rev, summary: s } of store.records.cases.summaries()) {
        if (s.deletedAt) continue
        const clock = clocks.forCase(id, rev, s.clock, day)
        const r = clock.state === 'ok' ? clock.result : undefined
        cases.push({
          id,
          patientName: nameOf('patients', s.patientId),
          organizationName: nameOf('organizations', s.organizationId),
          status: clock.state === 'not-sent' ? 'not-sent' : clock.state === 'error' ? 'clock-error' : clock.result.status,
          nextStep: r?.nextStep ?? null,
          agency: r?.agency ?? null,
          references: parseReferences(s.references),
          reminders: r?.reminders ?? [],
          drafts: s.drafts ?? [],
          complaintWindowCloses: r?.complaintWindowCloses ?? null,
          waitingOn: waitingOnOfSummary(s, clock, day)
        })
      }
      return buildWorklist(cases, day)
    }
  }
}

export type WorklistService = ReturnType<typeof worklistService>
