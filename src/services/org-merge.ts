// Merging two duplicate organizations: every case (live or in the trash) and every patient's
// "holder to request" that points at the duplicate moves to the one kept, each with an audit entry
// saying so; the kept one fills its blank fields from the duplicate and records the merge (with the
// duplicate as it was, so nothing of it is lost); then the duplicate is removed.
//
// Order matters for a crash half-way: the survivor is written first, the duplicate removed last, so
// running the same merge again finishes the job (whatever still points at the duplicate moves).
import type { AuditEntry, Case, Organization, Patient } from '../core/schemas'
import { AppError } from '#shared/errors'
import type { ClockService } from './clock-service'
import type { ServiceContext } from './context'
import { commit } from './write'
import { notFound } from './validate'

export type MergeOrganizationsInput = { keep: string; duplicate: string }
export type MergeOrganizationsResult = {
  organization: Organization
  removed: { id: string; name: string }
  movedCases: string[]
  movedHolders: number
}

type Contact = Organization['records']

/** The kept record's value wins; a blank (left out) one takes the duplicate's. */
function fillContact(keep: Contact, dup: Contact): Contact {
  return { ...dup, ...keep }
}

export function fillBlanks(keep: Organization, dup: Organization): Organization {
  return {
    ...keep,
    address: { ...dup.address, ...keep.address },
    privacyOfficer: fillContact(keep.privacyOfficer, dup.privacyOfficer),
    records: fillContact(keep.records, dup.records),
    ...(keep.state === undefined && dup.state !== undefined && { state: dup.state }),
    ...(keep.coveredEntity === undefined && dup.coveredEntity !== undefined && { coveredEntity: dup.coveredEntity }),
    ...(keep.notes === undefined && dup.notes !== undefined && { notes: dup.notes })
  }
}

/** A holder's own request id is unique per holder: two cases that both carry one would clash once merged. */
function referenceClash(ctx: ServiceContext, keep: Organization, dup: Organization): string | null {
  const held = new Map<string, string>()
  for (const { id, summary } of ctx.store.records.cases.summaries()) {
    if (summary.organizationId !== keep.id) continue
    for (const ref of summary.references) if (ref.startsWith('holder-request-id:')) held.set(ref, id)
  }
  for (const { id, summary } of ctx.store.records.cases.summaries()) {
    if (summary.organizationId !== dup.id) continue
    for (const ref of summary.references) {
      const other = held.get(ref)
      if (other) return `case ${id} (of ${dup.name}) and case ${other} (of ${keep.name}) both carry the holder's request id "${ref.slice(ref.indexOf(':') + 1)}"; change or remove one of them first`
    }
  }
  return null
}

export function orgMergeService(ctx: ServiceContext, clocks: ClockService) {
  const orgs = ctx.store.sharded.organizations
  const cases = ctx.store.records.cases
  const patients = ctx.store.sharded.patients

  return {
    async merge({ keep: keepId, duplicate: dupId }: MergeOrganizationsInput): Promise<MergeOrganizationsResult> {
      if (keepId === dupId) {
        throw new AppError('INVALID_INPUT', `Both sides name the same organization (${keepId}): choose the duplicate to merge into another one.`, {
          issues: [{ path: ['duplicate'], message: 'is the organization being kept' }]
        })
      }
      const keep = orgs.get(keepId)
      if (!keep) throw notFound('organization to keep', keepId)
      const dup = orgs.get(dupId)
      if (!dup) throw notFound('duplicate organization', dupId)
      const clash = referenceClash(ctx, keep, dup)
      if (clash) throw new AppError('CONFLICT', `${dup.name} cannot be merged into ${keep.name}: ${clash}.`)

      const caseIds = cases
        .summaries()
        .filter((s) => s.summary.organizationId === dupId)
        .map((s) => s.id)
      const holders = patients.all().filter((p) => p.holdersToRequest.some((h) => h.organizationId === dupId))
      const said = `${dup.name} (${dup.id}) merged into ${keep.name} (${keep.id})`
      const { history: _dupHistory, ...dupAsItWas } = dup
      const survivorNote: AuditEntry['changes'] = [
        { path: 'mergedFrom', before: null, after: dupAsItWas },
        { path: 'casesMoved', before: null, after: caseIds }
      ]
      const filled = fillBlanks(keep, dup)
      const organization = await commit(ctx, orgs, {
        before: keep,
        next: filled,
        audit: [{ action: 'merge', entity: 'organization', changes: [...survivorNote, ...changedFields(keep, filled)] }]
      })

      for (const id of caseIds) {
        const before = await cases.get(id)
        if (!before) continue
        const next: Case = { ...before, organizationId: keepId }
        await commit(ctx, cases, {
          before,
          next,
          audit: [{ action: 'merge', entity: 'case', changes: [{ path: 'organizationId', before: dupId, after: keepId }, { path: 'note', before: null, after: said }] }]
        })
        clocks.forget(id)
      }

      for (const before of holders) {
        const next: Patient = { ...before, holdersToRequest: before.holdersToRequest.map((h) => (h.organizationId === dupId ? { ...h, organizationId: keepId } : h)) }
        await commit(ctx, patients, {
          before,
          next,
          audit: [{ action: 'merge', entity: 'patient', changes: [{ path: 'holdersToRequest.organizationId', before: dupId, after: keepId }, { path: 'note', before: null, after: said }] }]
        })
      }

      await orgs.remove(dupId)
      return { organization, removed: { id: dup.id, name: dup.name }, movedCases: caseIds, movedHolders: holders.length }
    }
  }
}

/** The fields the survivor took from the duplicate, as before → after, for its audit entry. */
function changedFields(before: Organization, after: Organization): AuditEntry['changes'] {
  const out: AuditEntry['changes'] = []
  for (const key of ['address', 'privacyOfficer', 'records', 'state', 'coveredEntity', 'notes'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push({ path: key, before: before[key] ?? null, after: after[key] ?? null })
  }
  return out
}

export type OrgMergeService = ReturnType<typeof orgMergeService>
