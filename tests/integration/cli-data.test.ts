import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'

let dir: string
let d: string[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-data-'))
  d = ['--data-dir', join(dir, 'data')]
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const json = async (args: string[]) => {
  const r = await cli([...args, '--json'])
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`)
  return JSON.parse(r.stdout) as Record<string, unknown> & Array<Record<string, unknown>>
}

describe('cli: patients, orgs, cases, attachments, backups', () => {
  it('adds, lists and shows records, and cases show includes the clock', async () => {
    const patient = await json(['patients', 'add', '--name', 'Ana Ruiz', '--dob', '1980-02-29', ...d])
    const org = await json(['orgs', 'add', '--name', 'Mercy General', '--kind', 'hospital', '--state', 'ca', '--fax', '555-0100', ...d])
    expect(org['state']).toBe('CA')
    const c = await json(['cases', 'add', '--patient', String(patient['id']), '--org', String(org['id']), '--format', 'PDF', '--ref', 'holder-request-id:R-1', ...d])
    await json(['cases', 'event', String(c['id']), '--type', 'request-received', '--date', '2026-09-02', '--summary', 'Fax confirmed', ...d])
    await json(['cases', 'event', String(c['id']), '--type', 'fee-quoted', '--date', '2026-09-05', '--set', 'amount=75', '--set', 'perPage=true', '--set', 'electronicCopyOfElectronicRecords=true', ...d])
    const shown = await json(['cases', 'show', String(c['id']), '--as-of', '2026-11-25', ...d])
    expect(shown).toMatchObject({ clock: { state: 'ok', result: { due: '2026-10-02', status: 'overdue', daysLate: 54 } } })
    const codes = (shown as unknown as { clock: { result: { findings: Array<{ code: string }> } } }).clock.result.findings.map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(['response-late', 'fee-per-page-electronic']))
    expect(await json(['patients', 'list', ...d])).toHaveLength(1)
    expect(await json(['orgs', 'list', '--state', 'CA', ...d])).toHaveLength(1)
    const late = await json(['cases', 'list', '--status', 'overdue', '--min-days-late', '30', ...d])
    expect(late.map((x) => x['id'])).toEqual([c['id']])
    expect(await json(['cases', 'list', '--status', 'awaiting', ...d])).toEqual([])
    const text = await cli(['cases', 'show', String(c['id']), ...d])
    expect(text.stdout).toMatch(/30 calendar days → due Fri 2 Oct 2026/)
  })

  it('--deep also finds words in the full text of events, with progress on stderr', async () => {
    const patient = await json(['patients', 'add', '--name', 'Ana Ruiz', ...d])
    const org = await json(['orgs', 'add', '--name', 'Mercy', '--kind', 'hospital', ...d])
    const c = await json(['cases', 'add', '--patient', String(patient['id']), '--org', String(org['id']), ...d])
    const body = JSON.stringify({ body: 'The clerk, Dolores, said the films are in off-site storage.' })
    const logged = await cli(['cases', 'event', String(c['id']), '--type', 'phone-call', '--date', '2026-11-02', '--summary', 'Called HIM', '--input', '-', ...d], { stdin: body })
    expect(logged.code).toBe(0)
    expect(await json(['cases', 'list', '--query', 'dolores', ...d])).toEqual([])
    const deep = await cli(['cases', 'list', '--query', 'dolores', '--deep', '--json', ...d])
    expect((JSON.parse(deep.stdout) as Array<{ id: string }>).map((x) => x.id)).toEqual([c['id']])
    expect(deep.stderr).toMatch(/searching 1\/1 cases/)
  })

  it('attaches a file once by content hash, and backs up, lists and previews', async () => {
    const patient = await json(['patients', 'add', '--name', 'Ana Ruiz', ...d])
    const org = await json(['orgs', 'add', '--name', 'Mercy', '--kind', 'hospital', ...d])
    const c = await json(['cases', 'add', '--patient', String(patient['id']), '--org', String(org['id']), ...d])
    const file = join(dir, 'fax confirmation.pdf')
    await writeFile(file, '%PDF-1.4 fake')
    const a1 = await json(['attachments', 'add', file, '--case', String(c['id']), ...d])
    const a2 = await json(['attachments', 'add', file, '--case', String(c['id']), ...d])
    expect((a1['attachment'] as { sha256: string }).sha256).toBe((a2['attachment'] as { sha256: string }).sha256)
    expect(a1['attachment']).toMatchObject({ name: 'fax confirmation.pdf', type: 'application/pdf', size: 13 })
    const backup = await json(['backup', 'now', ...d])
    expect(backup).toMatchObject({ reason: 'manual' })
    const list = await json(['backup', 'list', ...d])
    expect(list.map((b) => b['id'])).toContain(backup['id'])
    expect(await json(['backup', 'preview', String(backup['id']), ...d])).toMatchObject({ counts: expect.objectContaining({ cases: 1, patients: 1, organizations: 1 }) })
    const refused = await cli(['backup', 'restore', String(backup['id']), ...d])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/Add --yes/)
  })

  it('exits 2 with one precise line for bad input, and 2 for an unknown id', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['patients', 'add', '--name', 'A', '--dob', '2026-02-30'], /dateOfBirth: 2026-02-30 is not a real calendar date/],
      [['patients', 'add'], /name/],
      [['orgs', 'add', '--name', 'X', '--kind', 'spaceship'], /kind/],
      [['cases', 'list', '--status', 'late'], /--status late: must be one of/],
      [['cases', 'show', 'case-nope'], /No case with id "case-nope"/],
      [['cases', 'event', 'case-nope', '--date', '2026-01-01'], /--type is missing/],
      [['patients', 'frob'], /unknown action "frob"/]
    ]
    for (const [args, message] of cases) {
      const r = await cli([...args, ...d])
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stdout).toBe('')
    }
  })

  it('demo writes exactly N cases in every status, the same caseload every time', async () => {
    const one = await json(['demo', '--cases', '30', '--data-dir', join(dir, 'one')])
    const two = await json(['demo', '--cases', '30', '--data-dir', join(dir, 'two')])
    expect(one).toMatchObject({ cases: 30 })
    expect(two).toEqual(one)
    const list = await json(['cases', 'list', '--data-dir', join(dir, 'one')])
    expect(list).toHaveLength(30)
    const statuses = new Set(list.map((c) => c['status']))
    for (const s of ['not-sent', 'awaiting', 'overdue', 'fulfilled-on-time', 'fulfilled-late', 'denied', 'withdrawn']) expect(statuses).toContain(s)
    const strip = (l: Array<Record<string, unknown>>) => l.map(({ id, status, due, patientName, organizationName }) => ({ id, status, due, patientName, organizationName }))
    expect(strip(await json(['cases', 'list', '--data-dir', join(dir, 'two')]))).toEqual(strip(list))
    const again = await cli(['demo', '--cases', '5', '--data-dir', join(dir, 'one')])
    expect(again.code).toBe(2) // a refused request is bad input (issue 10)
    expect(again.stderr).toMatch(/already holds data/)
  })
})
