import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { csvExporter } from '../../../src/services/interop/csv/export'
import { csvImporter } from '../../../src/services/interop/csv/import'
import { testServices, type TestServices } from '../helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

const read = (bytes: Uint8Array) => Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

describe('CSV export', () => {
  it('exports the caseload view with its columns and filter, and the request log round-trips through the importer', async () => {
    const log = [
      'Request ID,Patient,DOB,Practice,State,Received,Fulfilled',
      'R-1,Ana Ruiz,02/29/1980,Mercy Clinic,CA,09/14/2026,10/01/2026',
      'R-2,=HYPERLINK("x"),07/04/1965,Mercy Clinic,CA,09/02/2026,'
    ].join('\n')
    await csvImporter(s).commit({ kind: 'requests', bytes: new TextEncoder().encode(log), name: 'log.csv' })
    const ex = csvExporter(s)
    const view = await ex.export({ what: 'cases', filter: { status: ['overdue'] }, columns: ['patient', 'status', 'due', 'daysLate'] })
    expect(read(view.bytes)).toEqual([
      ['Patient', 'Status', 'Due', 'Days late'],
      ["'=HYPERLINK(\"x\")", 'overdue', '2026-10-02', '54']
    ])
    const reqs = await ex.export({ what: 'requests' })
    const rows = read(reqs.bytes)
    expect(rows[0]).toEqual(['Request ID', 'Patient', 'DOB', 'Practice', 'State', 'Request kind', 'Received', 'Due', 'Fulfilled', 'Denied', 'Status', 'Days late', 'Findings'])
    expect(rows.find((r) => r[0] === 'R-1')).toEqual(['R-1', 'Ana Ruiz', '1980-02-29', 'Mercy Clinic', 'CA', 'access-self', '2026-09-14', '2026-10-14', '2026-10-01', '', 'fulfilled-on-time', '', ''])
    // What the log export writes, the importer reads back into the same cases (matched, not doubled).
    const again = csvImporter(s).preview({ kind: 'requests', bytes: reqs.bytes, name: 'export.csv', duplicates: 'match', mapping: { kind: 'requests', columns: { 'Request ID': 'reference', Patient: 'patientName', DOB: 'dateOfBirth', Practice: 'organizationName', State: 'organizationState', 'Request kind': 'requestKind', Received: 'received', Due: null, Fulfilled: 'delivered', Denied: 'denied', Status: null, 'Days late': null, Findings: null } } })
    expect(again.blockers).toEqual([])
    expect(again.duplicates.filter((d) => d.entity === 'case').length).toBe(2)
  })
})
