// A row's status: its clock's, or `clock-pending` while that clock waits to be computed. Statuses
// have small codes so the status menu is counted in a typed array (codes.ts).
import type { CaseClock } from '../clock-service'

export type RowStatus =
  | 'overdue'
  | 'awaiting'
  | 'fulfilled-on-time'
  | 'fulfilled-late'
  | 'denied'
  | 'withdrawn'
  | 'not-sent'
  | 'clock-error'
  | 'clock-pending'

export const ROW_STATUSES: ReadonlyArray<RowStatus> = ['overdue', 'awaiting', 'fulfilled-on-time', 'fulfilled-late', 'denied', 'withdrawn', 'not-sent', 'clock-error', 'clock-pending']

export const STATUS_CODE = Object.fromEntries(ROW_STATUSES.map((s, i) => [s, i])) as Record<RowStatus, number>

export const PENDING_CODE = STATUS_CODE['clock-pending']

export const statusOf = (clock: CaseClock | undefined): RowStatus =>
  clock === undefined ? 'clock-pending' : clock.state === 'not-sent' ? 'not-sent' : clock.state === 'error' ? 'clock-error' : clock.result.status
