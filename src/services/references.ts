import type { ServiceContext } from './context'

/** Cases (including those in the trash, which can come back) that point at a patient or organization. */
export function casesReferring(ctx: ServiceContext, ref: { patientId?: string; organizationId?: string }): string[] {
  return ctx.store.records.cases
    .summaries()
    .filter((s) => (ref.patientId && s.summary.patientId === ref.patientId) || (ref.organizationId && s.summary.organizationId === ref.organizationId))
    .map((s) => s.id)
}

export function describeReferringCases(ctx: ServiceContext, ids: ReadonlyArray<string>): string {
  const trashed = new Set(ctx.store.records.cases.summaries().filter((s) => s.summary.deletedAt).map((s) => s.id))
  const shown = ids.slice(0, 5).map((id) => (trashed.has(id) ? `${id} (in the trash)` : id))
  const more = ids.length > shown.length ? ` and ${ids.length - shown.length} more` : ''
  return ids.length === 1 ? `case ${shown[0]} refers` : `${ids.length} cases (${shown.join(', ')}${more}) refer`
}
