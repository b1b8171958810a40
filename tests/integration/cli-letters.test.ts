// `letters templates|render|bulk` through the in-process command line, over a real data folder.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testServices } from './helpers/services'
import { cli } from './helpers/cli'

let dir: string
let caseId: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-letters-'))
  const s = await testServices('2026-11-10T15:00:00.000Z', join(dir, 'data'))
  const patient = await s.patients.add({ name: 'Maria Lopez' })
  const org = await s.organizations.add({ name: 'Springfield General Hospital', kind: 'hospital' })
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id })
  await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-10-02' })
  caseId = c.id
  await s.cleanup()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const data = () => ['--data-dir', join(dir, 'data')]

describe('cli letters', () => {
  it('templates --json lists id, version, title, kinds, steps and required fields', async () => {
    const r = await cli(['letters', 'templates', '--json', ...data()])
    expect(r.code).toBe(0)
    const list = JSON.parse(r.stdout) as Array<{ id: string; version: number; steps: string[]; required: string[]; kinds: string[] }>
    expect(list.find((t) => t.id === 'privacy-officer-escalation')).toMatchObject({ version: 1, steps: ['privacy-officer-escalation'], required: ['holder.privacyOfficer'] })
    expect(list).toHaveLength(16)
  })

  it('render exits 2 naming each missing required field, then renders with --set', async () => {
    const out = join(dir, 'letter.docx')
    const missing = await cli(['letters', 'render', '--case', caseId, '--template', 'privacy-officer-escalation', '--out', out, ...data()])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('error: missing required field holder.privacyOfficer (Privacy officer (name or title)): give it with --set holder.privacyOfficer=…\n')
    expect(missing.stdout).toBe('')
    const ok = await cli(['letters', 'render', '--case', caseId, '--template', 'privacy-officer-escalation', '--out', out, '--set', 'holder.privacyOfficer=Jane Roe', '--date', '2026-11-09', ...data()])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^Wrote .*letter\.docx \(\d+ bytes\); saved to case case-\d+ as draft letter letter-[0-9a-f]+\n$/)
    const xml = await (await JSZip.loadAsync(await readFile(out))).file('word/document.xml')!.async('string')
    expect(xml).toContain('Dear Jane Roe:')
    expect(xml).toContain('As of November 9, 2026 you are 8 days late.')
  })

  it('bad input exits 2 with one line', async () => {
    const r = await cli(['letters', 'render', '--case', caseId, '--template', 'nope', '--out', join(dir, 'x.docx'), ...data()])
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: There is no letter template "nope"/) })
    expect((await cli(['letters', 'render', '--case', caseId, '--template', 'follow-up', '--out', join(dir, 'x.txt'), ...data()])).code).toBe(2)
    expect((await cli(['letters', 'render', '--case', caseId, '--template', 'follow-up', '--out', join(dir, 'x.docx'), '--set', 'clock.due=2027-01-01', ...data()])).stderr).toMatch(/computed/)
  })

  it('bulk prints one line per case made or skipped and writes the files', async () => {
    const out = join(dir, 'bulk')
    const r = await cli(['letters', 'bulk', '--template', 'follow-up', '--filter', 'overdue', '--date', '2026-11-10', '--out', out, ...data()])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^made {5}${caseId} {2}2026-11-10-follow-up-maria-lopez\\.docx\\n1 made, 0 skipped\\n$`))
    expect(await readdir(out)).toEqual([`${caseId}-2026-11-10-follow-up-maria-lopez.docx`])
    const skipped = await cli(['letters', 'bulk', '--template', 'privacy-officer-escalation', '--case', caseId, '--out', out, ...data()])
    expect(skipped.stdout).toBe(`skipped  ${caseId}  missing holder.privacyOfficer\n0 made, 1 skipped\n`)
  })
})
