import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvImporter } from '../../../src/services/interop/csv/import'
import { hashFolder } from '../helpers/folder-hash'
import { testServices, type TestServices } from '../helpers/services'

let s: TestServices
beforeEach(async () => {
  s = await testServices()
})
afterEach(async () => {
  await s.cleanup()
})

const enc = (text: string) => new TextEncoder().encode(text)
const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])

const REQUESTS = [
  'Request ID,Patient,DOB,Practice,State,Received,Fulfilled',
  'R-1,Ana Ruiz,02/29/1980,Mercy Clinic,CA,09/14/2026,10/01/2026',
  'R-2,"Lee, Sam",7/4/65,Mercy Clinic,CA,2026-09-20,',
  'R-3,Ana Ruiz,02/29/1980,Mercy Clinic,CA,46280,'
].join('\r\n')

describe('CSV import', () => {
  it('suggests a mapping, recognises US date forms and Excel serials, previews rows exactly as stored, then writes them all', async () => {
    const im = csvImporter(s)
    const preview = im.preview({ kind: 'requests', bytes: bom(REQUESTS), name: 'log.csv' })
    expect(preview.encoding).toBe('utf-8-bom')
    expect(preview.mappingSource).toBe('suggested')
    expect(preview.mapping.columns).toMatchObject({ 'Request ID': 'reference', Patient: 'patientName', DOB: 'dateOfBirth', Practice: 'organizationName', Received: 'received', Fulfilled: 'delivered' })
    expect(preview.blockers).toEqual([])
    const received = preview.dateColumns.find((c) => c.column === 'Received')!
    expect(received).toMatchObject({ state: 'ok', order: 'mdy', forms: ['excel-serial', 'iso', 'slash'] })
    expect(received.examples).toEqual([
      { value: '09/14/2026', date: '2026-09-14' },
      { value: '2026-09-20', date: '2026-09-20' },
      { value: '46280', date: '2026-09-15' }
    ])
    expect(preview.rows[1]!.patient).toMatchObject({ name: 'Lee, Sam', dateOfBirth: '1965-07-04' })
    expect(preview.rows[0]!.case!.events.map((e) => [e.type, e.date])).toEqual([
      ['request-received', '2026-09-14'],
      ['records-delivered', '2026-10-01']
    ])
    expect(preview.counts).toMatchObject({ patients: 2, organizations: 1, cases: 3, events: 4 })

    const seen: number[] = []
    const result = await im.commit({ kind: 'requests', bytes: bom(REQUESTS), name: 'log.csv' }, { onProgress: (d) => seen.push(d) })
    expect(result).toMatchObject({ patients: 2, organizations: 1, cases: 3, events: 4 })
    expect(seen.at(-1)).toBe(6)
    const list = s.queries.list()
    expect(list).toHaveLength(3)
    expect(list.map((c) => c.references[0]).sort()).toEqual(['R-1', 'R-2', 'R-3'])
    expect(list.find((c) => c.references[0] === 'R-1')).toMatchObject({ status: 'fulfilled-on-time', received: '2026-09-14' })
    // The backup was taken before anything was written.
    expect((await s.store.backups.list()).some((b) => b.reason === 'pre-import' && b.id === result.backupId)).toBe(true)
    // The mapping is remembered for the next file with the same header row.
    expect(im.preview({ kind: 'requests', bytes: enc(REQUESTS), name: 'again.csv' }).mappingSource).toBe('remembered')
  })

  it('asks about a column whose month and day cannot be told apart, and reads it once told', async () => {
    const csv = 'Patient,DOB\nAna Ruiz,03/04/1980\nBo Chan,11/12/1990\n'
    const im = csvImporter(s)
    const p = im.preview({ kind: 'patients', bytes: enc(csv), name: 'p.csv' })
    expect(p.dateColumns[0]).toMatchObject({ column: 'DOB', state: 'ambiguous', order: null })
    expect(p.blockers.join(' ')).toMatch(/"DOB": month and day cannot be told apart/)
    await expect(im.commit({ kind: 'patients', bytes: enc(csv), name: 'p.csv' })).rejects.toThrow(/Nothing was imported/)
    const told = im.preview({ kind: 'patients', bytes: enc(csv), name: 'p.csv', mapping: { kind: 'patients', columns: { Patient: 'patientName', DOB: 'dateOfBirth' }, dateOrder: { DOB: 'dmy' } } })
    expect(told.blockers).toEqual([])
    expect(told.rows.map((r) => r.patient!.dateOfBirth)).toEqual(['1980-04-03', '1990-12-11'])
  })

  it('reads Windows-1252 files', async () => {
    const bytes = iconv.encode('Patient,Notes\nJosé Núñez,“quoted” note\n', 'win1252')
    const p = csvImporter(s).preview({ kind: 'patients', bytes, name: 'w.csv' })
    expect(p.encoding).toBe('windows-1252')
    expect(p.rows[0]!.patient).toMatchObject({ name: 'José Núñez', notes: '“quoted” note' })
  })

  it('shows duplicates of records on file and matches them only on the user’s choice', async () => {
    const existing = await s.patients.add({ name: 'Ana Ruiz', dateOfBirth: '1980-02-29' })
    const org = await s.organizations.add({ name: 'Mercy Clinic', kind: 'provider', state: 'CA' })
    const im = csvImporter(s)
    const p = im.preview({ kind: 'requests', bytes: enc(REQUESTS), name: 'log.csv' })
    expect(p.duplicates.map((d) => [d.entity, d.existingId, d.rows, d.decision])).toEqual([
      ['patient', existing.id, [2, 4], null],
      ['organization', org.id, [2, 3, 4], null]
    ])
    expect(p.blockers.join(' ')).toMatch(/2 row group\(s\) match records already on file/)
    const result = await im.commit({ kind: 'requests', bytes: enc(REQUESTS), name: 'log.csv', duplicates: 'match' })
    expect(result).toMatchObject({ patients: 1, organizations: 0, cases: 3 })
    expect(s.patients.list().filter((x) => x.name === 'Ana Ruiz')).toHaveLength(1)
    expect(s.queries.list().filter((c) => c.patientId === existing.id)).toHaveLength(2)
    // Importing the same log again finds each case by its reference number.
    const again = im.preview({ kind: 'requests', bytes: enc(REQUESTS), name: 'log.csv', duplicates: 'match' })
    expect(again.duplicates.filter((d) => d.entity === 'case')).toHaveLength(3)
    expect(again.counts.cases).toBe(0)
  })

  it('reports every bad row with row, column, value and problem, and writes nothing', async () => {
    const csv = 'Patient,DOB,Practice,Received,Request ID\n,01/13/2030,Mercy,02/30/2026,A\nBo,1/1/1990,Mercy,2026-09-01,A\n'
    const before = await hashFolder(s.dataDir)
    const im = csvImporter(s)
    const p = im.preview({ kind: 'requests', bytes: enc(csv), name: 'bad.csv' })
    expect(p.problems).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'Patient', value: '', problem: 'is required and empty' },
        { row: 2, column: 'DOB', value: '01/13/2030', problem: '2030-01-13 is in the future (today is 2026-11-25)' },
        { row: 2, column: 'Received', value: '02/30/2026', problem: '2026-02-30 is not a real calendar date' },
        { row: 3, column: 'Request ID', value: 'A', problem: expect.stringMatching(/duplicate id: row 2/) }
      ])
    )
    await expect(im.commit({ kind: 'requests', bytes: enc(csv), name: 'bad.csv' })).rejects.toThrow(/Nothing was imported/)
    expect(await hashFolder(s.dataDir)).toBe(before)
  })

  it('a bad value repeated on several rows is reported at each of them (each distinct input is parsed once)', async () => {
    const phone = '5'.repeat(501)
    const patients = `Patient,Phone,DOB\nAna Ruiz,${phone},02/30/1980\nAna Ruiz,${phone},02/30/1980\nBo Lee,555-0100,02/30/1980\n`
    const p = csvImporter(s).preview({ kind: 'patients', bytes: enc(patients), name: 'p.csv' })
    const at = (column: string) => p.problems.filter((x) => x.column === column).map((x) => x.row)
    // The patient's own check names the row's patient (its phone is part of it).
    expect(at('Patient')).toEqual([2, 3])
    expect(p.problems.find((x) => x.row === 3 && x.column === 'Patient')).toMatchObject({ value: 'Ana Ruiz', problem: expect.stringMatching(/too long/) })
    expect(at('DOB')).toEqual([2, 3, 4])
    const requests = 'Request ID,Patient,Practice,Received\nA,Ana Ruiz,Mercy,2026-09-01\nB,Ana Ruiz,Mercy,2026-09-31\nC,Ana Ruiz,Mercy,2026-09-31\nD,Bo Lee,Mercy,2026-09-01\n'
    const r = csvImporter(s).preview({ kind: 'requests', bytes: enc(requests), name: 'r.csv' })
    expect(r.problems.map((x) => [x.row, x.column, x.problem])).toEqual([
      [3, 'Received', '2026-09-31 is not a real calendar date'],
      [4, 'Received', '2026-09-31 is not a real calendar date']
    ])
    // The same practice on every row is one organization; the rows' patients two.
    expect(r.rows.map((d) => d.organization?.name)).toEqual(['Mercy', 'Mercy', 'Mercy', 'Mercy'])
    expect(r.rows.map((d) => d.patient?.name)).toEqual(['Ana Ruiz', 'Ana Ruiz', 'Ana Ruiz', 'Bo Lee'])
  })

  it('refuses malformed files with a specific message and leaves the folder as it was', async () => {
    const before = await hashFolder(s.dataDir)
    const im = csvImporter(s)
    const attempt = (text: string | Uint8Array, kind: 'patients' | 'requests' = 'patients', mapping?: Parameters<typeof im.preview>[0]['mapping']) =>
      im.commit({ kind, bytes: typeof text === 'string' ? enc(text) : text, name: 'f.csv', ...(mapping && { mapping }) })
    await expect(attempt('Patient,Notes\nAna,"never closed\nBo,x\n')).rejects.toThrow(/row 2 is never closed \(an unbalanced " quote\)/)
    await expect(attempt('Patient;DOB\nAna;1980-01-01\n')).rejects.toThrow(/separated by semicolons, not commas/)
    await expect(attempt(`Patient\n${'Ana\n'.repeat(50_001)}`)).rejects.toThrow(/more than 50,000 rows/)
    await expect(attempt(new Uint8Array(50 * 1024 * 1024))).rejects.toThrow(/is 50 MB; a CSV import reads at most 20 MB/)
    await expect(attempt('Patient,DOB\nAna,1980-01-01\n\uFEFFPatient,DOB\nBo,1990-01-01\n')).rejects.toThrow(/line 3 holds a byte-order mark in the middle/)
    await expect(attempt('Patient,Patient\nAna,Bo\n')).rejects.toThrow(/names "Patient" twice/)
    await expect(attempt('Patient,Shoe size\nAna,9\n', 'patients', { kind: 'patients', columns: { Patient: 'patientName' } })).rejects.toThrow(/Unknown column\(s\) "Shoe size"/)
    await expect(attempt('Patient,DOB\nAna,1980-01-01,extra\n')).rejects.toThrow(/row 2 has 3 values but the header has 2 columns/)
    expect(await hashFolder(s.dataDir)).toBe(before)
  })

  it('cancelled part-way, puts the folder back as it was', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `R-${i},Patient ${i},1/${(i % 28) + 1}/1980,Clinic ${i % 3},CA,09/14/2026,`)
    const csv = ['Request ID,Patient,DOB,Practice,State,Received,Fulfilled', ...rows].join('\n')
    const controller = new AbortController()
    await expect(
      csvImporter(s).commit({ kind: 'requests', bytes: enc(csv), name: 'big.csv' }, { signal: controller.signal, onProgress: (done) => done >= 100 && controller.abort() })
    ).rejects.toThrow(/cancelled; nothing was changed/)
    expect(s.queries.list()).toHaveLength(0)
    expect(s.patients.list()).toHaveLength(0)
  })

  it('cancelled while its cases are being checked (after the patients are saved), puts the folder back as it was', async () => {
    // The backups the import takes (before, and before putting the folder back) are the only new files.
    const before = await hashFolder(s.dataDir, ['backups'])
    const rows = Array.from({ length: 700 }, (_, i) => `R-${i},Patient ${i % 50},1/${(i % 28) + 1}/1980,Clinic ${i % 3},CA,09/14/2026,`)
    const csv = ['Request ID,Patient,DOB,Practice,State,Received,Fulfilled', ...rows].join('\n')
    const controller = new AbortController()
    const seen: number[] = []
    await expect(
      csvImporter(s).commit(
        { kind: 'requests', bytes: enc(csv), name: 'cases.csv' },
        {
          signal: controller.signal,
          onProgress: (done, total) => {
            seen.push(done)
            // 3 organizations and 50 patients are written by now; some of the 700 cases are checked.
            if (done > 53 + 200 && done < total) controller.abort()
          }
        }
      )
    ).rejects.toThrow(/cancelled; nothing was changed/)
    // Progress moved through the cases in steps, not in one jump at the end.
    expect(seen.some((n) => n > 53 && n < 53 + 700)).toBe(true)
    expect(s.queries.list()).toHaveLength(0)
    expect(s.patients.list()).toHaveLength(0)
    await s.store.flush()
    expect(await hashFolder(s.dataDir, ['backups'])).toBe(before)
  })
})
