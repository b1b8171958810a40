// The caseload as a query: the services filter, sort and cut the visible window of rows, so the
// window receives only the rows it shows plus the counts and filter choices it displays, never the
// whole caseload. The first list of a day answers at once with the clocks it has; the rest are
// computed in the background and announced by the `caseload.clocks` push event.
import { z } from 'zod'
import { DateSchema, IdSchema, PRIORITIES, REQUEST_KINDS } from '../../core/schemas'
import { WAITING_ON } from '../../core/escalation'
import { channel } from './channel'
import { CASE_LIST_STATUSES, CASE_ROW_STATUSES, CaseListItemSchema } from './cases'

/** The most rows one answer carries: a screenful or a few, never the caseload. */
export const MAX_QUERY_WINDOW = 500
/** The most case ids a filter may name (a deep search's hits travel as one). */
export const MAX_QUERY_IDS = 50_000

export const CASE_SORT_KEYS = [
  /** The morning order: most overdue first, then what falls due soonest, then not sent, then closed. */
  'urgency',
  'patient',
  'organization',
  'status',
  'received',
  'sent',
  'due',
  'daysLate',
  'lastEvent',
  'priority',
  'assignee',
  'state',
  'requestKind',
  'created',
  'updated'
] as const
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number]

const DateRangeSchema = z
  .strictObject({ from: DateSchema.optional(), to: DateSchema.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'the range ends before it starts', path: ['to'] })

/** `null` in a list of assignees or states picks the cases that have none. */
const nullableChoices = <T extends z.ZodType>(item: T) => z.array(item.nullable()).max(200).optional()

export const CaseQueryFilterSchema = z.strictObject({
  /** The day the clocks are counted to; today when left out. */
  asOf: DateSchema.optional(),
  /** Words to find (each must appear, in any order) in names, reference numbers, tags, event summaries, ids. */
  text: z.string().max(200).optional(),
  status: z.array(z.enum(CASE_LIST_STATUSES)).max(CASE_LIST_STATUSES.length).optional(),
  organizationIds: z.array(IdSchema).max(500).optional(),
  /** Two-letter US states (the case's, else its holder's). */
  states: nullableChoices(z.string().trim().toUpperCase().length(2)),
  assignees: nullableChoices(z.string().max(200)),
  /** A case matches when it carries any of these tags. */
  tags: z.array(z.string().max(40)).max(100).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  requestKinds: z.array(z.enum(REQUEST_KINDS)).max(REQUEST_KINDS.length).optional(),
  patientId: IdSchema.optional(),
  /** Only these cases (e.g. a full-text search's hits). */
  ids: z.array(IdSchema).max(MAX_QUERY_IDS).optional(),
  /** Who the case waits on today: me, the records holder, an agency (core/escalation/waiting-on.ts). */
  waitingOn: z.array(z.enum(WAITING_ON)).max(WAITING_ON.length).optional(),
  /** Only cases at least this many days late. */
  minDaysLate: z.number().int().min(0).max(100_000).optional(),
  received: DateRangeSchema.optional(),
  sent: DateRangeSchema.optional(),
  due: DateRangeSchema.optional(),
  lastEvent: DateRangeSchema.optional(),
  /** `only`: the trash; `include`: everything; left out: live cases only. */
  trash: z.enum(['only', 'include']).optional()
})
export type CaseQueryFilter = z.infer<typeof CaseQueryFilterSchema>

export const CaseSortSchema = z.strictObject({ key: z.enum(CASE_SORT_KEYS), dir: z.enum(['asc', 'desc']).default('asc') })
export type CaseSort = z.infer<typeof CaseSortSchema>
/** The most sort keys one query takes (a header shift-clicked adds one). */
export const MAX_SORT_KEYS = 5

export const CaseQueryInputSchema = z.strictObject({
  filter: CaseQueryFilterSchema.default({}),
  /**
   * One key, or a list of keys (the first decides, each next one breaks the ties of those before;
   * at most MAX_SORT_KEYS). Always a list once parsed.
   */
  sort: z
    .union([CaseSortSchema, z.array(CaseSortSchema).min(1).max(MAX_SORT_KEYS)])
    .default({ key: 'urgency', dir: 'asc' })
    .transform((s): CaseSort[] => (Array.isArray(s) ? s : [s])),
  window: z.strictObject({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(0).max(MAX_QUERY_WINDOW).default(100)
  }),
  /**
   * `progressive` (the window): answer at once; rows whose clock is not computed yet say
   * `clock-pending` and `clocksPending` is true until `caseload.clocks` reports them done.
   * `complete` (the command line, exports): wait until every clock is computed.
   */
  clocks: z.enum(['progressive', 'complete']).default('progressive'),
  /** Also answer the ids of every matching case, in order (the window's "select all that match"). */
  withIds: z.boolean().optional()
})
export type CaseQueryInput = z.input<typeof CaseQueryInputSchema>

const FacetSchema = z.object({ value: z.string().nullable(), count: z.number().int().nonnegative() })

export const CaseQueryResultSchema = z.object({
  rows: z.array(CaseListItemSchema),
  /** Cases matching the whole filter (the rows are `window` of them, in `sort` order). */
  total: z.number().int().nonnegative(),
  /** The offset the rows start at (the asked one, pulled back when the filter left fewer cases). */
  offset: z.number().int().nonnegative(),
  asOf: DateSchema,
  counts: z.object({
    /** Cases matching every filter but the status one, by status: the numbers beside status choices. */
    byStatus: z.partialRecord(z.enum(CASE_ROW_STATUSES), z.number().int().nonnegative())
  }),
  /**
   * The choices for the filter menus, each counted over the cases matching every filter except
   * that menu's own (so picking one assignee still shows the others). `value: null` is "none".
   */
  facets: z.object({
    assignees: z.array(FacetSchema),
    tags: z.array(FacetSchema.extend({ value: z.string() })),
    states: z.array(FacetSchema),
    organizations: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int().nonnegative() }))
  }),
  /** True while some clocks of `asOf` are still being computed (filters and order by status are provisional). */
  clocksPending: z.boolean(),
  /** Every matching case's id in `sort` order, when `withIds` asked for them. */
  ids: z.array(z.string()).optional(),
  /** Changes with every write to the caseload, so the window can tell an answer about older data. */
  generation: z.number().int().nonnegative()
})
export type CaseQueryResult = z.infer<typeof CaseQueryResultSchema>

export const caseQueryChannels = {
  'cases.query': channel(CaseQueryInputSchema, CaseQueryResultSchema)
}
