import { CASE_LIST_STATUSES } from '#shared/channels/cases'
import type { ChannelInput } from '#shared/contract'
import type { CaseQueryFilter, CaseSort, CaseSortKey } from '#shared/channels/case-query'

export type CaseListStatus = (typeof CASE_LIST_STATUSES)[number]

export type CaseloadFilter = {
  text: string
  statuses: CaseListStatus[]
  onlyLate: boolean
  trash: boolean
}

export const EMPTY_FILTER: CaseloadFilter = { text: '', statuses: [], onlyLate: false, trash: false }

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

export function toListInput(f: CaseloadFilter, text: string): ChannelInput<'cases.list'> {
  return {
    ...(text.trim() && { text: text.trim().slice(0, 200) }),
    ...(f.statuses.length > 0 && { status: f.statuses }),
    ...(f.onlyLate && { minDaysLate: 1 }),
    ...(f.trash && { trash: 'only' as const })
  }
}

export const isFiltered = (f: CaseloadFilter) => f.text.trim() !== '' || f.statuses.length > 0 || f.onlyLate || f.trash

/** The services' sort for the table's column sort (the table's default is the morning order). */
const SORT_KEYS: Record<string, CaseSortKey> = {
  patient: 'patient',
  holder: 'organization',
  status: 'status',
  received: 'received',
  due: 'due',
  days: 'daysLate',
  nextStep: 'due',
  lastEvent: 'lastEvent'
}

export function toQuerySort(sorting: ReadonlyArray<{ id: string; desc: boolean }>): CaseSort {
  const first = sorting[0]
  if (first === undefined || (first.id === 'status' && !first.desc)) return { key: 'urgency', dir: 'asc' }
  return { key: SORT_KEYS[first.id] ?? 'urgency', dir: first.desc ? 'desc' : 'asc' }
}

export function toQueryFilter(f: CaseloadFilter, text: string): CaseQueryFilter {
  return {
    ...(text.trim() && { text: text.trim().slice(0, 200) }),
    ...(f.statuses.length > 0 && { status: f.statuses }),
    ...(f.onlyLate && { minDaysLate: 1 }),
    ...(f.trash && { trash: 'only' as const })
  }
}
