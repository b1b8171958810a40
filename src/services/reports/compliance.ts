// The compliance report over the data folder: picks the cases received in the period from the case
// index (no file read for the others), reads those, and hands them to the pure report builder.
import { buildComplianceReport, openRequestWarnings, rankHolders, auditRecordOf, type AuditFilter, type ComplianceReport, type HolderScorecard, type OpenRequestWarning } from '../../core/audit'
import type { Case } from '../../core/schemas'
import { AppError } from '#shared/errors'
import { todayOf, type ServiceContext } from '../context'
import type { CaseService } from '../cases'
import type { ClockService } from '../clock-service'

export type ReportRequest = { from: string; to: string; filter?: AuditFilter }

export function complianceService(ctx: ServiceContext, cases: CaseService, clocks: ClockService) {
  const store = ctx.store
  const name = (kind: 'patients' | 'organizations') => (id: string) => store.sharded[kind].get(id)?.name ?? `(missing ${id})`
  const names = { organization: name('organizations'), patient: name('patients') }

  function options() {
    const s = store.singletons.settings.get()
    return { savedProfiles: s.savedProfiles, ...(s.ladder && { ladder: s.ladder }), ...(s.perspective && { perspective: s.perspective }) }
  }

  async function casesReceived(from: string, to: string, organizationId?: string): Promise<Case[]> {
    const out: Case[] = []
    for (const { id, summary } of store.records.cases.summaries()) {
      const received = summary.clock?.received
      if (summary.deletedAt || !received || received < from || received > to) continue
      if (organizationId && summary.organizationId !== organizationId) continue
      const c = await store.records.cases.get(id)
      if (c) out.push(c)
    }
    return out
  }

  return {
    async compliance(request: ReportRequest): Promise<ComplianceReport> {
      if (request.from > request.to) throw new AppError('INVALID_INPUT', `to: the period ends (${request.to}) before it starts (${request.from})`)
      const today = todayOf(ctx)
      const asOf = request.to < today ? request.to : today
      const list = await casesReceived(request.from, request.to, request.filter?.organizationId)
      return buildComplianceReport({ cases: list, period: { from: request.from, to: request.to }, asOf, ...(request.filter && { filter: request.filter }), options: options(), names })
    },

    /** One holder's scorecard over every request it received, up to today. */
    async scorecard(organizationId: string): Promise<HolderScorecard | null> {
      const today = todayOf(ctx)
      const list = await casesReceived('0000-01-01', today, organizationId)
      if (list.length === 0) return null
      const opts = options()
      return rankHolders(list.map((c) => auditRecordOf(c, today, opts)))[0] ?? null
    },

    /** What a records office should act on while a request it received is open; nothing on the advocate's side. */
    async warnings(id: string): Promise<OpenRequestWarning[]> {
      const c = await cases.load(id, { allowTrashed: true })
      if ((c.perspective ?? store.singletons.settings.get().perspective ?? 'advocate') !== 'practice') return []
      const summary = store.records.cases.summaries().find((s) => s.id === id)
      const today = todayOf(ctx)
      const clock = summary ? clocks.forCase(id, summary.rev, summary.summary.clock, today) : { state: 'not-sent' as const }
      return clock.state === 'ok' ? openRequestWarnings(c, clock.result, today) : []
    }
  }
}

export type ComplianceService = ReturnType<typeof complianceService>
