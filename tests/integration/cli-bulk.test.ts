// `bulk` through the in-process command line: the same change on several cases, then undo.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testServices } from './helpers/services'
import { cli } from './helpers/cli'

let dir: string
let ids: string[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-bulk-'))
  const s = await testServices('2026-11-10T15:00:00.000Z', join(dir, 'data'))
  const patient = await s.patients.add({ name: 'Maria Lopez' })
  const a = await s.organizations.add({ name: 'Springfield General Hospital', kind: 'hospital' })
  const b = await s.organizations.add({ name: 'Shelbyville Lab', kind: 'lab' })
  ids = (await s.cases.addBatch({ patientId: patient.id, organizationIds: [a.id, b.id] })).map((c) => c.id)
  await s.cleanup()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const data = () => ['--data-dir', join(dir, 'data')]

describe('cli bulk', () => {
  it('logs one event on every case given, then undoes it', async () => {
    const r = await cli(['bulk', 'event', '--case', ids.join(','), '--type', 'request-sent', '--date', '2026-11-09', '--channel', 'fax', ...data()])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Logged “request sent” on 2026-11-09 on 2 cases\.\nUndo with: bulk undo (change-\S+)\n$/)
    const changeId = /bulk undo (\S+)/.exec(r.stdout)![1]!
    const last = await cli(['bulk', 'last', '--json', ...data()])
    expect(JSON.parse(last.stdout)).toMatchObject({ id: changeId, caseIds: ids, undoneAt: null })
    const undo = await cli(['bulk', 'undo', changeId, ...data()])
    expect(undo).toMatchObject({ code: 0, stdout: 'Undid “Logged “request sent” on 2026-11-09 on 2 cases”.\n' })
    const again = await cli(['bulk', 'undo', changeId, ...data()])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('was already undone')
  })

  it('exits 2 with one clear line on bad input', async () => {
    const none = await cli(['bulk', 'trash', ...data()])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('give the cases with --case ID')
    const bad = await cli(['bulk', 'priority', '--case', ids[0]!, '--set', 'sky-high', ...data()])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/priority/)
    const event = await cli(['bulk', 'event', '--case', ids[0]!, '--type', 'request-sent', '--date', '2026-02-30', ...data()])
    expect(event.code).toBe(2)
  })
})
