// Merging two duplicate organizations (services/org-merge.ts): the duplicate's cases and the
// patients' holders that name it move to the one kept; the audit trails say so; the duplicate goes.
import { z } from 'zod'
import { IdSchema, OrganizationSchema } from '../../core/schemas'
import { channel } from './channel'

export const OrgMergeInputSchema = z.strictObject({
  /** The organization that stays (it fills its blank fields from the duplicate). */
  keep: IdSchema,
  /** The duplicate: removed once everything that named it names `keep`. */
  duplicate: IdSchema
})

export const OrgMergeResultSchema = z.object({
  organization: OrganizationSchema,
  removed: z.object({ id: z.string(), name: z.string() }),
  movedCases: z.array(z.string()),
  movedHolders: z.number().int().nonnegative()
})

export const orgMergeChannels = {
  'orgs.merge': channel(OrgMergeInputSchema, OrgMergeResultSchema)
}
