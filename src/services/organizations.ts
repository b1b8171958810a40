import { z } from 'zod'
import { applyPatch, patchSchema, OrganizationFieldsSchema, type Organization, type OrganizationFieldsInput } from '../core/schemas'
import { AppError } from '#shared/errors'
import { nowIso, type ServiceContext } from './context'
import { commit, commitMany, type Change } from './write'
import { casesReferring, describeReferringCases } from './references'
import { notFound, parseOrThrow } from './validate'
import { checkStateCode } from './plausible'

export const OrganizationPatchSchema = patchSchema(OrganizationFieldsSchema)
export type OrganizationPatch = z.input<typeof OrganizationPatchSchema>

export function organizationService(ctx: ServiceContext) {
  const orgs = ctx.store.sharded.organizations

  const get = (id: string): Organization => {
    const o = orgs.get(id)
    if (!o) throw notFound('organization', id)
    return o
  }
  /** Through the one write path (write.ts): audit entry, validation and revision by the store, durable write. */
  const save = (change: Change<Organization>): Promise<Organization> => commit(ctx, orgs, change)
  const created = (input: OrganizationFieldsInput, what: string): Change<Organization> => {
    const fields = parseOrThrow(OrganizationFieldsSchema, input, what)
    checkStateCode(fields.state, [what, 'state'])
    checkStateCode(fields.address.state, [what, 'address', 'state'])
    const at = nowIso(ctx)
    return { before: undefined, next: { ...fields, id: ctx.newId('org'), createdAt: at, updatedAt: at, history: [] }, audit: [{ action: 'create', entity: 'organization' }] }
  }

  return {
    get,
    list(query: { text?: string; kind?: Organization['kind']; state?: string } = {}): Organization[] {
      const needle = query.text?.trim().toLowerCase()
      return orgs
        .all()
        .filter((o) => (!needle || o.name.toLowerCase().includes(needle)) && (!query.kind || o.kind === query.kind) && (!query.state || o.state === query.state.toUpperCase()))
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name))
    },
    async add(input: OrganizationFieldsInput): Promise<Organization> {
      return save(created(input, 'organization'))
    },
    /** Many new organizations in one durable write (imports), each checked and audited as add would. */
    async addMany(inputs: ReadonlyArray<OrganizationFieldsInput>): Promise<Organization[]> {
      return commitMany(ctx, orgs, inputs.map((input, i) => created(input, `organizations[${i}]`)))
    },
    async update(id: string, patch: OrganizationPatch): Promise<Organization> {
      const before = get(id)
      const changes = parseOrThrow(OrganizationPatchSchema, patch, 'organization')
      checkStateCode(changes.state, ['patch', 'state'])
      checkStateCode(changes.address?.state, ['patch', 'address', 'state'])
      return save({ before, next: applyPatch(before, changes), audit: [{ action: 'update', entity: 'organization' }] })
    },
    async remove(id: string): Promise<void> {
      get(id)
      const referring = casesReferring(ctx, { organizationId: id })
      if (referring.length > 0) {
        throw new AppError('IN_USE', `This organization cannot be deleted: ${describeReferringCases(ctx, referring)} to it. Merge it into the organization those cases should name (orgs.merge; in the window, that organization's page → Merge a duplicate…), give each case another records holder (Edit request in the window, or cases.update with an organizationId), or delete the cases; a case in the trash counts until it is deleted for good.`, {
          cases: referring
        })
      }
      await orgs.remove(id)
    }
  }
}

export type OrganizationService = ReturnType<typeof organizationService>
