// The shape of a case summary (see summary.ts), as a schema: the local case index is keyed by it
// (with CASE_SUMMARY_VERSION), so a change in what a summary holds rebuilds every index, whichever
// build of the code (the app, the bundled command line, tsx) opens the folder next.
import { z } from 'zod'
import { ClockInputSchema } from '../clocks/schema'
import { PERSPECTIVES, PRIORITIES, REQUEST_KINDS } from '../schemas'
import type { CaseSummary } from './summary'

/**
 * Bump when summarizeCase computes anything differently for the same case (a new field, another
 * rule for searchText, a change in a helper it calls), even if the shape stays the same: the shape
 * is hashed, the logic is not. src/core/cases/summary.test.ts fails until you do.
 */
export const CASE_SUMMARY_VERSION = 3

export const CaseSummarySchema = z.object({
  patientId: z.string(),
  organizationId: z.string(),
  batchId: z.string().optional(),
  requestKind: z.enum(REQUEST_KINDS),
  profile: z.string(),
  priority: z.enum(PRIORITIES),
  tags: z.array(z.string()),
  assignee: z.string().optional(),
  state: z.string().optional(),
  sent: z.string().optional(),
  references: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().optional(),
  eventCount: z.number(),
  lastEventDate: z.string().optional(),
  clock: ClockInputSchema.omit({ asOf: true, description: true })
    .extend({ receiptAssumed: z.boolean(), ignoredBeforeReceipt: z.number(), perspective: z.enum(PERSPECTIVES).optional() })
    .optional(),
  searchText: z.string(),
  drafts: z.array(z.object({ letterId: z.string(), template: z.string(), title: z.string(), createdAt: z.string() })).optional()
}) satisfies z.ZodType<CaseSummary>
