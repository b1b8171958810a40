// One import's verdicts are shared between rows (rows.ts, RowMemo): every row must still get its own
// verdict, its problems named at its own row, exactly as without the memo.
import { describe, expect, it } from 'vitest'
import { draftRow, newRowMemo, type RowContext, type RowValues } from './rows'

const columnOf = { patientName: 'Patient', organizationName: 'Practice', organizationState: 'State', received: 'Received', reference: 'Request ID' }
const row = (n: number, values: Record<string, string>): RowValues => ({ row: n, values, columnOf })
const ctx = (memo?: ReturnType<typeof newRowMemo>): RowContext => ({ kind: 'requests', dateOrder: { Received: 'mdy' }, today: '2026-11-25', ...(memo && { memo }) })

const rows = [
  row(2, { patientName: 'Ann Lee', organizationName: 'Practice 1', organizationState: 'CA', received: '10/01/2026', reference: 'R-1' }),
  row(3, { patientName: 'Ann Lee', organizationName: 'Practice 1', organizationState: 'ZZ', received: '10/01/2026', reference: 'R-2' }),
  row(4, { patientName: 'x'.repeat(300), organizationName: 'Practice 1', organizationState: 'ZZ', received: '13/01/2026', reference: 'R-3' }),
  row(5, { patientName: 'x'.repeat(300), organizationName: 'Practice 1', organizationState: 'CA', received: '13/01/2026', reference: 'R-4' })
]

describe('draftRow with one import’s memo', () => {
  it('gives every row the verdict it gets alone, and names each problem at its own row', () => {
    const memo = newRowMemo()
    const shared = rows.map((r) => draftRow(r, ctx(memo)))
    const alone = rows.map((r) => draftRow(r, ctx()))
    expect(shared).toEqual(alone)
    const problems = shared.flatMap((d) => d.problems.map((p) => `${p.row} ${p.column}`))
    expect(problems).toEqual(expect.arrayContaining(['3 State', '4 Patient', '4 State', '4 Received', '5 Patient', '5 Received']))
    expect(problems.some((p) => p.startsWith('2 '))).toBe(false)
    // The same event on two rows: equal, and each row's case has it.
    expect(shared[0]!.draft.case!.events).toEqual(shared[1]!.draft.case!.events)
    expect(shared[0]!.draft.case!.events.map((e) => [e.type, e.date])).toEqual([['request-received', '2026-10-01']])
  })
})
