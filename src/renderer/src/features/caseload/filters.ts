// The caseload's view (filters and sort, as kept in settings) and how it becomes a cases.query
// input. The services filter, sort and cut the rows; the window only says what it wants.
import { CASE_LIST_STATUSES } from '#shared/channels/cases'
import { MAX_SORT_KEYS, type CaseQueryInput, type CaseSortKey } from '#shared/channels/case-query'
import { CaseloadViewSchema, type CaseloadView } from '#core/schemas'

export type CaseListStatus = (typeof CASE_LIST_STATUSES)[number]
export type CaseloadFilter = CaseloadView

export const EMPTY_FILTER: CaseloadView = CaseloadViewSchema.parse({})

/** The order the status choices are offered in: what needs action first. */
export const STATUS_CHOICES: ReadonlyArray<CaseListStatus> = [
  'overdue',
  'awaiting',
  'not-sent',
  'fulfilled-late',
  'fulfilled-on-time',
  'denied',
  'withdrawn',
  'clock-error'
]

/** Views offered until the user saves their own (the advocate's name comes from Settings). */
export const STARTER_VIEWS = [
  { id: 'view-my-overdue', name: 'My overdue', view: { ...EMPTY_FILTER, mine: true, statuses: ['overdue'] } },
  { id: 'view-texas-hospitals', name: 'Texas hospitals', view: { ...EMPTY_FILTER, states: ['TX'], holderKinds: ['hospital' as const] } }
]

const isStatus = (s: string): s is CaseListStatus => (CASE_LIST_STATUSES as readonly string[]).includes(s)

export type QueryContext = {
  /** Settings' advocate name, for "mine". */
  me: string | undefined
  /** The ids of the holders of the kinds the view asks for (resolved from the directory). */
  holdersOfKinds: ReadonlyArray<string> | undefined
}

/** The view as the services' filter; null when it cannot match anything (e.g. "mine" without a name). */
export function toQueryFilter(v: CaseloadView, text: string, ctx: QueryContext): CaseQueryInput['filter'] | null {
  let organizationIds: string[] | undefined = v.organizationIds.length > 0 ? [...v.organizationIds] : undefined
  if (v.holderKinds.length > 0) {
    const ofKind = new Set(ctx.holdersOfKinds ?? [])
    organizationIds = organizationIds ? organizationIds.filter((id) => ofKind.has(id)) : [...ofKind]
    if (organizationIds.length === 0) return null
  }
  if (v.mine && !ctx.me) return null
  const assignees = v.mine ? [ctx.me as string] : v.assignees.length > 0 ? v.assignees.map((a) => (a === '' ? null : a)) : undefined
  const statuses = v.statuses.filter(isStatus)
  const range = v.dates && (v.dates.from || v.dates.to) ? { ...(v.dates.from && { from: v.dates.from }), ...(v.dates.to && { to: v.dates.to }) } : undefined
  const t = text.trim()
  return {
    ...(t && { text: t.slice(0, 200) }),
    ...(statuses.length > 0 && { status: statuses }),
    ...(v.onlyLate && { minDaysLate: 1 }),
    ...(v.trash && { trash: 'only' as const }),
    ...(organizationIds && { organizationIds: organizationIds.slice(0, 500) }),
    ...(v.states.length > 0 && { states: v.states }),
    ...(assignees && { assignees }),
    ...(v.tags.length > 0 && { tags: v.tags }),
    ...(v.priorities.length > 0 && { priorities: v.priorities }),
    ...(v.waitingOn && { waitingOn: [v.waitingOn] }),
    ...(range && v.dates && { [v.dates.field]: range })
  }
}

/** Column id → the services' sort key (a column without one cannot be sorted). */
export const SORT_KEYS: Readonly<Record<string, CaseSortKey>> = {
  patient: 'patient',
  holder: 'organization',
  status: 'urgency',
  sent: 'sent',
  received: 'received',
  due: 'due',
  days: 'daysLate',
  lastEvent: 'lastEvent',
  priority: 'priority',
  assignee: 'assignee',
  state: 'state',
  kind: 'requestKind'
}

/** The view's sort as cases.query's list of keys (columns that cannot be sorted left out; urgency when none is left). */
export function toQuerySort(v: CaseloadView): CaseQueryInput['sort'] {
  const keys = v.sort.flatMap((s) => {
    const key = SORT_KEYS[s.id]
    return key ? [{ key, dir: s.desc ? ('desc' as const) : ('asc' as const) }] : []
  })
  return keys.length > 0 ? keys : [{ key: 'urgency', dir: 'asc' }]
}

export type ViewSort = CaseloadView['sort']

/**
 * A header clicked: alone, it sorts by that column (again: the other way; a third time: no sort).
 * With Shift (`add`), it adds the column as the next key, turns it round, or takes it out, leaving
 * the other keys as they are.
 */
export function nextSort(sort: ViewSort, id: string, add: boolean): ViewSort {
  if (!add) {
    const cur = sort[0]
    return cur?.id === id ? (cur.desc ? [] : [{ id, desc: true }]) : [{ id, desc: false }]
  }
  const at = sort.findIndex((s) => s.id === id)
  if (at === -1) return sort.length >= MAX_SORT_KEYS ? sort : [...sort, { id, desc: false }]
  if (!sort[at]!.desc) return sort.map((s, i) => (i === at ? { id, desc: true } : s))
  return sort.filter((_, i) => i !== at)
}

export const isFiltered = (f: CaseloadView) =>
  f.text.trim() !== '' ||
  f.statuses.length > 0 ||
  f.onlyLate ||
  f.trash ||
  f.organizationIds.length > 0 ||
  f.holderKinds.length > 0 ||
  f.states.length > 0 ||
  f.assignees.length > 0 ||
  f.mine ||
  f.tags.length > 0 ||
  f.priorities.length > 0 ||
  Boolean(f.waitingOn) ||
  Boolean(f.dates?.from || f.dates?.to)

/** Same filters and sort (what a saved view is compared on to say "changed"). */
export const sameView = (a: CaseloadView, b: CaseloadView): boolean => JSON.stringify(CaseloadViewSchema.parse(a)) === JSON.stringify(CaseloadViewSchema.parse(b))
