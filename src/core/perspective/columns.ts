// The caseload's default columns for each perspective, by the caseload table's column ids
// (src/renderer/src/features/caseload/columns.tsx). For an advocate the holder is who matters;
// for a practice the holder is "us", so the requester, the staff member and the dates lead.
import type { Perspective } from '../schemas'

export const CASELOAD_COLUMN_IDS = ['patient', 'holder', 'status', 'received', 'due', 'days', 'nextStep', 'findings', 'lastEvent', 'priority', 'assignee', 'tags'] as const
export type CaseloadColumnId = (typeof CASELOAD_COLUMN_IDS)[number]

// The advocate's are the caseload's long-standing defaults, so a workspace that never chose keeps them.
const ADVOCATE: ReadonlyArray<CaseloadColumnId> = ['patient', 'holder', 'status', 'due', 'days', 'nextStep', 'priority', 'assignee', 'lastEvent']
const PRACTICE: ReadonlyArray<CaseloadColumnId> = ['received', 'patient', 'status', 'due', 'days', 'assignee', 'nextStep', 'findings']

/** Column ids in the order shown; a pure value the caseload table (or a saved view) starts from. */
export function defaultColumnsFor(perspective: Perspective): CaseloadColumnId[] {
  return [...(perspective === 'practice' ? PRACTICE : ADVOCATE)]
}
