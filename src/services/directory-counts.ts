// Open and overdue requests per patient and per organization, for the directory lists: from the
// caseload's memoised clocks as of today (live cases only; the trash is not work to do).
import type { CaseListItem } from './case-queries'

export type Counts = { open: number; overdue: number }
const OPEN: ReadonlySet<CaseListItem['status']> = new Set(['awaiting', 'overdue', 'not-sent'])

export function directoryCounts(items: ReadonlyArray<CaseListItem>): { patients: Map<string, Counts>; organizations: Map<string, Counts> } {
  const patients = new Map<string, Counts>()
  const organizations = new Map<string, Counts>()
  const bump = (map: Map<string, Counts>, id: string, overdue: boolean) => {
    const c = map.get(id) ?? { open: 0, overdue: 0 }
    c.open++
    if (overdue) c.overdue++
    map.set(id, c)
  }
  for (const item of items) {
    if (!OPEN.has(item.status)) continue
    bump(patients, item.patientId, item.status === 'overdue')
    bump(organizations, item.organizationId, item.status === 'overdue')
  }
  return { patients, organizations }
}

export const NO_CASES: Counts = { open: 0, overdue: 0 }
