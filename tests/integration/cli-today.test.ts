// `today` and `cases list --waiting-on` on the demo caseload: the command line reaches the same
// worklist as the window, and a case whose complaint was filed is with the agency, not overdue for a step.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'

let dir: string
let d: string[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aa-cli-today-'))
  d = ['--data-dir', join(dir, 'data')]
  const demo = await cli(['demo', '--cases', '60', '--json', ...d])
  if (demo.code !== 0) throw new Error(demo.stderr)
}, 120_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Row = { id: string; waitingOn: string | null; nextStep: unknown }

describe('today', () => {
  it('lists what is due this week and counts every live case once', async () => {
    const r = await cli(['today', '--json', ...d])
    expect(r.code, r.stderr).toBe(0)
    const w = JSON.parse(r.stdout) as { today: string; weekEnd: string; windowHorizon: string; items: Array<{ kind: string; date: string }>; counts: { total: number; byWaitingOn: Record<string, number> } }
    const rows = JSON.parse((await cli(['cases', 'list', '--json', ...d])).stdout) as Row[]
    expect(w.counts.total).toBe(rows.length)
    expect(Object.values(w.counts.byWaitingOn).reduce((a, b) => a + b, 0)).toBe(rows.length)
    expect(w.counts.byWaitingOn['me']).toBe(rows.filter((x) => x.waitingOn === 'me').length)
    for (const i of w.items) expect(i.date <= (i.kind === 'complaint-window' ? w.windowHorizon : w.weekEnd)).toBe(true)
    const text = await cli(['today', ...d])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/By who they wait on: my action \d+, waiting on the holder \d+, waiting on an agency \d+, closed \d+\./)
  })

  it('cases with a complaint filed are with the agency and suggest no ladder step', async () => {
    const r = await cli(['cases', 'list', '--waiting-on', 'agency', '--json', ...d])
    expect(r.code, r.stderr).toBe(0)
    const rows = JSON.parse(r.stdout) as Row[]
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.nextStep).toBeNull()
      const view = JSON.parse((await cli(['cases', 'show', row.id, '--json', ...d])).stdout) as { case: { events: Array<{ type: string }> } }
      expect(view.case.events.some((e) => e.type === 'complaint-filed')).toBe(true)
    }
  })

  it('refuses a bad date or an unknown waiting-on with exit code 2', async () => {
    const bad = await cli(['today', '--as-of', '2026-02-30', ...d])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('2026-02-30')
    const who = await cli(['cases', 'list', '--waiting-on', 'nobody', ...d])
    expect(who.code).toBe(2)
    expect(who.stderr).toContain('--waiting-on nobody')
  })
})
