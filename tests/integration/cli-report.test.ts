import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { format } from 'date-fns'
import { cli } from './helpers/cli'

let dir: string
let d: string[]
const today = format(new Date(), 'yyyy-MM-dd')
const period = ['--from', '2000-01-01', '--to', today]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-report-'))
  d = ['--data-dir', join(dir, 'data')]
  const demo = await cli(['demo', '--cases', '60', '--json', ...d])
  if (demo.code !== 0) throw new Error(demo.stderr)
}, 120_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '')
}

describe('report compliance on the demo caseload', () => {
  it('writes a CSV: BOM, CRLF, one row per request with its findings', async () => {
    const out = join(dir, 'report.csv')
    const r = await cli(['report', 'compliance', ...period, '--out', out, ...d])
    expect(r.code, r.stderr).toBe(0)
    const text = await readFile(out, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toContain('findings')
    const json = await cli(['report', 'compliance', ...period, '--json', ...d])
    const report = JSON.parse(json.stdout) as { metrics: { requests: string[] }; nonCompliant: string[] }
    expect(lines).toHaveLength(report.metrics.requests.length + 1)
    expect(report.nonCompliant.length).toBeGreaterThan(0)
    expect(text).toContain('response-late')
  })

  it('writes a DOCX naming on-time share, median days, extensions, fees and formats', async () => {
    const out = join(dir, 'report.docx')
    const r = await cli(['report', 'compliance', ...period, '--out', out, ...d])
    expect(r.code, r.stderr).toBe(0)
    const text = await docxText(out)
    for (const words of ['On-time share', 'Median days', 'Extensions', 'Fees', 'Formats', 'How requests are counted', 'Non-compliant requests', 'Holder scorecards']) {
      expect(text).toContain(words)
    }
    const zip = await JSZip.loadAsync(await readFile(out))
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(3)
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('w:w="12240" w:h="15840"')
    expect(xml).toContain('<w:tblHeader/>')
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>Compliance report')
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:outlineLvl w:val="0"')
  })

  it('prints the figures without --out, and refuses bad input with exit code 2', async () => {
    const shown = await cli(['report', 'compliance', ...period, ...d])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/On-time share: [\d.]+% against HIPAA/)
    // One after another: the data folder has one opener at a time.
    const bad = []
    for (const args of [
      ['--from', '2026-02-30', '--to', today],
      ['--from', today, '--to', '2000-01-01'],
      [...period, '--filter', 'colour=red'],
      [...period, '--out', join(dir, 'x.txt')]
    ]) {
      bad.push(await cli(['report', 'compliance', ...args, ...d]))
    }
    for (const b of bad) expect(b.code, b.stderr).toBe(2)
    expect(bad[0]!.stderr).toContain('from')
    expect(bad[1]!.stderr).toContain('ends before it starts')
  })
})
