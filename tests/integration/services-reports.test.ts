import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/services/handlers/index'
import { createRouter } from '../../src/services/router'
import { seedBasics, testServices, type TestServices } from './helpers/services'

let s: TestServices
let invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
beforeEach(async () => {
  s = await testServices('2026-11-25T15:00:00.000Z')
  const router = createRouter(createHandlers(s), { validateOutput: true })
  invoke = (c, i) => router.invoke(c, i) as never
})
afterEach(() => s.cleanup())

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 })
    return true
  } catch {
    return false
  }
})()

async function seedLate() {
  const { patient, org } = await seedBasics(s)
  const c = await s.cases.add({ patientId: patient.id, organizationId: org.id, perspective: 'practice', requestLog: { site: 'Main', staff: 'R. Diaz', receivedChannel: 'fax' } })
  await s.cases.addEvent(c.id, { type: 'request-received', date: '2026-09-02' })
  await s.cases.addEvent(c.id, { type: 'records-delivered', date: '2026-10-10' })
  return { c, org }
}

describe('report channels through the router', () => {
  it('answers the compliance view, a holder scorecard and the perspective, each within its contract', async () => {
    const { c, org } = await seedLate()
    const view = await invoke('reports.compliance', { from: '2026-09-01', to: '2026-10-31', filter: { site: 'Main' } })
    expect(view.ok).toBe(true)
    const v = view.value as { report: { metrics: { onTimeHipaa: { notMet: string[] } }; rows: Array<{ site: string }> }; charts: Array<{ svg: string }> }
    expect(v.report.metrics.onTimeHipaa.notMet).toEqual([c.id])
    expect(v.report.rows[0]!.site).toBe('Main')
    expect(v.charts).toHaveLength(3)
    expect(v.charts[0]!.svg.startsWith('<svg')).toBe(true)
    const card = await invoke('reports.scorecard', { organizationId: org.id })
    expect(card.value).toMatchObject({ requests: [c.id], onTime: { share: 0 }, grade: 3 })
    const set = await invoke('workspace.setPerspective', { perspective: 'practice' })
    expect(set.value).toMatchObject({ perspective: 'practice' })
    expect(s.settings.get().perspective).toBe('practice')
  })

  it('refuses a period that ends before it starts, and an unknown filter, as bad input', async () => {
    const backwards = await invoke('reports.compliance', { from: '2026-10-01', to: '2026-09-01' })
    expect(backwards.error).toMatchObject({ code: 'INVALID_INPUT' })
    expect(backwards.error!.message).toContain('ends before it starts')
    const unknown = await invoke('reports.compliance', { from: '2026-09-01', to: '2026-09-30', filter: { colour: 'red' } })
    expect(unknown.error).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('warns only on a practice-side case', async () => {
    const { patient, org } = await seedBasics(s)
    const practice = await s.cases.add({ patientId: patient.id, organizationId: org.id, perspective: 'practice' })
    await s.cases.addEvent(practice.id, { type: 'request-received', date: '2026-10-28' })
    const advocate = await s.cases.add({ patientId: patient.id, organizationId: org.id })
    await s.cases.addEvent(advocate.id, { type: 'request-received', date: '2026-10-28' })
    // Due 2026-11-27, two days after "today".
    const w = await invoke('reports.warnings', { caseId: practice.id })
    expect((w.value as Array<{ code: string }>).map((x) => x.code)).toEqual(['due-soon', 'extension-notice-deadline'])
    expect((await invoke('reports.warnings', { caseId: advocate.id })).value).toEqual([])
  })

  it.skipIf(!hasSoffice)('exports a tagged US Letter PDF through LibreOffice', async () => {
    await seedLate()
    const pdf = await invoke('reports.export', { request: { from: '2026-09-01', to: '2026-09-30' }, format: 'pdf' })
    expect(pdf.ok, pdf.error?.message).toBe(true)
    const bytes = Buffer.from((pdf.value as { base64: string }).base64, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 612 792\s*\]/)
  }, 180_000)
})
