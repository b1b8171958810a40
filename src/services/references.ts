import type { ServiceContext } from './context'

/** Cases (including those in the trash, which can come back) that point at a patient or organization. */
export function casesReferring(ctx: ServiceContext, ref: { patientId?: string; organizationId?: string }): string[] {
  return ctx.store.records.cases
    .summaries()
    .filter((s) => (ref.patientId && s.summary.patientId === ref.patientId) || (ref.organizationId && s.summary.organizationId === ref.organizationId))
    .map((s) => s.id)
}

/** "case case-1 (Ana Ruiz → Mercy General, ref R-1) refers", so a person can tell which case is meant. */
export function describeReferringCases(ctx: ServiceContext, ids: ReadonlyArray<string>): string {
  const byId = new Map(ctx.store.records.cases.summaries().map((s) => [s.id, s.summary]))
  const describe = (id: string): string => {
    const s = byId.get(id)
    if (!s) return id
    const patient = ctx.store.sharded.patients.get(s.patientId)?.name ?? s.patientId
    const holder = ctx.store.sharded.organizations.get(s.organizationId)?.name ?? s.organizationId
    const ref = s.references[0]?.split(':').slice(1).join(':')
    return `${id} (${patient} → ${holder}${ref ? `, ref ${ref}` : ''}${s.deletedAt ? ', in the trash' : ''})`
  }
  const shown = ids.slice(0, 5).map(describe)
  const more = ids.length > shown.length ? ` and ${ids.length - shown.length} more` : ''
  return ids.length === 1 ? `case ${shown[0]} refers` : `${ids.length} cases (${shown.join('; ')}${more}) refer`
}

type RefHolder = { id: string; organizationId: string }

/**
 * Reference number → the cases that carry it, built once per version of the case summaries (the
 * store hands out the same summaries array until a case changes). A duplicate check is then a
 * lookup, not a scan of every case: an import of 10,000 requests no longer costs 10,000 scans.
 */
const byReference = new WeakMap<object, Map<string, RefHolder[]>>()

export function casesWithReference(ctx: ServiceContext, key: string): ReadonlyArray<RefHolder> {
  const summaries = ctx.store.records.cases.summaries()
  let index = byReference.get(summaries)
  if (index === undefined) {
    index = new Map()
    for (const s of summaries) {
      for (const ref of s.summary.references) {
        const list = index.get(ref)
        const holder = { id: s.id, organizationId: s.summary.organizationId }
        if (list === undefined) index.set(ref, [holder])
        else list.push(holder)
      }
    }
    byReference.set(summaries, index)
  }
  return index.get(key) ?? []
}
