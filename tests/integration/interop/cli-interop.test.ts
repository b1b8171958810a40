import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { hashFolder } from '../helpers/folder-hash'

let dir: string
let data: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-interop-'))
  data = join(dir, 'data')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const LOG = 'Request ID,Patient,DOB,Practice,State,Received\r\nR-1,Ana Ruiz,02/29/1980,Mercy Clinic,CA,09/14/2026\r\nR-2,Bo Chan,07/04/1965,Mercy Clinic,CA,09/20/2026\r\n'

describe('interop commands', () => {
  it('import csv (dry run, then for real), export csv, calendar, bundle, export and import of the whole folder', async () => {
    await writeFile(join(dir, 'log.csv'), LOG)
    const dry = await cli(['import', 'csv', '--what', 'requests', '--in', 'log.csv', '--dry-run', '--data-dir', data], { cwd: dir })
    expect(dry.stdout).toContain('Received → received')
    expect(dry.stdout).toContain('09/14/2026 → 2026-09-14')
    expect(dry.code).toBe(0)
    const real = await cli(['import', 'csv', '--what', 'requests', '--in', 'log.csv', '--data-dir', data, '--json'], { cwd: dir })
    expect(real.code).toBe(0)
    expect(JSON.parse(real.stdout)).toMatchObject({ cases: 2, patients: 2, organizations: 1 })

    expect((await cli(['export', 'csv', '--what', 'requests', '--out', 'out.csv', '--data-dir', data], { cwd: dir })).code).toBe(0)
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toContain('"R-1","Ana Ruiz","1980-02-29"')
    const cal = await cli(['calendar', '--out', 'cal.ics', '--data-dir', data, '--json'], { cwd: dir })
    expect(JSON.parse(cal.stdout).events).toBeGreaterThan(0)
    expect(await readFile(join(dir, 'cal.ics'), 'utf8')).toContain('BEGIN:VCALENDAR')

    const list = JSON.parse((await cli(['cases', 'list', '--data-dir', data, '--json'])).stdout) as Array<{ id: string }>
    const b = await cli(['bundle', '--case', list[0]!.id, '--out', 'b.zip', '--minimum-necessary', '--data-dir', data], { cwd: dir })
    expect(b.stdout).toMatch(/sha256sum -c MANIFEST.txt/)
    // The bundle holds the OCR complaint packet (its PDF through LibreOffice: seconds, hence this test's timeout).
    expect(b.stdout).toMatch(/with the OCR complaint packet/)

    expect((await cli(['export', '--out', 'all.zip', '--data-dir', data], { cwd: dir })).code).toBe(0)
    const dry2 = await cli(['import', '--in', 'all.zip', '--dry-run', '--data-dir', join(dir, 'fresh')], { cwd: dir })
    expect(dry2.stdout).toMatch(/0 conflict\(s\)/)
    const imp = await cli(['import', '--in', 'all.zip', '--data-dir', join(dir, 'fresh'), '--json'], { cwd: dir })
    expect(JSON.parse(imp.stdout).written).toBeGreaterThan(4)
    expect(JSON.parse((await cli(['cases', 'list', '--data-dir', join(dir, 'fresh'), '--json'])).stdout)).toHaveLength(2)
  }, 180_000)

  it('bad input: exit 2 with one clear line, nothing changed', async () => {
    // info only reads (it creates nothing); opening a list makes the folder.
    await cli(['patients', 'list', '--data-dir', data])
    await writeFile(join(dir, 'semi.csv'), 'Patient;DOB\nAna;1980-01-01\n')
    await writeFile(join(dir, 'junk.zip'), 'not a zip')
    const before = await hashFolder(data)
    const semi = await cli(['import', 'csv', '--what', 'patients', '--in', 'semi.csv', '--data-dir', data], { cwd: dir })
    expect(semi).toMatchObject({ code: 2, stderr: expect.stringMatching(/separated by semicolons, not commas/) })
    const zip = await cli(['import', '--in', 'junk.zip', '--data-dir', data], { cwd: dir })
    expect(zip).toMatchObject({ code: 2, stderr: expect.stringMatching(/junk.zip: is not a readable zip file/) })
    const missing = await cli(['import', 'csv', '--what', 'patients', '--in', 'nope.csv', '--data-dir', data], { cwd: dir })
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read .*nope.csv \(ENOENT\)/) })
    expect((await cli(['calendar', '--data-dir', data])).code).toBe(2)
    expect(await hashFolder(data)).toBe(before)
  })
})
