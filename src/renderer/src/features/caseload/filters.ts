import { CASE_LIST_STATUSES } from '#shared/channels/cases'
import type { ChannelInput } from '#shared/contract'

export type CaseListStatus = (typeof CASE_LIST_STATUSES)[number]

export type CaseloadFilter = {
  text: string
  statuses: CaseListStatus[]
  onlyLate: boolean
  trash: boolean
  /** '' for anyone; else only cases that wait on me, the holder or an agency. */
  waitingOn?: '' | 'me' | 'holder' | 'agency'
}

export const EMPTY_FILTER: CaseloadFilter = { text: '', statuses: [], onlyLate: false, trash: false, waitingOn: '' }

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
    ...(f.trash && { trash: 'only' as const }),
    ...(f.waitingOn && { waitingOn: [f.waitingOn] })
  }
}

export const isFiltered = (f: CaseloadFilter) => f.text.trim() !== '' || f.statuses.length > 0 || f.onlyLate || f.trash || Boolean(f.waitingOn)
