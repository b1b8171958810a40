// What the caseload keeps in memory for each case, so it opens, lists and filters without reading
// every case file: identity, the facts its clock needs, and lower-cased text to search.
import type { Case } from '../schemas'
import { caseClockScenario, type CaseClockScenario } from './to-clock'

export type CaseSummary = {
  patientId: string
  organizationId: string
  batchId?: string
  requestKind: Case['requestKind']
  /** Rule profile id, so a saved profile still in use is never deleted. */
  profile: string
  priority: Case['priority']
  tags: string[]
  assignee?: string
  /** The case's own US state (its holder's is looked up when listing). */
  state?: string
  /** The first day the request was sent, if it was. */
  sent?: string
  /** `kind:value` of every reference number, for uniqueness checks. */
  references: string[]
  createdAt: string
  updatedAt: string
  deletedAt?: string
  eventCount: number
  lastEventDate?: string
  /** Clock scenario without "today"; undefined until the request was sent or received. */
  clock?: CaseClockScenario
  /** Reference numbers and event summaries, lower-cased, for substring search. */
  searchText: string
  /** Letters generated and not yet marked sent: Today lists them, and they are mine to do. */
  drafts?: Array<{ letterId: string; template: string; title: string; createdAt: string }>
}

/** Each event's summary kept for search is cut here: enough to find a case, small enough to open fast. */
const SEARCH_SUMMARY_CHARS = 160

export function summarizeCase(c: Case): CaseSummary {
  const lastEventDate = c.events.reduce<string | undefined>((max, e) => (max === undefined || e.date > max ? e.date : max), undefined)
  const searchText = [...c.references.map((r) => r.value), ...c.tags, ...c.events.map((e) => e.summary.slice(0, SEARCH_SUMMARY_CHARS))]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
  const clock = caseClockScenario(c)
  const sent = c.events.reduce<string | undefined>((min, e) => (e.type === 'request-sent' && (min === undefined || e.date < min) ? e.date : min), undefined)
  const drafts = c.letters
    .filter((l) => l.status === 'draft')
    .map((l) => ({ letterId: l.id, template: l.template, title: l.title ?? l.template, createdAt: l.createdAt }))
  return {
    patientId: c.patientId,
    organizationId: c.organizationId,
    ...(c.batchId && { batchId: c.batchId }),
    requestKind: c.requestKind,
    profile: c.profile,
    priority: c.priority,
    tags: c.tags,
    ...(c.assignee && { assignee: c.assignee }),
    ...(c.state && { state: c.state }),
    ...(sent && { sent }),
    references: c.references.map((r) => `${r.kind}:${r.value}`),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.deletedAt && { deletedAt: c.deletedAt }),
    eventCount: c.events.length,
    ...(lastEventDate && { lastEventDate }),
    ...(clock && { clock }),
    searchText,
    ...(drafts.length > 0 && { drafts })
  }
}
